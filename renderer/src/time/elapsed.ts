// How long a job has been (or was) at work: from when it was sent (or created) to when it ended,
// or to now while it is not settled (a job waiting for a key still runs on the server).
import { isSettled } from '../../../shared/job.js';
import { type JobSummary } from '../../../shared/job-summary.js';

export type JobTimes = Pick<
  JobSummary,
  'status' | 'createdAt' | 'submittedAt' | 'finishedAt' | 'updatedAt'
>;

export function isRunning(job: Pick<JobSummary, 'status'>): boolean {
  return !isSettled(job.status);
}

export function elapsedMs(job: JobTimes, now: number): number {
  const start = job.submittedAt ?? job.createdAt;
  const end = isSettled(job.status) ? (job.finishedAt ?? job.updatedAt) : now;
  return Math.max(0, end - start);
}
