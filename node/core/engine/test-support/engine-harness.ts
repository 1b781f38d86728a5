// Test harness: a real emulator over loopback, a fresh data directory with a real SQLite file, and
// a JobManager pointed at both. Waiting is done on the manager's change events, never with sleeps.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
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

export interface HarnessOptions {
  emulator?: StartOptions;
  engine?: EngineOptionsInput;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
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

/**
 * The harness of the calling test file, started before each test and closed after it (`scope:
 * 'file'`: once for all of the file's tests, as property tests whose runs share it want). Call it
 * at the file's top level; the harness it returns is the one of the test running.
 */
export function useHarness(options: HarnessOptions & { scope?: 'test' | 'file' } = {}): Harness {
  const { scope, ...harnessOptions } = options;
  let current: Harness | undefined;
  const now = (): Harness => {
    if (!current) throw new Error('The engine harness is used outside a test.');
    return current;
  };
  const [before, after] = scope === 'file' ? [beforeAll, afterAll] : [beforeEach, afterEach];
  before(async () => {
    current = await startHarness(harnessOptions);
  });
  after(() => now().close());
  return {
    get emulator() {
      return now().emulator;
    },
    get dataDir() {
      return now().dataDir;
    },
    get keys() {
      return now().keys;
    },
    get manager() {
      return now().manager;
    },
    open: (opts) => now().open(opts),
    waitFor: (id, done, manager) => now().waitFor(id, done, manager),
    close: () => now().close(),
  };
}

/**
 * A manager on `dataDir` that drives nothing, for tests whose jobs a child `mull run` drives: the
 * provider id 'openai' points at the emulator, which the child's OPENAI_BASE_URL names, and takes
 * `key` (the child's OPENAI_API_KEY).
 */
export function openReaderOnEmulator(
  dataDir: string,
  emulator: RunningEmulator,
  key: string,
): JobManager {
  const reader = JobManager.open({
    dataDir,
    drive: false,
    keys: { get: () => Promise.resolve(key) },
  });
  reader.settings.saveProvider({
    id: 'openai',
    kind: 'compatible',
    label: 'Emulator',
    baseUrl: emulator.baseURL,
    authStyle: 'bearer',
  });
  return reader;
}

export const isStatus =
  (...statuses: Job['status'][]) =>
  (job: Job): boolean =>
    statuses.includes(job.status);

/** Nothing more happens without the person: terminal, unknown, or paused for a key. */
export const atRest = (job: Job): boolean => isSettled(job.status) || job.status === 'needs_key';
