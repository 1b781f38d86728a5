// Saving a key where there is no keychain (Linux without a Secret Service): one plain sentence,
// nothing stored; "keep for this session only" keeps the key in this process's memory (status
// "session"), jobs can use it, and clearing forgets it. The key status and the connection test say
// the same thing, and a provider that cannot be reached is said to be unreachable.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startHarness,
  testKey,
  testProviderId,
  type Harness,
} from '../core/engine/test-support/engine-harness.js';
import {
  KeychainUnavailableError,
  keySourceFor,
  noKeychainSentence,
  type KeyStore,
} from '../core/secrets/index.js';
import { startBackend, type Backend } from './backend.js';
import { failureOf } from './dispatch.js';

/** A keychain that is not there: every call fails as the library's D-Bus error does. */
const noKeychain: KeyStore = {
  get: () =>
    Promise.reject(
      new KeychainUnavailableError(
        'org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files',
      ),
    ),
  set: () =>
    Promise.reject(
      new KeychainUnavailableError('org.freedesktop.DBus.Error.ServiceUnknown', 'save'),
    ),
  clear: () =>
    Promise.reject(
      new KeychainUnavailableError('org.freedesktop.DBus.Error.ServiceUnknown', 'remove'),
    ),
  status: () =>
    Promise.reject(new KeychainUnavailableError('org.freedesktop.DBus.Error.ServiceUnknown')),
};

describe('keySourceFor: keys kept for this session', () => {
  const provider = { id: 'work', baseUrl: 'https://work.example/v1' };

  it('holds a key in memory over a missing keychain, for its provider and origin only', async () => {
    const keys = keySourceFor({}, noKeychain);
    expect(await keys.status(provider)).toEqual({ set: false });
    keys.keepForSession?.(provider, ` ${testKey}\n`);
    expect(await keys.get(provider)).toBe(testKey);
    expect(await keys.status(provider)).toEqual({ set: true, last4: '0001', source: 'session' });
    // Another address of the same provider has no key: a key stays with where it was entered.
    await expect(
      keys.get({ ...provider, baseUrl: 'https://elsewhere.example/v1' }),
    ).rejects.toThrow(KeychainUnavailableError);
    expect(keys.forgetSession?.(provider)).toBe(true);
    expect(await keys.status(provider)).toEqual({ set: false });
    expect(keys.forgetSession?.(provider)).toBe(false);
  });

  it('refuses a malformed key before keeping it', () => {
    const keys = keySourceFor({}, noKeychain);
    expect(() => keys.keepForSession?.(provider, 'two keys')).toThrow(/spaces or line breaks/u);
  });
});

describe('the keys channels with no keychain', () => {
  let h: Harness;
  let backend: Backend;
  beforeEach(async () => {
    h = await startHarness();
    await h.manager.close(); // the backend drives
    backend = startBackend({
      dataDir: h.dataDir,
      mode: 'web',
      version: 'test',
      keyStore: noKeychain,
      keys: keySourceFor({}, noKeychain),
      log: () => undefined,
    });
  });
  afterEach(async () => {
    await backend.close();
    await h.close();
  });

  it('says so in one plain sentence, then keeps the key for this session on request', async () => {
    const { handlers } = backend;
    const providerId = testProviderId;
    const refused = await handlers['keys:set']({ providerId, key: testKey }).then(
      () => undefined,
      (error: unknown) => error,
    );
    const failure = failureOf(refused);
    expect(failure).toEqual({
      code: 'KEYCHAIN_UNAVAILABLE',
      message: noKeychainSentence(process.platform),
    });
    expect(failure.message).not.toMatch(/D-?Bus|freedesktop/iu);
    expect(await handlers['keys:status']({ providerId })).toEqual({ set: false });

    // The test agrees with the status: no key.
    const before = await handlers['keys:test']({ providerId });
    expect(before.ok).toBe(false);
    expect(before.message).toMatch(/^No API key is set for /u);
    expect(before.keyStatus).toEqual({ set: false });

    const kept = await handlers['keys:set']({ providerId, key: testKey, sessionOnly: true });
    expect(kept).toEqual({ set: true, last4: '0001', source: 'session' });
    expect(await handlers['keys:status']({ providerId })).toEqual(kept);
    const after = await handlers['keys:test']({ providerId });
    expect(after).toMatchObject({ ok: true, keyStatus: kept });

    expect(await handlers['keys:clear']({ providerId })).toEqual({ set: false });
    expect((await handlers['keys:test']({ providerId })).keyStatus).toEqual({ set: false });
  });

  it('a provider that cannot be reached is said to be unreachable', async () => {
    const { handlers } = backend;
    await handlers['providers:save']({
      id: 'offline',
      label: 'Offline server',
      kind: 'compatible',
      authStyle: 'bearer',
      baseUrl: 'http://127.0.0.1:9/v1',
    });
    await handlers['keys:set']({ providerId: 'offline', key: testKey, sessionOnly: true });
    const result = await handlers['keys:test']({ providerId: 'offline' });
    expect(result.ok).toBe(false);
    expect(result.message).toBe(
      'Offline server could not be reached at http://127.0.0.1:9/v1: check the network connection and the address.',
    );
    expect(result.keyStatus).toMatchObject({ set: true, source: 'session' });
  });
});
