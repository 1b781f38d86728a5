// The job the demo starts with: one deep-research job with web search, so a newcomer sees a long
// run of searches end in a report with its sources. Stored (not sent) before the app opens the
// data directory; the app sends it like any job left waiting. Only into a directory with no jobs,
// so a kept --data-dir does not get it again.
import type { NewJob } from '../../shared/job.js';
import { JobManager } from '../core/engine/index.js';

export const demoDeepResearchJob = (providerId: string): NewJob => ({
  title: 'Deep research: heat pumps in cold climates',
  prompt:
    'How do heat pumps work in cold climates? Research how well they perform below freezing, what the field measurements say, and cite your sources.',
  model: 'o4-mini-deep-research',
  providerId,
  reasoningSummary: 'auto',
  tools: { webSearch: true },
});

/** Stores the demo's jobs into a data directory that has none yet; returns how many. */
export async function seedDemoJobs(dataDir: string, providerId: string): Promise<number> {
  // A reader: it stores the job but never takes the driver lock or sends anything.
  const manager = JobManager.open({
    dataDir,
    keys: { get: () => Promise.resolve(undefined) },
    drive: false,
  });
  try {
    if (manager.list({}).total > 0) return 0;
    return manager.submit([demoDeepResearchJob(providerId)]).length;
  } finally {
    await manager.close();
  }
}
