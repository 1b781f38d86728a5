// Migration 8 on a real database: deleting a finished job keeps what it cost in the spend rows
// (deleting an answer does not un-spend money), and the price a job was billed at reads back.
import { expect, it } from 'vitest';
import { sampleJob } from './test-support/sample-job.js';
import { useTestDatabases } from './test-support/test-databases.js';

const databases = useTestDatabases();

it('a deleted finished job still counts in spend; an unfinished one never did', () => {
  const { store } = databases.store();
  const price = {
    inputUsdPerMillion: 15,
    cachedInputUsdPerMillion: null,
    outputUsdPerMillion: 120,
    checkedOn: '2026-11-01',
  };
  const finished = sampleJob({
    status: 'completed',
    finishedAt: 1_000,
    cost: 1.25,
    priceUsed: price,
  });
  const running = sampleJob({ status: 'in_progress' });
  store.insert(finished);
  store.insert(running);
  expect(store.get(finished.id)?.priceUsed).toEqual(price);
  const before = store.spendRows();
  expect(before).toEqual([{ finishedAt: 1_000, model: finished.model, cost: 1.25 }]);
  store.delete(finished.id);
  store.delete(running.id);
  expect(store.get(finished.id)).toBeUndefined();
  expect(store.spendRows()).toEqual(before);
});
