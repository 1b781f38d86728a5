// `mull run`'s progress lines on stderr: one per status change of a job, never its text (a job's
// error message is written for people and never contains a key).
import { isTerminal, type Job, type JobStatus } from '../../shared/job.js';
import type { JobManager } from '../core/engine/index.js';
import { jobLine, shortId } from './job-format.js';

/** Reports status changes until the returned function is called. */
export function reportProgress(manager: JobManager, say: (line: string) => void): () => void {
  const lastStatus = new Map<string, JobStatus>();
  for (const job of manager.unfinished()) lastStatus.set(job.id, job.status);
  return manager.onChange(({ job }) => {
    if (lastStatus.get(job.id) === job.status) return; // streamed text: not news here
    lastStatus.set(job.id, job.status);
    say(progressLine(job));
  });
}

export function progressLine(job: Job): string {
  if (isTerminal(job.status) && job.error === null) return jobLine(job);
  const reason = job.error ? `: ${job.error.message}` : '';
  return `${shortId(job.id)} ${job.status}${reason}`;
}
