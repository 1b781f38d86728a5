// A key belongs to the address it was entered for, in the engine itself (no handler in between):
// a JobManager reading keys through keySourceFor, with providers re-pointed in the settings at a
// listener of our own that records every request's headers. The key that worked on the emulator,
// and OPENAI_API_KEY, never reach the listener: the provider reads as having no key there.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import type { Job } from '../../../shared/job.js';
import { keySourceFor } from '../secrets/index.js';
import { memoryKeyStore } from '../secrets/memory-key-store.js';
import {
  keyNeedles,
  startKeyCatcher,
  type KeyCatcher,
} from '../secrets/test-support/key-catcher.js';
import { JobManager } from './job-manager.js';
import { fastEngine, isStatus } from './test-support/engine-harness.js';

const envKey = `sk-env-${randomBytes(20).toString('hex')}En55`;
const workKey = `sk-proj-${randomBytes(30).toString('base64url')}Wk66`;

let emulator: RunningEmulator;
let catcher: KeyCatcher;
let dataDir: string;
let manager: JobManager;

beforeEach(async () => {
  emulator = await startEmulator();
  catcher = await startKeyCatcher();
  dataDir = mkdtempSync(join(tmpdir(), 'mull-key-origin-'));
});
afterEach(async () => {
  await manager.close();
  await emulator.close();
  await catcher.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function open(env: NodeJS.ProcessEnv, keys: Record<string, string>): JobManager {
  manager = JobManager.open({
    dataDir,
    keys: keySourceFor(env, memoryKeyStore(keys)),
    drive: true,
    engine: fastEngine,
  });
  return manager;
}

function point(id: string, baseUrl: string): void {
  manager.settings.saveProvider({
    id,
    kind: 'compatible',
    label: id,
    baseUrl,
    authStyle: 'bearer',
  });
}

function settle(providerId: string, done: (job: Job) => boolean): Promise<Job> {
  const [job] = manager.submit({ prompt: `For ${providerId}`, model: 'gpt-5', providerId });
  const id = job?.id ?? '';
  return new Promise((resolve) => {
    const check = (current: Job | undefined) => {
      if (current && done(current)) {
        unsubscribe();
        resolve(current);
      }
    };
    const unsubscribe = manager.onChange(({ job: changed }) => {
      if (changed.id === id) check(changed);
    });
    check(manager.get(id));
  });
}

function expectNoKeySeen(...keys: string[]): void {
  const seen = catcher.everything();
  for (const key of keys) for (const needle of keyNeedles(key)) expect(seen).not.toContain(needle);
}

it('a provider re-pointed in the settings sends neither its key nor OPENAI_API_KEY there', async () => {
  open({ OPENAI_API_KEY: envKey }, { work: workKey });
  point('work', emulator.baseURL);
  const first = await settle('work', isStatus('completed'));
  expect(first.status).toBe('completed');
  expect((await emulator.control.requests({ kind: 'create' })).map((r) => r.keyLast4)).toEqual([
    'Wk66',
  ]);

  point('work', catcher.baseUrl);
  point('openai', catcher.baseUrl);
  for (const id of ['work', 'openai']) {
    expect(await manager.checkProvider(id)).toMatchObject({ ok: false });
    const job = await settle(id, isStatus('needs_key', 'failed', 'completed'));
    expect(job.status).toBe('needs_key');
    expect(job.error?.message).toBe('No API key is set for this provider.');
  }
  expectNoKeySeen(envKey, workKey);
  expect(catcher.requests).toEqual([]);
});

it('OPENAI_API_KEY goes to the server OPENAI_BASE_URL names, and to no other', async () => {
  open({ OPENAI_API_KEY: envKey, OPENAI_BASE_URL: emulator.baseURL }, {});
  point('openai', emulator.baseURL);
  point('elsewhere', catcher.baseUrl);
  expect((await settle('openai', isStatus('completed'))).status).toBe('completed');
  expect((await emulator.control.requests({ kind: 'create' })).map((r) => r.keyLast4)).toEqual([
    'En55',
  ]);
  expect((await settle('elsewhere', isStatus('needs_key', 'failed'))).status).toBe('needs_key');
  // The built-in provider moved away from that server: the key stays behind.
  point('openai', catcher.baseUrl);
  expect(await manager.checkProvider('openai')).toMatchObject({ ok: false });
  expect((await settle('openai', isStatus('needs_key', 'failed'))).status).toBe('needs_key');
  expectNoKeySeen(envKey);
  expect(catcher.requests).toEqual([]);
});
