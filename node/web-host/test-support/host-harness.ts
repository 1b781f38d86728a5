// Test harness: a real emulator, a real backend on a fresh data directory (a real SQLite file), and
// the web host in front of it, with a client that records everything the host sends. The log goes
// to a file so tests can read it like any other file Mull writes.
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { startEmulator, type RunningEmulator, type StartOptions } from '../../emulator/index.js';
import { isTerminal } from '../../../shared/job.js';

import { summaryOf, type JobSummary } from '../../../shared/job-summary.js';
import { startBackend, type Backend } from '../../backend/backend.js';
import type { Logger } from '../../backend/dispatch.js';
import { fastEngine } from '../../core/engine/test-support/engine-harness.js';
import { keySourceFor, type KeyStore } from '../../core/secrets/index.js';
import { memoryKeyStore } from '../../core/secrets/memory-key-store.js';
import { startWebHost, type WebHost, type WebHostOptions } from '../web-host.js';
import { HostClient } from './host-client.js';

export const testProviderId = 'emulator';
export const testKey = 'sk-test-web-host-key-0001';

export interface HarnessOptions {
  /**
   * The environment the key source reads (OPENAI_API_KEY, OPENAI_BASE_URL); empty by default. A
   * function gets the emulator's base URL (to pair OPENAI_API_KEY with it).
   */
  env?: NodeJS.ProcessEnv | ((emulatorBaseUrl: string) => NodeJS.ProcessEnv);
  /** Keys in the (in-memory) key store at start; default: the test key for the emulator. */
  keys?: Record<string, string>;
  emulator?: StartOptions;
  host?: Partial<Pick<WebHostOptions, 'bodyLimitBytes' | 'heartbeatMs' | 'staticDir'>>;
}

export interface HostHarness {
  emulator: RunningEmulator;
  root: string;
  dataDir: string;
  logFile: string;
  keyStore: KeyStore;
  backend: Backend;
  host: WebHost;
  client: HostClient;
  /** The job's summary once it is terminal (told by the backend's own event). */
  waitForTerminal(id: string, timeoutMs?: number): Promise<JobSummary>;
  /** Closes the host and the backend (which flushes); the files stay until cleanUp. */
  close(): Promise<void>;
  cleanUp(): Promise<void>;
}

export async function startHostHarness(options: HarnessOptions = {}): Promise<HostHarness> {
  const root = mkdtempSync(join(tmpdir(), 'mull-web-host-'));
  const dataDir = join(root, 'data');
  const logFile = join(root, 'web-host.log');
  const log: Logger = (message, error) =>
    appendFileSync(logFile, `${message}${error === undefined ? '' : ` ${inspect(error)}`}\n`);
  const emulator = await startEmulator(options.emulator);
  const keyStore = memoryKeyStore(options.keys ?? { [testProviderId]: testKey });
  const backend = startBackend({
    dataDir,
    mode: 'web',
    version: 'test',
    keyStore,
    keys: keySourceFor(
      typeof options.env === 'function' ? options.env(emulator.baseURL) : (options.env ?? {}),
      keyStore,
    ),
    engine: fastEngine,
    log,
  });
  await mustSettle(backend, 'providers:save', {
    id: testProviderId,
    kind: 'compatible',
    label: 'Emulator',
    baseUrl: emulator.baseURL,
    authStyle: 'bearer',
  });
  await mustSettle(backend, 'settings:update', { defaultProviderId: testProviderId });
  const host = await startWebHost({
    backend,
    // A folder with no renderer in it unless a test gives one: the placeholder page is served.
    staticDir: join(root, 'no-renderer'),
    log,
    ...options.host,
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await host.close();
    await backend.close();
  };
  return {
    emulator,
    root,
    dataDir,
    logFile,
    keyStore,
    backend,
    host,
    client: new HostClient(host.origin, host.token),
    waitForTerminal: (id, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const done = (job: JobSummary) => {
          clearTimeout(timer);
          unsubscribe();
          resolve(job);
        };
        const timer = setTimeout(() => {
          unsubscribe();
          reject(new Error(`job ${id} did not end within ${timeoutMs} ms`));
        }, timeoutMs);
        const unsubscribe = backend.onEvent((event, payload) => {
          if (event !== 'jobs:terminal') return;
          const { job } = payload as { job: JobSummary };
          if (job.id === id) done(job);
        });
        // It may have ended before anyone listened.
        const now = backend.manager.get(id);
        if (now && isTerminal(now.status)) done(summaryOf(now));
      }),
    close,
    cleanUp: async () => {
      await close();
      await emulator.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

async function mustSettle(backend: Backend, channel: string, payload: unknown): Promise<void> {
  const settled = await backend.dispatch(channel, payload);
  if (!settled.ok) throw new Error(`${channel} failed: ${settled.error.message}`);
}
