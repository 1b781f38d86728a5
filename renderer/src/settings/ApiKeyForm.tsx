// Enters an API key once: a password field, sent to the keychain, then cleared. The page never
// sees the key again, only "set, ending in abcd".
import { useId, useState } from 'react';
import { useKeyMutations } from '../data/use-app-data.js';
import { ErrorNote } from '../ui/ErrorNote.js';

interface Props {
  providerId: string;
  providerLabel: string;
  keyIsSet: boolean;
  onSaved?: () => void;
}

export function ApiKeyForm({ providerId, providerLabel, keyIsSet, onSaved }: Props) {
  const [key, setKey] = useState('');
  const fieldId = useId();
  const { setKey: saveKey } = useKeyMutations(providerId);
  return (
    <form
      className="api-key-form"
      onSubmit={(event) => {
        event.preventDefault();
        const entered = key.trim();
        if (entered === '') return;
        saveKey.mutate(entered, {
          onSuccess: () => onSaved?.(),
          // Cleared either way: a key should not sit in a field longer than needed.
          onSettled: () => setKey(''),
        });
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
          disabled={key.trim() === '' || saveKey.isPending}
        >
          Save key
        </button>
      </div>
      {saveKey.isSuccess && <p role="status">Key saved.</p>}
      <ErrorNote error={saveKey.error} prefix="The key was not saved." />
    </form>
  );
}
