// When another process drives the data directory (`mull run`), this process's engine hears none
// of its writes. It looks at the most recently updated jobs once a second instead and tells the
// same events the engine would have: a change, and a job that became terminal (for the
// notification). Cheap: one indexed query of at most a page of rows.
import { isTerminal, type JobStatus } from '../../shared/job.js';
import { type JobSummary } from '../../shared/job-summary.js';
import { type JobManager } from '../core/engine/index.js';

export interface ExternalChangeHandlers {
  changed(job: JobSummary): void;
  terminal(job: JobSummary): void;
}

const scanLimit = 200;

/** Starts watching; returns the function that stops it. */
export function watchExternalChanges(
  manager: JobManager,
  tell: ExternalChangeHandlers,
  everyMs = 1_000,
): () => void {
  const seen = new Map<string, { revision: number; status: JobStatus }>();
  const scan = (announce: boolean) => {
    const { jobs } = manager.list({ sort: 'updatedAt', direction: 'desc', limit: scanLimit });
    for (const job of jobs) {
      const before = seen.get(job.id);
      if (before && before.revision >= job.revision) continue;
      seen.set(job.id, { revision: job.revision, status: job.status });
      if (!announce) continue;
      tell.changed(job);
      if (isTerminal(job.status) && !(before && isTerminal(before.status))) tell.terminal(job);
    }
  };
  scan(false); // what is there at start is the snapshot, not news
  const timer = setInterval(() => scan(true), everyMs);
  return () => clearInterval(timer);
}
