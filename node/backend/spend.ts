// What the jobs cost: today, this month, per day and per model (local dates), from the sums the
// store takes over its indexes (node/core/store/spend-queries.ts). Local days are found here, not
// in SQL: a day is from one local midnight to the next (23 or 25 hours across a clock change),
// and the last 30 days with spend are found by seeking back from one such day to the one before.
import type { SpendSummary } from '../../shared/ipc/contract.js';
import { nanoUsdPerUsd } from '../../shared/cost.js';
import { startOfLocalMonth } from '../../shared/budget.js';
import type { SpendTotals } from '../core/store/index.js';

const daysShown = 30;

/** The local date of an instant, as YYYY-MM-DD. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The local day holding `ms`: its first instant and the next day's. */
function localDayAround(ms: number): { start: number; end: number } {
  const d = new Date(ms);
  const [year, month, date] = [d.getFullYear(), d.getMonth(), d.getDate()];
  return {
    start: new Date(year, month, date).getTime(),
    end: new Date(year, month, date + 1).getTime(),
  };
}

const usd = (nanoUsd: number) => nanoUsd / nanoUsdPerUsd;

export function spendSummary(totals: SpendTotals, now = Date.now()): SpendSummary {
  const today = localDayAround(now);
  const d = new Date(now);
  const month = totals.between(
    startOfLocalMonth(now),
    new Date(d.getFullYear(), d.getMonth() + 1, 1).getTime(),
  );
  const perDay: SpendSummary['perDay'] = [];
  for (let before = Infinity; perDay.length < daysShown;) {
    const newest = totals.newestBefore(before);
    if (newest === null) break;
    const day = localDayAround(newest);
    const spent = totals.between(day.start, day.end);
    perDay.push({ day: localDay(day.start), cost: usd(spent.nanoUsd), jobs: spent.jobs });
    before = day.start;
  }
  const perModel = totals
    .byModel()
    .map(({ model, jobs, nanoUsd }) => ({ model, cost: usd(nanoUsd), jobs }))
    .sort((a, b) => b.cost - a.cost || (a.model < b.model ? -1 : 1));
  return {
    today: usd(totals.between(today.start, today.end).nanoUsd),
    thisMonth: usd(month.nanoUsd),
    perDay,
    perModel,
    unpricedJobs: totals.unpriced(),
  };
}
