// The monthly budget's notices, through the backend with real jobs against the emulator: 80 % and
// 100 % are each said once in a month, a restart does not say them again, and a changed budget
// starts over. The cost of one job is read from the first one, so the budget is set around it.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { EventOf } from '../../shared/ipc/contract.js';
import {
  isStatus,
  startHarness,
  testKey,
  testProviderId,
  type Harness,
} from '../core/engine/test-support/engine-harness.js';
import { keySourceFor, type KeyStore } from '../core/secrets/index.js';
import { startBackend, type Backend } from './backend.js';

let h: Harness;
let backend: Backend | undefined;
const notices: EventOf<'budget:reached'>[] = [];

/** A keychain holding the test key for every provider. */
const testKeychain: KeyStore = {
  get: () => Promise.resolve(testKey),
  set: () => Promise.reject(new Error('not in this test')),
  clear: () => Promise.reject(new Error('not in this test')),
  status: () => Promise.reject(new Error('not in this test')),
};

function start(): Backend {
  const started = startBackend({
    dataDir: h.dataDir,
    mode: 'web',
    version: 'test',
    keyStore: testKeychain,
    keys: keySourceFor({}, testKeychain),
    engine: { flushMs: 20 },
    log: () => undefined,
  });
  started.onEvent((event, payload) => {
    if (event === 'budget:reached') notices.push(payload as EventOf<'budget:reached'>);
  });
  return started;
}

/** Runs one job to its end; resolves with its cost. */
async function runJob(running: Backend): Promise<number> {
  const [job] = running.manager.submit({
    prompt: 'What does a budget buy?',
    model: 'gpt-5',
    providerId: testProviderId,
  });
  if (!job) throw new Error('not submitted');
  const done = await h.waitFor(job.id, isStatus('completed', 'failed'), running.manager);
  expect(done.status).toBe('completed');
  if (done.cost === null) throw new Error('the emulator job has no cost');
  return done.cost;
}

beforeEach(async () => {
  notices.length = 0;
  h = await startHarness();
  await h.manager.close(); // the backend drives
});
afterEach(async () => {
  await backend?.close();
  await h.close();
});

it('says 80 % and 100 % of the month once each, across a restart, and again for a new budget', async () => {
  backend = start();
  const cost = await runJob(backend);
  expect(notices).toEqual([]); // no budget yet: nothing to say

  // Two jobs' cost is about 91 % of this budget; three pass it.
  const budgetUsd = cost * 2.2;
  await backend.handlers['settings:update']({ monthlyBudgetUsd: budgetUsd });
  await runJob(backend);
  expect(notices).toEqual([{ percent: 80, spentUsd: cost * 2, budgetUsd }]);
  await runJob(backend);
  expect(notices.map((notice) => notice.percent)).toEqual([80, 100]);
  expect(notices[1]?.spentUsd).toBeCloseTo(cost * 3, 9);

  await backend.close();
  backend = start();
  await runJob(backend);
  expect(notices).toHaveLength(2); // said already this month

  // A raised budget is news again: five jobs are 83 % of six jobs' worth.
  await backend.handlers['settings:update']({ monthlyBudgetUsd: cost * 6 });
  await runJob(backend);
  expect(notices.at(-1)).toMatchObject({ percent: 80, budgetUsd: cost * 6 });
  expect(notices).toHaveLength(3);

  const status = await backend.handlers['budget:get']({});
  expect(status.monthlyBudgetUsd).toBe(cost * 6);
  expect(status.spentThisMonthUsd).toBeCloseTo(cost * 5, 9);
});
