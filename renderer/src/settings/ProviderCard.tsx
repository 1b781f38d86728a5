// One provider: where it is, its key (status, enter, clear, test) and removing it.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ProviderConfig } from '../../../shared/provider.js';
import {
  useKeyMutations,
  useKeyStatus,
  useRemoveProvider,
  useUpdateSettings,
} from '../data/use-app-data.js';
import { queryKeys } from '../data/query-keys.js';
import { ErrorNote } from '../ui/ErrorNote.js';
import { ApiKeyForm } from './ApiKeyForm.js';
import { KeyStatusText, keyStatusText } from './KeyStatusText.js';

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
  const queryClient = useQueryClient();
  // A test's result speaks of the key the test found; the status shown is that one too (the test
  // answers it), and once the key changes the result goes, so "Key set" never stands beside a
  // test that found none.
  const statusWords = status.data ? keyStatusText(status.data) : undefined;
  const [testedWith, setTestedWith] = useState<string | undefined>();
  const runTest = () =>
    testConnection.mutate(undefined, {
      onSuccess: (result) => {
        if (result.keyStatus) {
          queryClient.setQueryData(queryKeys.keyStatus(provider.id), result.keyStatus);
          setTestedWith(keyStatusText(result.keyStatus));
        } else setTestedWith(statusWords);
      },
    });
  const testResult =
    testConnection.data && testedWith === statusWords ? testConnection.data : undefined;
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
          onClick={runTest}
        >
          {testConnection.isPending ? 'Testing…' : 'Test connection'}
        </button>
        {keySet && status.data?.set && status.data.source !== 'environment' && (
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
      {testResult && (
        <p
          role="status"
          className={
            testResult.ok ? 'test-result test-result--ok' : 'test-result test-result--failed'
          }
        >
          {testResult.ok ? 'Connected: ' : 'Not connected: '}
          {testResult.message}
        </p>
      )}
      <ErrorNote error={testConnection.error} prefix="The test could not run." />
      <ErrorNote error={clearKey.error} prefix="The key was not cleared." />
      <ErrorNote error={remove.error} prefix="The provider was not removed." />
      <ErrorNote error={updateSettings.error} prefix="The default was not changed." />
    </li>
  );
}
