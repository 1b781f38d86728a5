// A job of unknown fate: its create request left, but its response id never came back, so it may
// be running (and billed) on the provider. Mull never sends it again by itself; the person either
// attaches the response id the provider shows, or retries it as a new job.
import { Link } from 'lucide-react';
import { useId, useState } from 'react';
import type { Job } from '../../../shared/job.js';
import { useAttachResponse } from '../data/use-job-actions.js';
import { ErrorNote } from '../ui/ErrorNote.js';
import { Icon } from '../ui/Icon.js';

export function AttachUnknownForm({ job, onOpen }: { job: Job; onOpen: (id: string) => void }) {
  const [responseId, setResponseId] = useState('');
  const attach = useAttachResponse();
  const fieldId = useId();
  const filled = responseId.trim() !== '';
  const canAttach = filled && !attach.isPending;
  return (
    <div className="job-note job-note--warning">
      <p>
        Mull sent this job but never learned its response id, so it may or may not be running (and
        billed) on the provider. It is not sent again by itself, which could bill it twice. If the
        provider’s logs or dashboard show the response, attach its id and Mull follows it to the
        end; otherwise retry the job.
      </p>
      <form
        className="attach-form"
        aria-label="Attach this job's response id"
        aria-busy={attach.isPending}
        onSubmit={(event) => {
          event.preventDefault();
          if (!canAttach) return;
          attach.mutate(
            { responseId: responseId.trim(), jobId: job.id },
            {
              onSuccess: (attached) => {
                setResponseId('');
                onOpen(attached.id);
              },
            },
          );
        }}
      >
        <label htmlFor={fieldId}>Response id</label>
        <div className="attach-form__row">
          <input
            id={fieldId}
            value={responseId}
            autoComplete="off"
            spellCheck={false}
            maxLength={500}
            placeholder="resp_…"
            onChange={(event) => setResponseId(event.target.value)}
          />
          <button
            type="submit"
            className="button button--primary"
            disabled={!filled}
            aria-disabled={attach.isPending}
          >
            <Icon of={Link} /> {attach.isPending ? 'Attaching…' : 'Attach response id'}
          </button>
        </div>
        <ErrorNote error={attach.error} />
      </form>
    </div>
  );
}
