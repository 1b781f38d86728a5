// A comparison: one prompt sent to several models at once, its jobs sharing a group id. What the
// board and the side-by-side view say about the group as a whole.
import { formatUsd } from './cost.js';
import { isSettled } from './job.js';
import { type JobSummary } from './job-summary.js';

export interface GroupTotals {
  jobs: number;
  /** How many have settled (finished, failed, or of unknown fate). */
  settled: number;
  /** The sum of the costs known so far (USD). */
  cost: number;
  /** Jobs whose cost is not known (still running, or no price for their model): not in `cost`. */
  unpriced: number;
}

export function groupTotals(jobs: readonly Pick<JobSummary, 'status' | 'cost'>[]): GroupTotals {
  let cost = 0;
  let unpriced = 0;
  let settled = 0;
  for (const job of jobs) {
    if (isSettled(job.status)) settled += 1;
    if (job.cost === null) unpriced += 1;
    else cost += job.cost;
  }
  return { jobs: jobs.length, settled, cost, unpriced };
}

/** The models compared, in the group's order, each once ("gpt-5-pro, o3-pro and gpt-5"). */
export function groupModelsText(jobs: readonly Pick<JobSummary, 'model' | 'effort'>[]): string {
  const names = [
    ...new Set(jobs.map((job) => (job.effort ? `${job.model} (${job.effort})` : job.model))),
  ];
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** "$1.20 in all" / "$0.40 so far, 2 answers still running". */
export function groupCostText(totals: GroupTotals): string {
  const waiting = totals.jobs - totals.settled;
  if (waiting === 0 && totals.unpriced === 0) return `${formatUsd(totals.cost)} in all`;
  const parts = [`${formatUsd(totals.cost)} so far`];
  if (waiting > 0) parts.push(`${waiting} ${waiting === 1 ? 'answer' : 'answers'} still running`);
  const unpricedSettled = totals.unpriced - waiting;
  if (unpricedSettled > 0) parts.push(`${unpricedSettled} without a known price`);
  return parts.join(', ');
}
