// How long the server has held a job in its queue, for a person: a response can stay `queued`
// for many minutes (seen after a disconnect right at response.created), and a job that shows only
// "Queued" for that long looks stuck. Mull keeps waiting and never resends it; this says so.
import { isSettled, type Job } from './job.js';

/** Below this, "queued" is ordinary and needs no note. */
const noteAfterMs = 60_000;

function minutesText(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "Queued on the server for 12 min" while the server still queues the job; else null. */
export function serverQueueNote(
  job: Pick<Job, 'status' | 'serverStatus' | 'responseId' | 'submittedAt'>,
  now: number,
): string | null {
  if (isSettled(job.status) || job.responseId === null || job.serverStatus !== 'queued')
    return null;
  if (job.submittedAt === null || now - job.submittedAt < noteAfterMs) return null;
  return `Queued on the server for ${minutesText(now - job.submittedAt)}`;
}
