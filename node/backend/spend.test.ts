// Spend from the store's SQL sums against its definition: every finished job (deleted ones'
// kept spend too) grouped by its local end date and by model in JavaScript, summed in whole
// nano-USD. On a real database, in time zones with clock changes and a half-hour offset, with
// unpriced jobs, several jobs a day, gaps of weeks and jobs ending around local midnight.
import { afterEach, describe, expect, it } from 'vitest';
import type { SpendSummary } from '../../shared/ipc/contract.js';
import { costOf, sumUsd } from '../../shared/cost.js';
import { sampleJob } from '../core/store/test-support/sample-job.js';
import { useTestDatabases } from '../core/store/test-support/test-databases.js';
import type { JobStore } from '../core/store/index.js';
import { seededRandom } from '../emulator/seeded-random.js';
import { localDay, spendSummary } from './spend.js';

const databases = useTestDatabases();
const zoneBefore = process.env.TZ;
afterEach(() => {
  process.env.TZ = zoneBefore;
});

/** The definition: every row read, grouped by local day and by model. */
function spendByRows(store: JobStore, now: number): SpendSummary {
  const byDay = new Map<string, number[]>();
  const byModel = new Map<string, number[]>();
  let unpriced = 0;
  for (const row of store.spendRows()) {
    if (row.cost === null) {
      unpriced++;
      continue;
    }
    byDay.set(localDay(row.finishedAt), [...(byDay.get(localDay(row.finishedAt)) ?? []), row.cost]);
    byModel.set(row.model, [...(byModel.get(row.model) ?? []), row.cost]);
  }
  const today = localDay(now);
  return {
    today: sumUsd(byDay.get(today) ?? []),
    thisMonth: sumUsd(
      [...byDay].filter(([day]) => day.startsWith(today.slice(0, 7))).flatMap(([, c]) => c),
    ),
    perDay: [...byDay]
      .sort(([a], [b]) => (a < b ? 1 : -1))
      .slice(0, 30)
      .map(([day, costs]) => ({ day, cost: sumUsd(costs), jobs: costs.length })),
    perModel: [...byModel]
      .map(([model, costs]) => ({ model, cost: sumUsd(costs), jobs: costs.length }))
      .sort((a, b) => b.cost - a.cost || (a.model < b.model ? -1 : 1)),
    unpricedJobs: unpriced,
  };
}

const price = { inputUsdPerMillion: 15, cachedInputUsdPerMillion: null, outputUsdPerMillion: 120 };
const models = ['gpt-5-pro', 'o3-pro', 'gpt-5', 'o3'];
const dayMs = 86_400_000;

/** Jobs over the last ~200 days: bursts, gaps, some at local midnight, some unpriced, some deleted. */
function storeWithHistory(now: number) {
  const { store } = databases.store();
  const random = seededRandom(7);
  const draw = () => random.next();
  let at = now - 200 * dayMs;
  for (let index = 0; at < now + dayMs; index++) {
    // Mostly minutes apart, sometimes a gap of days or weeks.
    at += draw() < 0.02 ? Math.floor(draw() * 20 * dayMs) : Math.floor(draw() * 3_600_000);
    const usage = {
      inputTokens: Math.floor(draw() * 5_000),
      cachedTokens: 0,
      outputTokens: Math.floor(draw() * 40_000),
      reasoningTokens: 0,
      totalTokens: 0,
    };
    const job = sampleJob({
      model: models[index % models.length] ?? 'gpt-5',
      status: 'completed',
      // A few exactly at a local midnight, where one day ends and the next begins.
      finishedAt: index % 37 === 0 ? new Date(new Date(at).toDateString()).getTime() : at,
      cost: draw() < 0.05 ? null : costOf(usage, { ...price, checkedOn: '2026-11-01' }),
    });
    store.insert(job);
    if (index % 11 === 0) store.delete(job.id);
  }
  // Each of the last 40 local days begins and ends with a job: at its midnight, and half an hour
  // before the next (in the 25th hour of a day the clocks went back on).
  const today = new Date(now);
  for (let back = 0; back < 40; back++) {
    for (const [hour, minute] of [
      [0, 0],
      [23, 30],
    ] as const) {
      const at = new Date(
        today.getFullYear(),
        today.getMonth(),
        today.getDate() - back,
        hour,
        minute,
      );
      store.insert(sampleJob({ status: 'completed', finishedAt: at.getTime(), cost: 0.5 + back }));
    }
  }
  return store;
}

describe('the Spend summary', () => {
  for (const zone of ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'UTC']) {
    it(`equals its definition in ${zone}`, () => {
      process.env.TZ = zone;
      // Days after a clock change in the US and in Europe (2026-11-01, 2026-10-25).
      const now = Date.UTC(2026, 10, 3, 15, 0, 0);
      const store = storeWithHistory(now);
      const summary = spendSummary(store.spendTotals, now);
      expect(summary).toEqual(spendByRows(store, now));
      expect(summary.perDay).toHaveLength(30);
      expect(summary.unpricedJobs).toBeGreaterThan(0);
    });
  }

  it('is empty before any job finished', () => {
    const { store } = databases.store();
    store.insert(sampleJob({ status: 'in_progress' }));
    expect(spendSummary(store.spendTotals)).toEqual({
      today: 0,
      thisMonth: 0,
      perDay: [],
      perModel: [],
      unpricedJobs: 0,
    });
  });
});
