// One provider: where it is, its key (status, enter, clear, test) and removing it.
import type { ProviderConfig } from '../../../shared/provider.js';
import {
  useKeyMutations,
  useKeyStatus,
  useRemoveProvider,
  useUpdateSettings,
} from '../data/use-app-data.js';
import { ErrorNote } from '../ui/ErrorNote.js';
import { ApiKeyForm } from './ApiKeyForm.js';
import { KeyStatusText } from './KeyStatusText.js';

const kindWords = {
  openai: 'OpenAI',
  azure: 'Azure OpenAI',
  compatible: 'OpenAI-compatible',
} as const;

export function ProviderCard({
  provider,
  isDefault,
}: {
  provider: ProviderConfig;
  isDefault: boolean;
}) {
  const status = useKeyStatus(provider.id);
  const { clearKey, testConnection } = useKeyMutations(provider.id);
  const remove = useRemoveProvider();
  const updateSettings = useUpdateSettings();
  const keySet = status.data?.set ?? false;
  return (
    <li className="provider-card">
      <h4 className="provider-card__title">
        {provider.label}
        {isDefault && <span className="tag">Default</span>}
      </h4>
      <p className="muted">
        {kindWords[provider.kind]} · {provider.baseUrl} ·{' '}
        {provider.authStyle === 'api-key' ? 'api-key header' : 'Bearer token'}
      </p>
      <KeyStatusText status={status.data} />
      <ErrorNote error={status.error} prefix="The key status is not known." />
      <ApiKeyForm providerId={provider.id} providerLabel={provider.label} keyIsSet={keySet} />
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={testConnection.isPending}
          onClick={() => testConnection.mutate()}
        >
          {testConnection.isPending ? 'Testing…' : 'Test connection'}
        </button>
        {keySet && status.data?.set && status.data.source === 'keychain' && (
          <button
            type="button"
            className="button"
            disabled={clearKey.isPending}
            onClick={() => clearKey.mutate()}
          >
            Clear key
          </button>
        )}
        {!isDefault && (
          <button
            type="button"
            className="button"
            onClick={() => updateSettings.mutate({ defaultProviderId: provider.id })}
          >
            Make default
          </button>
        )}
        {!isDefault && (
          <button
            type="button"
            className="button"
            disabled={remove.isPending}
            onClick={() => remove.mutate(provider.id)}
          >
            Remove
          </button>
        )}
      </div>
      {testConnection.data && (
        <p
          role="status"
          className={
            testConnection.data.ok
              ? 'test-result test-result--ok'
              : 'test-result test-result--failed'
          }
        >
          {testConnection.data.ok ? 'Connected: ' : 'Not connected: '}
          {testConnection.data.message}
        </p>
      )}
      <ErrorNote error={testConnection.error} prefix="The test could not run." />
      <ErrorNote error={clearKey.error} prefix="The key was not cleared." />
      <ErrorNote error={remove.error} prefix="The provider was not removed." />
      <ErrorNote error={updateSettings.error} prefix="The default was not changed." />
    </li>
  );
}
