// What the jobs cost: today, this month, per day and per model (local dates).
import type { SpendSummary } from '../../shared/ipc/contract.js';
import { sumUsd } from '../../shared/cost.js';

export interface SpendRow {
  finishedAt: number;
  model: string;
  cost: number | null;
}

function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function append(groups: Map<string, number[]>, key: string, cost: number): void {
  const group = groups.get(key);
  if (group) group.push(cost);
  else groups.set(key, [cost]);
}

export function spendSummary(rows: readonly SpendRow[], now = Date.now()): SpendSummary {
  const today = localDay(now);
  const month = today.slice(0, 7);
  const byDay = new Map<string, number[]>();
  const byModel = new Map<string, number[]>();
  let unpriced = 0;
  for (const row of rows) {
    if (row.cost === null) {
      unpriced++;
      continue;
    }
    append(byDay, localDay(row.finishedAt), row.cost);
    append(byModel, row.model, row.cost);
  }
  const perDay = [...byDay]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .slice(0, 30)
    .map(([day, costs]) => ({ day, cost: sumUsd(costs), jobs: costs.length }));
  const perModel = [...byModel]
    .map(([model, costs]) => ({ model, cost: sumUsd(costs), jobs: costs.length }))
    .sort((a, b) => b.cost - a.cost);
  const monthCosts = [...byDay]
    .filter(([day]) => day.startsWith(month))
    .flatMap(([, costs]) => costs);
  return {
    today: sumUsd(byDay.get(today) ?? []),
    thisMonth: sumUsd(monthCosts),
    perDay,
    perModel,
    unpricedJobs: unpriced,
  };
}
