// "Queued on the server for 12 min": a job the server keeps queued for long looks stuck; this says
// Mull is still waiting for it (and will not send it again).
import type { Job } from '../../../shared/job.js';
import { serverQueueNote } from '../../../shared/server-queue.js';
import { useNow } from '../time/use-now.js';

export function ServerQueueNote({ job }: { job: Job }) {
  const waiting = job.serverStatus === 'queued' && job.responseId !== null;
  const now = useNow(waiting);
  const note = serverQueueNote(job, now);
  if (note === null) return null;
  return (
    <p className="job-header__queue-note" role="status">
      {note}. Mull keeps waiting for it and will not send it again.
    </p>
  );
}
