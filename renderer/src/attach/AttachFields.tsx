// The attach dialog's form: the response id, an optional title, the provider it lives on.
import { useId, useRef, useState } from 'react';
import type { ProviderConfig } from '../../../shared/provider.js';
import { useAttachResponse } from '../data/use-job-actions.js';
import { ErrorNote } from '../ui/ErrorNote.js';
import { ProviderField } from '../ui/ProviderField.js';

interface Props {
  providers: readonly ProviderConfig[];
  defaultProviderId: string;
  onClose: () => void;
  onAttached: (id: string) => void;
}

export function AttachFields({ providers, defaultProviderId, onClose, onAttached }: Props) {
  const known = providers.some((provider) => provider.id === defaultProviderId);
  const [responseId, setResponseId] = useState('');
  const [title, setTitle] = useState('');
  const [providerId, setProviderId] = useState(
    known ? defaultProviderId : (providers[0]?.id ?? defaultProviderId),
  );
  const attach = useAttachResponse();
  const ids = { responseId: useId(), hint: useId(), title: useId(), provider: useId() };
  const idField = useRef<HTMLInputElement>(null);
  const filled = responseId.trim() !== '';
  const canAttach = filled && !attach.isPending;

  return (
    <form
      aria-label="Attach a response"
      aria-busy={attach.isPending}
      onSubmit={(event) => {
        event.preventDefault();
        if (!canAttach) return;
        attach.mutate(
          {
            responseId: responseId.trim(),
            providerId,
            ...(title.trim() === '' ? {} : { title: title.trim() }),
          },
          {
            onSuccess: (job) => onAttached(job.id),
            // Back to the id, to correct it (the refusal says what is wrong with it).
            onError: () => idField.current?.focus(),
          },
        );
      }}
    >
      <div className="dialog__body">
        <p className="muted">
          A background response started elsewhere (another tool, or a job whose response id never
          reached Mull). Mull asks the provider for it: a finished one is stored with its answer and
          cost, a running one is followed to its end.
        </p>
        <div className="field">
          <label htmlFor={ids.responseId}>Response id</label>
          <input
            ref={idField}
            id={ids.responseId}
            value={responseId}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            maxLength={500}
            placeholder="resp_…"
            aria-describedby={ids.hint}
            onChange={(event) => setResponseId(event.target.value)}
          />
          <p id={ids.hint} className="field__hint">
            As the provider shows it in its logs or dashboard, e.g. resp_0a63….
          </p>
        </div>
        <div className="field">
          <label htmlFor={ids.title}>Title (optional)</label>
          <input
            id={ids.title}
            value={title}
            maxLength={500}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        <ProviderField
          id={ids.provider}
          providers={providers}
          value={providerId}
          onChange={setProviderId}
        />
        {attach.isPending && (
          <p role="status" className="muted">
            Asking the provider about this response…
          </p>
        )}
        <ErrorNote error={attach.error} />
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        {/* Not disabled while attaching (aria-disabled): the focus stays on it, in the dialog. */}
        <button
          type="submit"
          className="button button--primary"
          disabled={!filled}
          aria-disabled={attach.isPending}
        >
          {attach.isPending ? 'Attaching…' : 'Attach'}
        </button>
      </div>
    </form>
  );
}
