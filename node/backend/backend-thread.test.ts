// The backend on its worker thread, as Electron's main process and the web host run it: the
// contract, its events and attachment bytes cross the thread; the key store stays on the host and
// answers the worker (its errors keep their class); a database that cannot be opened fails the
// start with its own sentence; close flushes and lets the next process drive.
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventChannel, EventOf, JobDetail } from '../../shared/ipc/contract.js';
import type { Settled } from '../../shared/ipc/envelope.js';
import type { JobSummary } from '../../shared/job-summary.js';
import { isSettled } from '../../shared/job.js';
import { fastEngine, testKey, testProviderId } from '../core/engine/test-support/engine-harness.js';
import { JobManager } from '../core/engine/index.js';
import { KeychainUnavailableError, type KeyStore } from '../core/secrets/index.js';
import { memoryKeyStore } from '../core/secrets/memory-key-store.js';
import { databasePathIn, StoreOpenError } from '../core/store/index.js';
import { startEmulator, type RunningEmulator } from '../emulator/index.js';
import type { HostBackend } from './backend.js';
import { startBackendThread } from './backend-thread.js';
import { backendThreadSource } from './backend-thread-source.js';

let emulator: RunningEmulator;
let dataDir: string;
let backend: HostBackend | undefined;
const logged: string[] = [];

beforeEach(async () => {
  emulator = await startEmulator({
    config: { speed: 50, defaultScript: { answer: 'Forty-two.' } },
  });
  dataDir = mkdtempSync(join(tmpdir(), 'mull-backend-thread-'));
  logged.length = 0;
});
afterEach(async () => {
  await backend?.close();
  backend = undefined;
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function start(keyStore: KeyStore): Promise<HostBackend> {
  return startBackendThread({
    entry: backendThreadSource(),
    dataDir,
    mode: 'web',
    version: 'test',
    keyStore,
    keyEnv: {},
    engine: fastEngine,
    log: (message) => logged.push(message),
  });
}

async function must<T>(settling: Promise<Settled<unknown>>): Promise<T> {
  const settled = await settling;
  if (!settled.ok) throw new Error(`${settled.error.code}: ${settled.error.message}`);
  return settled.value as T;
}

async function addEmulatorProvider(running: HostBackend): Promise<void> {
  await must(
    running.dispatch('providers:save', {
      id: testProviderId,
      kind: 'compatible',
      label: 'Emulator',
      baseUrl: emulator.baseURL,
      authStyle: 'bearer',
    }),
  );
}

function untilEvent<E extends EventChannel>(
  running: HostBackend,
  event: E,
  matches: (payload: EventOf<E>) => boolean,
): Promise<EventOf<E>> {
  return new Promise((resolve) => {
    const stop = running.onEvent((seen: EventChannel, payload: unknown) => {
      if (seen === event && matches(payload as EventOf<E>)) {
        stop();
        resolve(payload as EventOf<E>);
      }
    });
  });
}

describe('the backend thread', () => {
  it('runs a job with the host’s key, tells its events, and answers its detail', async () => {
    backend = await start(memoryKeyStore({ [testProviderId]: testKey }));
    await addEmulatorProvider(backend);
    const texts: string[] = [];
    backend.onEvent((event, payload) => {
      if (event === 'jobs:text') texts.push(JSON.stringify(payload));
    });
    const { jobs } = await must<{ jobs: { id: string }[] }>(
      backend.dispatch('jobs:submit', {
        jobs: [{ prompt: 'What is six times seven?', model: 'gpt-5', providerId: testProviderId }],
      }),
    );
    const id = jobs[0]?.id ?? '';
    const ended = await untilEvent(backend, 'jobs:terminal', ({ job }) => job.id === id);
    expect(ended.job).toMatchObject({ status: 'completed', answerPreview: 'Forty-two.' });
    expect(texts.length).toBeGreaterThan(0);
    const detail = await must<JobDetail>(backend.dispatch('jobs:get', { id }));
    expect(detail.job.answer).toBe('Forty-two.');
    // The key went out from the host's store, through the worker, to the server.
    expect(emulator.state.log.list({ kind: 'create' }).map((r) => r.keyLast4)).toEqual([
      testKey.slice(-4),
    ]);
  });

  it('answers the board’s page (from the reader) with every change it has told of', async () => {
    backend = await start(memoryKeyStore({ [testProviderId]: testKey }));
    await addEmulatorProvider(backend);
    const running = backend;
    const behind: string[] = [];
    const checks: Promise<void>[] = [];
    running.onEvent((event, payload) => {
      if (event !== 'jobs:changed') return;
      const told = (payload as EventOf<'jobs:changed'>).job;
      checks.push(
        must<{ jobs: JobSummary[] }>(running.dispatch('jobs:list', { limit: 1 })).then(
          ({ jobs: [listed] }) => {
            if (!listed || listed.cursor < told.cursor) {
              behind.push(`${told.status} ${told.cursor}: listed ${listed?.cursor ?? 'none'}`);
            }
          },
        ),
      );
    });
    const { jobs } = await must<{ jobs: { id: string }[] }>(
      running.dispatch('jobs:submit', {
        jobs: [{ prompt: 'Count slowly.', model: 'gpt-5', providerId: testProviderId }],
      }),
    );
    await untilEvent(running, 'jobs:terminal', ({ job }) => job.id === jobs[0]?.id);
    await Promise.all(checks);
    expect(checks.length).toBeGreaterThan(3);
    expect(behind).toEqual([]);
  });

  it('stores a key in the host’s store; a keychain error keeps its class across', async () => {
    const keys = memoryKeyStore();
    let keychainDown = false;
    const down = () => new KeychainUnavailableError('the daemon is gone');
    const keyStore: KeyStore = {
      ...keys,
      get: (account) => (keychainDown ? Promise.reject(down()) : keys.get(account)),
      set: (account, key) => (keychainDown ? Promise.reject(down()) : keys.set(account, key)),
    };
    backend = await start(keyStore);
    await addEmulatorProvider(backend);
    await must(backend.dispatch('keys:set', { providerId: testProviderId, key: testKey }));
    expect(
      await must(backend.dispatch('keys:status', { providerId: testProviderId })),
    ).toMatchObject({ set: true, last4: expect.stringContaining(testKey.slice(-4)) as unknown });

    keychainDown = true;
    // The transport's code for it (dispatch.ts knows the class, rebuilt in the worker)...
    expect(
      await backend.dispatch('keys:set', { providerId: testProviderId, key: 'sk-other-5678' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'KEYCHAIN_UNAVAILABLE',
        message: expect.stringMatching(/^No keychain/u) as unknown,
      },
    });
    // ...and the engine's: a job waits for its key instead of failing, sending nothing.
    const { jobs } = await must<{ jobs: { id: string }[] }>(
      backend.dispatch('jobs:submit', {
        jobs: [{ prompt: 'Paused?', model: 'gpt-5', providerId: testProviderId }],
      }),
    );
    const paused = await untilEvent(
      backend,
      'jobs:changed',
      ({ job }) => job.id === jobs[0]?.id && job.status === 'needs_key',
    );
    expect(paused.job.error?.message).toMatch(/^Could not read the API key from the OS keychain/u);
    expect(emulator.state.log.list({ kind: 'create' })).toHaveLength(0);
  });

  it('carries attachment bytes both ways, refusing what the store refuses', async () => {
    backend = await start(memoryKeyStore());
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const stored = await backend.files.store('dot.png', png);
    if (!stored.ok) throw new Error(stored.error.message);
    const read = await backend.files.read(stored.value.sha256);
    if (!read.ok) throw new Error(read.error.message);
    expect(Buffer.isBuffer(read.value.bytes)).toBe(true);
    expect(read.value.bytes.equals(png)).toBe(true);
    expect(read.value.mediaType).toBe('image/png');
    expect(await backend.files.store('dot.pdf', png)).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', message: expect.stringContaining('image/png') as unknown },
    });
  });

  it('fails to start with the store’s own sentence, leaving a damaged file as it was', async () => {
    writeFileSync(databasePathIn(dataDir), Buffer.alloc(8192, 7));
    const failed = await start(memoryKeyStore()).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(StoreOpenError);
    expect((failed as StoreOpenError).message).toMatch(/is damaged or not a database/u);
    expect((failed as StoreOpenError).reason).toBe('damaged');
  });

  it('flushes on close and releases the driver lock for the next process', async () => {
    backend = await start(memoryKeyStore({ [testProviderId]: testKey }));
    await addEmulatorProvider(backend);
    const { jobs } = await must<{ jobs: JobSummary[] }>(
      backend.dispatch('jobs:submit', {
        jobs: [{ prompt: 'Kept?', model: 'gpt-5', providerId: testProviderId }],
      }),
    );
    await untilEvent(backend, 'jobs:terminal', ({ job }) => job.id === jobs[0]?.id);
    await backend.close();
    backend = undefined;
    const next = JobManager.open({
      dataDir,
      drive: true,
      keys: { get: () => Promise.resolve('') },
    });
    try {
      expect(next.isDriving).toBe(true);
      const kept = next.get(jobs[0]?.id ?? '');
      expect(kept && isSettled(kept.status) && kept.answer).toBe('Forty-two.');
    } finally {
      await next.close();
    }
  });

  it('checks a cleanly closed database in the background, and finds it sound', async () => {
    backend = await start(memoryKeyStore());
    expect(await backend.integrity).toEqual({ checked: 'in-background' });
  });

  it('stops writing the moment the background check finds damage, and says why', async () => {
    // A database with pages to damage, closed cleanly: the next start does not check at open.
    const filler = JobManager.open({
      dataDir,
      drive: false,
      keys: { get: () => Promise.resolve('') },
    });
    for (let i = 0; i < 200; i++) filler.setAppSetting(`filler-${i}`, 'x'.repeat(1000));
    await filler.close();
    const path = databasePathIn(dataDir);
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(3 * 4096, 0x5a), 0, 3 * 4096, 5 * 4096);
    closeSync(fd);
    const damaged = readFileSync(path);

    backend = await start(memoryKeyStore());
    const verdict = await backend.integrity;
    expect(verdict).toMatchObject({ checked: 'in-background' });
    const damage = verdict.checked === 'in-background' ? verdict.damage : undefined;
    expect(damage).toBeInstanceOf(StoreOpenError);
    expect(damage?.message).toMatch(/^The Mull database at .* is damaged or not a database/u);
    const refused = await backend.dispatch('settings:update', { notifications: false });
    expect(refused).toEqual({ ok: false, error: { code: 'REFUSED', message: damage?.message } });
    expect(await backend.dispatch('jobs:list', {})).toEqual(refused);
    expect(readFileSync(path).equals(damaged)).toBe(true);
    expect(logged).toContain('the database is damaged: Mull stopped writing to it');
  });

  it('answers every request after close with a sentence instead of waiting forever', async () => {
    const running = await start(memoryKeyStore());
    await running.close();
    expect(await running.dispatch('jobs:list', {})).toMatchObject({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: expect.stringContaining('nothing stored was lost') as unknown,
      },
    });
  });
});
