// Adds a provider: Azure OpenAI or any server that speaks the Responses API (OpenAI itself is
// always there). Its key is entered afterwards, on its card.
import { useId, useState } from 'react';
import {
  defaultAuthStyle,
  type AuthStyle,
  type ProviderConfig,
  type ProviderKind,
} from '../../../shared/provider.js';
import { useSaveProvider } from '../data/use-app-data.js';
import { ErrorNote } from '../ui/ErrorNote.js';
import { providerIdFor } from './provider-id.js';

const baseUrlExamples: Record<ProviderKind, string> = {
  openai: 'https://api.openai.com/v1',
  azure: 'https://YOUR-RESOURCE.openai.azure.com/openai/v1',
  compatible: 'http://127.0.0.1:8000/v1',
};

export function AddProviderForm({ providers }: { providers: readonly ProviderConfig[] }) {
  const [kind, setKind] = useState<ProviderKind>('azure');
  const [label, setLabel] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [authStyle, setAuthStyle] = useState<AuthStyle | null>(null);
  const save = useSaveProvider();
  const ids = { kind: useId(), label: useId(), baseUrl: useId(), auth: useId() };
  const auth = authStyle ?? defaultAuthStyle(kind);

  return (
    <form
      className="add-provider"
      onSubmit={(event) => {
        event.preventDefault();
        const provider: ProviderConfig = {
          id: providerIdFor(label, new Set(providers.map((p) => p.id))),
          kind,
          label: label.trim(),
          baseUrl: baseUrl.trim(),
          authStyle: auth,
        };
        save.mutate(provider, {
          onSuccess: () => {
            setLabel('');
            setBaseUrl('');
          },
        });
      }}
    >
      <h4>Add a provider</h4>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.kind}>Kind</label>
          <select
            id={ids.kind}
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as ProviderKind);
              setAuthStyle(null);
            }}
          >
            <option value="azure">Azure OpenAI</option>
            <option value="compatible">OpenAI-compatible server</option>
            <option value="openai">OpenAI</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.label}>Name</label>
          <input
            id={ids.label}
            value={label}
            required
            maxLength={100}
            onChange={(event) => setLabel(event.target.value)}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor={ids.baseUrl}>Base URL</label>
        <input
          id={ids.baseUrl}
          type="url"
          value={baseUrl}
          required
          placeholder={baseUrlExamples[kind]}
          spellCheck={false}
          onChange={(event) => setBaseUrl(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.auth}>How the key is sent</label>
        <select
          id={ids.auth}
          value={auth}
          onChange={(event) => setAuthStyle(event.target.value as AuthStyle)}
        >
          <option value="bearer">
            Authorization: Bearer (OpenAI, most servers, Azure with Entra ID)
          </option>
          <option value="api-key">api-key header (Azure keys)</option>
        </select>
      </div>
      <ErrorNote error={save.error} prefix="The provider was not added." />
      <button
        type="submit"
        className="button"
        disabled={save.isPending || label.trim() === '' || baseUrl.trim() === ''}
      >
        Add provider
      </button>
    </form>
  );
}
