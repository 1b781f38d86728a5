// status_page_<scale>_ms and spend_<scale>_ms: two reads the app makes on the scaled dataset, as
// the backend makes them (node/backend/handlers.ts), through the JobManager.
// - A board page with a status filter: `jobs:list` as the board asks it (100 summaries, newest
//   first, with the total), for the toolbar's filters: one common status, one rare status, and
//   the "Needs attention" and "Finished" groups. The figure is the slowest filter's median.
// - The spend summary: `jobs:spend`, i.e. spendSummary(manager.spendTotals()): SQL sums over the
//   spend indexes (migration 13) of every finished job.
import type { JobStatus } from '../shared/job.js';
import { JobManager } from '../node/core/engine/job-manager.js';
import { spendSummary } from '../node/backend/spend.js';
import { median } from './bench-support.js';
import type { BoardDataset } from './board-dataset.js';
import { percentiles } from './search-latency.js';

export interface StatusPageTiming {
  filter: string;
  /** Jobs the filter matches (the page's total). */
  total: number;
  medianMs: number;
  p95Ms: number;
}

export interface BoardQueriesResult {
  jobs: number;
  runs: number;
  statusPages: StatusPageTiming[];
  /** The slowest filter's median. */
  status_page_ms: number;
  spendMs: number;
  spendP95Ms: number;
  /** Finished jobs Spend sums over (every job of the dataset is finished). */
  spendJobs: number;
}

/** The board's page size (renderer/src/data/use-job-list.ts). */
const pageSize = 100;

/** As the board's toolbar offers them (renderer/src/board/board-filters.ts). */
const filters: ReadonlyArray<{ filter: string; statuses: JobStatus[] }> = [
  { filter: 'completed', statuses: ['completed'] },
  { filter: 'failed', statuses: ['failed'] },
  { filter: 'needs attention', statuses: ['needs_key', 'unknown', 'failed', 'incomplete'] },
  { filter: 'finished', statuses: ['completed', 'incomplete', 'failed', 'cancelled', 'expired'] },
];

function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

export async function benchBoardQueries(
  dataset: BoardDataset,
  runs = 15,
): Promise<BoardQueriesResult> {
  const manager = JobManager.open({
    dataDir: dataset.dir,
    drive: false,
    keys: { get: () => Promise.resolve(undefined) },
  });
  try {
    const page = (statuses: JobStatus[]) =>
      manager.list({ statuses, sort: 'createdAt', direction: 'desc', limit: pageSize });
    const spend = () => spendSummary(manager.spendTotals());
    // One untimed pass: the database pages are warm, as in a running app.
    const totals = filters.map(({ statuses }) => page(statuses).total);
    spend();
    const samples = filters.map(() => [] as number[]);
    const spendSamples: number[] = [];
    for (let run = 0; run < runs; run++) {
      filters.forEach(({ statuses }, index) => samples[index]?.push(timed(() => page(statuses))));
      spendSamples.push(timed(spend));
    }
    const statusPages = filters.map(({ filter }, index) => ({
      filter,
      total: totals[index] ?? 0,
      medianMs: median(samples[index] ?? []),
      p95Ms: percentiles(samples[index] ?? []).p95,
    }));
    return {
      jobs: dataset.jobs,
      runs,
      statusPages,
      status_page_ms: Math.max(...statusPages.map((p) => p.medianMs)),
      spendMs: median(spendSamples),
      spendP95Ms: percentiles(spendSamples).p95,
      spendJobs: dataset.jobs,
    };
  } finally {
    await manager.close();
  }
}
