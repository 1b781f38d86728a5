// The Spend summary, summed in SQL per model and quarter hour, against the same figures worked out
// job by job from the stored rows: every local day right, in a zone 5 h 45 min from UTC and across
// a daylight saving change, with unpriced and deleted jobs, and sums without float drift.
import { afterAll, describe, expect, it } from 'vitest';
import { sumUsd } from '../../shared/cost.js';
import { sampleJob } from '../core/store/test-support/sample-job.js';
import { useTestDatabases } from '../core/store/test-support/test-databases.js';
import { spendSummary } from './spend.js';

const databases = useTestDatabases();

/** The summary computed row by row (how it was computed before SQL summed it). */
function jobByJob(rows: { finishedAt: number; model: string; cost: number | null }[], now: number) {
  const day = (ms: number) => {
    const d = new Date(ms);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  const priced = rows.filter((row) => row.cost !== null) as {
    finishedAt: number;
    model: string;
    cost: number;
  }[];
  const group = (key: (row: (typeof priced)[number]) => string) => {
    const groups = new Map<string, number[]>();
    for (const row of priced) groups.set(key(row), [...(groups.get(key(row)) ?? []), row.cost]);
    return groups;
  };
  const byDay = group((row) => day(row.finishedAt));
  const today = day(now);
  return {
    today: sumUsd(byDay.get(today) ?? []),
    thisMonth: sumUsd(
      [...byDay].filter(([d]) => d.startsWith(today.slice(0, 7))).flatMap(([, c]) => c),
    ),
    perDay: [...byDay]
      .sort(([a], [b]) => (a < b ? 1 : -1))
      .slice(0, 30)
      .map(([d, costs]) => ({ day: d, cost: sumUsd(costs), jobs: costs.length })),
    perModel: [...group((row) => row.model)]
      .map(([model, costs]) => ({ model, cost: sumUsd(costs), jobs: costs.length }))
      .sort((a, b) => b.cost - a.cost),
    unpricedJobs: rows.length - priced.length,
  };
}

describe('spendSummary', () => {
  const zone = process.env.TZ;
  afterAll(() => {
    process.env.TZ = zone;
  });

  it.each(['Asia/Kathmandu', 'America/New_York', 'UTC'])(
    'gives every job its local day and sums exactly (%s)',
    (timeZone) => {
      process.env.TZ = timeZone;
      const { store } = databases.store();
      // Minutes around local midnights, over a month with a DST change (2026-11-01 in New York).
      const start = Date.UTC(2026, 9, 20);
      let n = 0;
      for (let hour = 0; hour < 24 * 40; hour += 5) {
        for (const minute of [0, 14, 15, 44, 45, 59]) {
          n++;
          const job = sampleJob({
            id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
            status: 'completed',
            model: ['gpt-5', 'o3-pro', 'gpt-5-pro'][n % 3] ?? 'gpt-5',
            finishedAt: start + (hour * 60 + minute) * 60_000,
            cost: n % 7 === 0 ? null : 0.1 + (n % 5) * 0.0000001,
          });
          store.insert(job);
          if (n % 11 === 0) store.delete(job.id); // deleted jobs keep their spend
        }
      }
      const now = start + 20 * 24 * 3_600_000;
      const rows = store.spendRows();
      expect(rows.length).toBe(n);
      expect(spendSummary(store.spendGroups(), now)).toEqual(jobByJob(rows, now));
    },
  );
});
