// What the jobs cost: today, this month, per day and per model (local dates), from the store's
// groups (spend per model and quarter hour, summed in SQL: a JS pass over 100,000 rows took
// 140 ms). Each group lies within one local day (see spendBucketMs), so it is given its day here.
import type { SpendSummary } from '../../shared/ipc/contract.js';
import { spendBucketMs, type SpendGroup } from '../core/engine/index.js';

const nanoUsdPerUsd = 1e9;

function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

interface Total {
  nanoUsd: number;
  jobs: number;
}

function add(totals: Map<string, Total>, key: string, group: SpendGroup): void {
  const total = totals.get(key);
  if (total) {
    total.nanoUsd += group.nanoUsd;
    total.jobs += group.priced;
  } else totals.set(key, { nanoUsd: group.nanoUsd, jobs: group.priced });
}

const usd = (nanoUsd: number) => nanoUsd / nanoUsdPerUsd;

export function spendSummary(groups: readonly SpendGroup[], now = Date.now()): SpendSummary {
  const today = localDay(now);
  const month = today.slice(0, 7);
  const byDay = new Map<string, Total>();
  const byModel = new Map<string, Total>();
  const dayOfBucket = new Map<number, string>();
  let unpriced = 0;
  for (const group of groups) {
    unpriced += group.unpriced;
    if (group.priced === 0) continue;
    let day = dayOfBucket.get(group.bucket);
    if (day === undefined) {
      day = localDay(group.bucket * spendBucketMs);
      dayOfBucket.set(group.bucket, day);
    }
    add(byDay, day, group);
    add(byModel, group.model, group);
  }
  const perDay = [...byDay]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .slice(0, 30)
    .map(([day, total]) => ({ day, cost: usd(total.nanoUsd), jobs: total.jobs }));
  const perModel = [...byModel]
    .map(([model, total]) => ({ model, cost: usd(total.nanoUsd), jobs: total.jobs }))
    .sort((a, b) => b.cost - a.cost);
  let monthNanoUsd = 0;
  for (const [day, total] of byDay) if (day.startsWith(month)) monthNanoUsd += total.nanoUsd;
  return {
    today: usd(byDay.get(today)?.nanoUsd ?? 0),
    thisMonth: usd(monthNanoUsd),
    perDay,
    perModel,
    unpricedJobs: unpriced,
  };
}
