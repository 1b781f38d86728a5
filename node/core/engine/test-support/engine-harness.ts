// Test harness: a real emulator over loopback, a fresh data directory with a real SQLite file, and
// a JobManager pointed at both. Waiting is done on the manager's change events, never with sleeps.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator, type StartOptions } from '../../../emulator/index.js';
import { isSettled, type Job, type JobId } from '../../../../shared/job.js';
import type { EngineOptionsInput } from '../engine-options.js';
import { JobManager, type KeySource } from '../job-manager.js';

export const testProviderId = 'emulator';
export const testKey = 'sk-test-engine-key-0001';

/** A key source whose key a test can change (or remove). */
export class TestKeys implements KeySource {
  constructor(public key: string | undefined = testKey) {}
  get(): Promise<string | undefined> {
    return Promise.resolve(this.key);
  }
}

/** Engine settings that make the ladder fast enough for tests. */
export const fastEngine: EngineOptionsInput = {
  stallMs: 2_000,
  flushMs: 20,
  backoff: { baseMs: 20, maxMs: 200, pollFirstMs: 20, pollMaxMs: 100, resumeAttempts: 4 },
  detachAfterMs: 50,
  pendingScanMs: 50,
};

export interface Harness {
  emulator: RunningEmulator;
  dataDir: string;
  keys: TestKeys;
  manager: JobManager;
  open(options?: { drive?: boolean; engine?: EngineOptionsInput }): JobManager;
  /** Resolves with the job once `done(job)` holds (checked now and on every change). */
  waitFor(id: JobId, done: (job: Job) => boolean, manager?: JobManager): Promise<Job>;
  close(): Promise<void>;
}

export async function startHarness(
  options: { emulator?: StartOptions; engine?: EngineOptionsInput } = {},
): Promise<Harness> {
  const emulator = await startEmulator(options.emulator);
  const dataDir = mkdtempSync(join(tmpdir(), 'mull-engine-'));
  const keys = new TestKeys();
  const managers: JobManager[] = [];
  const open = (opts: { drive?: boolean; engine?: EngineOptionsInput } = {}) => {
    const manager = JobManager.open({
      dataDir,
      keys,
      drive: opts.drive ?? true,
      engine: { ...fastEngine, ...options.engine, ...opts.engine },
    });
    manager.settings.saveProvider({
      id: testProviderId,
      kind: 'compatible',
      label: 'Emulator',
      baseUrl: emulator.baseURL,
      authStyle: 'bearer',
    });
    managers.push(manager);
    return manager;
  };
  const harness: Harness = {
    emulator,
    dataDir,
    keys,
    manager: open(),
    open,
    waitFor: (id, done, manager = harness.manager) =>
      new Promise((resolve) => {
        const check = (job: Job | undefined) => {
          if (job && done(job)) {
            unsubscribe();
            resolve(job);
          }
        };
        const unsubscribe = manager.onChange(({ job }) => {
          if (job.id === id) check(job);
        });
        check(manager.get(id));
      }),
    close: async () => {
      for (const manager of managers) await manager.close();
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

export const isStatus =
  (...statuses: Job['status'][]) =>
  (job: Job): boolean =>
    statuses.includes(job.status);

/** Nothing more happens without the person: terminal, unknown, or paused for a key. */
export const atRest = (job: Job): boolean => isSettled(job.status) || job.status === 'needs_key';
