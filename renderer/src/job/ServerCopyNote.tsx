// How long the server keeps this job's response, said plainly (shared/server-retention.ts): the
// date its copy goes or went, and that Mull's copy stays. A job whose server copy is gone says a
// follow-up cannot continue it, instead of sending one that would fail.
import type { Job } from '../../../shared/job.js';
import {
  serverCopyExpired,
  serverCopyExpiresAt,
  serverRetentionDays,
} from '../../../shared/server-retention.js';
import { formatDateTime } from '../format/dates.js';

/** `now`: the view's clock (a date 30 days off needs no ticking). */
export function ServerCopyNote({ job, now }: { job: Job; now: number }) {
  if (job.responseId === null) return null;
  const until = formatDateTime(serverCopyExpiresAt(job));
  if (serverCopyExpired(job, now)) {
    return (
      <p className="field__hint server-copy" role="note">
        The server's copy of this response expired on {until} (it keeps responses{' '}
        {serverRetentionDays} days), so a follow-up cannot continue this conversation: start a new
        job instead. Mull's copy of the job stays on this computer.
      </p>
    );
  }
  return (
    <p className="field__hint server-copy" role="note">
      The server keeps this response until {until} ({serverRetentionDays} days); Mull's copy stays
      on this computer.
    </p>
  );
}
