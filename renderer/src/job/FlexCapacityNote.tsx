// A flex job refused for lack of capacity: it waits and is sent again with backoff (nothing is
// billed meanwhile); the person may send it at the standard tier now instead.
import type { Job } from '../../../shared/job.js';
import { useStandardTier } from '../data/use-standard-tier.js';
import { ErrorNote } from '../ui/ErrorNote.js';

export function FlexCapacityNote({ job }: { job: Pick<Job, 'id' | 'error'> }) {
  const standard = useStandardTier();
  return (
    <div className="job-note job-note--warning">
      <p>
        <strong>Waiting for flex capacity.</strong> The provider has no flex capacity right now;
        Mull sends the job again with backoff, and nothing is billed until it runs.
      </p>
      <button
        type="button"
        className="button"
        disabled={standard.isPending}
        onClick={() => standard.mutate(job.id)}
      >
        Use the standard tier
      </button>
      <ErrorNote
        error={standard.error}
        prefix="The job could not be switched to the standard tier."
      />
    </div>
  );
}
