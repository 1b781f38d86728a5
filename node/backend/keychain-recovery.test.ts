// The backend over a keychain that fails, then answers again: the job waits as "needs key" with
// the keychain's reason (never "submitting", nothing sent), and goes on by itself once the keychain
// answers (backend.ts wires keychainService's onAvailableAgain to JobManager.keyChanged).
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Job } from '../../shared/job.js';
import {
  isStatus,
  startHarness,
  testKey,
  testProviderId,
  type Harness,
} from '../core/engine/test-support/engine-harness.js';
import { keyAccount, originOf } from '../core/secrets/key-account.js';
import {
  KeychainUnavailableError,
  keychainService,
  keySourceFor,
  type KeyStore,
} from '../core/secrets/index.js';
import { startBackend, type Backend } from './backend.js';

let h: Harness;
let backend: Backend | undefined;
let provider: { id: string; baseUrl: string };
beforeEach(async () => {
  h = await startHarness();
  provider = h.manager.settings.provider(testProviderId);
  await h.manager.close(); // the backend drives
});
afterEach(async () => {
  await backend?.close();
  await h.close();
});

/** A keychain holding the test key, that fails while `down` is true. */
function flakyKeychain(account: string): KeyStore & { down: boolean } {
  const store = {
    down: true,
    get: (asked: string) =>
      store.down
        ? Promise.reject(new KeychainUnavailableError('the daemon is gone'))
        : Promise.resolve(asked === account ? testKey : undefined),
    set: () => Promise.reject(new Error('not in this test')),
    clear: () => Promise.reject(new Error('not in this test')),
    status: () => Promise.reject(new Error('not in this test')),
  };
  return store;
}

it("a job waits with the keychain's reason and goes on by itself when the keychain is back", async () => {
  const keychain = flakyKeychain(keyAccount(provider.id, originOf(provider.baseUrl) ?? ''));
  const keyStore = keychainService(keychain, { probeMs: 20 });
  backend = startBackend({
    dataDir: h.dataDir,
    mode: 'web',
    version: 'test',
    keyStore,
    keys: keySourceFor({}, keyStore),
    log: () => undefined,
  });
  const manager = backend.manager;
  const until = (id: string, done: (job: Job) => boolean) => h.waitFor(id, done, manager);

  const [job] = manager.submit({
    prompt: 'Keychain down',
    model: 'gpt-5',
    providerId: provider.id,
  });
  if (!job) throw new Error('not submitted');
  const waiting = await until(job.id, isStatus('needs_key', 'completed', 'failed', 'unknown'));
  expect(waiting.status).toBe('needs_key');
  expect(waiting.error?.message).toMatch(
    /^Could not read the API key from the OS keychain: the daemon is gone\. .*Paused jobs go on by themselves once the key can be read again\.$/u,
  );
  expect(h.emulator.state.log.list({ kind: 'create' })).toHaveLength(0);
  expect((await backend.handlers['keys:status']({ providerId: provider.id })).set).toBe(false);

  keychain.down = false;
  const done = await until(job.id, isStatus('completed', 'failed', 'unknown'));
  expect(done.status).toBe('completed');
  expect(h.emulator.state.log.list({ kind: 'create' })).toHaveLength(1);
  keyStore.close();
});
