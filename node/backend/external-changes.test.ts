// The app while `mull run` drives its data directory: it shows the other process's progress and
// announces its endings, though its own engine drives nothing.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { EventChannel } from '../../shared/ipc/contract.js';
import {
  startHarness,
  testProviderId,
  type Harness,
} from '../core/engine/test-support/engine-harness.js';
import { memoryKeyStore } from '../core/secrets/memory-key-store.js';
import { startBackend, type Backend } from './backend.js';

let h: Harness;
let backend: Backend | undefined;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await backend?.close();
  await h.close();
});

it('follows the jobs another process drives: changes, then the terminal event once', async () => {
  const keyStore = memoryKeyStore();
  backend = startBackend({
    dataDir: h.dataDir,
    mode: 'web',
    version: 'test',
    keyStore,
    keys: { get: () => Promise.resolve(undefined), status: () => Promise.resolve({ set: false }) },
    log: () => undefined,
  });
  expect(backend.manager.isDriving).toBe(false); // the harness's manager holds the lock
  const seen: Array<{ event: EventChannel; status: string }> = [];
  const ended = new Promise<void>((resolve) => {
    backend?.onEvent((event, payload) => {
      if ('job' in payload) seen.push({ event, status: payload.job.status });
      if (event === 'jobs:terminal') resolve();
    });
  });
  await h.emulator.control.addScript({
    script: { answerDeltas: 60, timing: { deltaIntervalMs: 20 } },
  });
  h.manager.submit({ prompt: 'Driven elsewhere', model: 'gpt-5', providerId: testProviderId });
  await ended;
  expect(seen.filter((e) => e.event === 'jobs:changed').length).toBeGreaterThan(0);
  expect(seen.filter((e) => e.event === 'jobs:terminal')).toEqual([
    { event: 'jobs:terminal', status: 'completed' },
  ]);
});
