// Enters an API key once: a password field, sent to the keychain, then cleared. The page never
// sees the key again, only "set, ending in abcd". When there is no keychain (Linux without a
// Secret Service) the field keeps what was typed, the reason is one sentence, and the key can be
// kept in the main process's memory for this session only.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ContractError } from '../../../shared/ipc/envelope.js';
import { useApi } from '../data/api-context.js';
import { useKeyMutations } from '../data/use-app-data.js';
import { queryKeys } from '../data/query-keys.js';
import { ErrorNote } from '../ui/ErrorNote.js';

interface Props {
  providerId: string;
  providerLabel: string;
  keyIsSet: boolean;
  onSaved?: () => void;
}

const noKeychain = (error: unknown): error is ContractError =>
  error instanceof ContractError && error.code === 'KEYCHAIN_UNAVAILABLE';

/** keys:set with `sessionOnly`: the key kept in memory until Mull closes. */
function useKeepForSession(providerId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => api.invoke('keys:set', { providerId, key, sessionOnly: true }),
    onSuccess: (status) => queryClient.setQueryData(queryKeys.keyStatus(providerId), status),
  });
}

export function ApiKeyForm({ providerId, providerLabel, keyIsSet, onSaved }: Props) {
  const [key, setKey] = useState('');
  const [saved, setSaved] = useState<'keychain' | 'session' | null>(null);
  const fieldId = useId();
  const { setKey: saveKey } = useKeyMutations(providerId);
  const keepForSession = useKeepForSession(providerId);
  const pending = saveKey.isPending || keepForSession.isPending;

  // Cleared only once the key is kept somewhere: a failure leaves it for the next try.
  const done = (where: 'keychain' | 'session') => {
    setKey('');
    setSaved(where);
    onSaved?.();
  };
  const save = (entered: string) => {
    setSaved(null);
    keepForSession.reset();
    saveKey.mutate(entered, { onSuccess: () => done('keychain') });
  };
  const keep = () => {
    const entered = key.trim();
    if (entered === '') return;
    saveKey.reset();
    keepForSession.mutate(entered, { onSuccess: () => done('session') });
  };
  const saveError = saveKey.error;

  return (
    <form
      className="api-key-form"
      onSubmit={(event) => {
        event.preventDefault();
        const entered = key.trim();
        if (entered !== '') save(entered);
      }}
    >
      <label htmlFor={fieldId}>
        {keyIsSet ? `Replace the ${providerLabel} API key` : `${providerLabel} API key`}
      </label>
      <div className="api-key-form__row">
        <input
          id={fieldId}
          type="password"
          value={key}
          autoComplete="off"
          spellCheck={false}
          placeholder="sk-…"
          onChange={(event) => setKey(event.target.value)}
        />
        <button
          type="submit"
          className="button button--primary"
          disabled={key.trim() === '' || pending}
        >
          Save key
        </button>
      </div>
      {saved === 'keychain' && <p role="status">Key saved in the system keychain.</p>}
      {saved === 'session' && (
        <p role="status">
          Key kept for this session only: Mull holds it in memory until it closes, and it is not
          saved anywhere.
        </p>
      )}
      {noKeychain(saveError) ? (
        <div className="error-note" role="alert">
          <p>{saveError.message}</p>
          <button
            type="button"
            className="button"
            disabled={key.trim() === '' || pending}
            onClick={keep}
          >
            Keep for this session only
          </button>
        </div>
      ) : (
        <ErrorNote error={saveError} prefix="The key was not saved." />
      )}
      <ErrorNote error={keepForSession.error} prefix="The key was not kept." />
    </form>
  );
}
