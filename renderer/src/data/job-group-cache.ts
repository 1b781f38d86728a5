// A comparison's cached list of summaries, patched by a job's change (see job-cache-patcher.ts).
import { type JobSummary } from '../../../shared/job-summary.js';

/** A group's list with `job` put in its place (or added at the end when it is new to the group). */
export function upsertJobInGroup(jobs: JobSummary[], job: JobSummary): JobSummary[] {
  const index = jobs.findIndex((candidate) => candidate.id === job.id);
  if (index === -1) return [...jobs, job];
  const held = jobs[index];
  if (held && held.revision >= job.revision) return jobs;
  const next = [...jobs];
  next[index] = job;
  return next;
}
