// A key belongs to a provider AND the origin it was entered for: keySourceFor, storeProviderKey and
// removeProviderKeys over an in-memory store (every rule), then the same binding in a real
// gnome-keyring (the accounts as the OS keychain holds them).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyAccount, originOf, providerIdOfAccount } from './key-account.js';
import { KeychainUnavailableError } from './keychain-error.js';
import { keySourceFor } from './key-source.js';
import type { KeyStore } from './key-store.js';
import { memoryKeyStore } from './memory-key-store.js';
import { removeProviderKeys, storeProviderKey } from './provider-keys.js';
import { probeKeys } from './test-support/probe-protocol.js';
import { withKeyring } from './test-support/run-probe.js';

const key = 'sk-proj-test-key-source-0000000000000000Ks01';
const other = 'sk-proj-test-key-source-0000000000000000Ks02';
const envKey = 'sk-env-test-key-source-00000000000000000En03';
const at = (id: string, baseUrl: string) => ({ id, baseUrl });
const openai = at('openai', 'https://api.openai.com/v1');

describe('origins and accounts', () => {
  it('an origin is scheme, host and port, however the URL is spelled', () => {
    expect(originOf('https://API.openai.com:443/v1/')).toBe('https://api.openai.com');
    expect(originOf('http://127.0.0.1:4010/v1')).toBe('http://127.0.0.1:4010');
    expect(originOf('https://res.openai.azure.com/openai/v1')).toBe('https://res.openai.azure.com');
    expect(originOf('not a url')).toBeUndefined();
    expect(originOf('file:///etc/passwd')).toBeUndefined();
    expect(keyAccount('work', 'https://w.example')).toBe('work @ https://w.example');
    expect(providerIdOfAccount('work @ https://w.example')).toBe('work');
    expect(providerIdOfAccount('work')).toBe('work');
  });
});

describe('keySourceFor', () => {
  it('reads a stored key only at the origin it was stored for', async () => {
    const store = memoryKeyStore();
    const keys = keySourceFor({}, store);
    await storeProviderKey(store, at('work', 'https://work.example/v1'), key);
    expect(await keys.get(at('work', 'https://work.example/other/v1'))).toBe(key);
    expect(await keys.get(at('work', 'https://evil.example/v1'))).toBeUndefined();
    expect(await keys.get(at('work', 'http://work.example/v1'))).toBeUndefined();
    expect(await keys.get(at('work', 'https://work.example:8443/v1'))).toBeUndefined();
    expect(await keys.status(at('work', 'https://evil.example/v1'))).toEqual({ set: false });
    expect(await keys.get(at('other', 'https://work.example/v1'))).toBeUndefined();
  });

  it('binds a key an earlier Mull stored (bare provider id) to the origin of its first use', async () => {
    const store = memoryKeyStore({ work: key });
    const keys = keySourceFor({}, store);
    expect(await keys.status(at('work', 'https://work.example/v1'))).toEqual({
      set: true,
      last4: 'Ks01',
      source: 'keychain',
    });
    expect(await store.get('work')).toBeUndefined();
    expect(await store.get('work @ https://work.example')).toBe(key);
    expect(await keys.get(at('work', 'https://evil.example/v1'))).toBeUndefined();
  });

  it("never reads an earlier Mull's entry for an id that spells another provider's account", async () => {
    const store = memoryKeyStore();
    await storeProviderKey(store, at('work', 'https://work.example/v1'), key);
    const keys = keySourceFor({}, store);
    expect(await keys.get(at('work @ https://work.example', 'https://evil.example/v1'))).toBe(
      undefined,
    );
    expect(await store.get('work @ https://work.example')).toBe(key);
  });

  it('gives OPENAI_API_KEY to OpenAI at api.openai.com and to the origin OPENAI_BASE_URL names only', async () => {
    const store = memoryKeyStore();
    const plain = keySourceFor({ OPENAI_API_KEY: ` ${envKey} ` }, store);
    expect(await plain.get(openai)).toBe(envKey);
    expect(await plain.status(openai)).toEqual({ set: true, last4: 'En03', source: 'environment' });
    expect(await plain.get(at('openai', 'http://127.0.0.1:9/v1'))).toBeUndefined();
    expect(await plain.get(at('azure', 'https://res.openai.azure.com/openai/v1'))).toBeUndefined();
    const paired = keySourceFor(
      { OPENAI_API_KEY: envKey, OPENAI_BASE_URL: 'http://127.0.0.1:4010/v1' },
      store,
    );
    expect(await paired.get(openai)).toBe(envKey);
    expect(await paired.get(at('openai', 'http://127.0.0.1:4010/v1'))).toBe(envKey);
    expect(await paired.get(at('url-3f2a9c41d07e', 'http://127.0.0.1:4010/v1'))).toBe(envKey);
    expect(await paired.get(at('openai', 'http://127.0.0.1:4011/v1'))).toBeUndefined();
    // Elsewhere, the keychain's key for that provider and origin (never the environment's).
    await storeProviderKey(store, at('openai', 'http://127.0.0.1:4011/v1'), other);
    expect(await paired.get(at('openai', 'http://127.0.0.1:4011/v1'))).toBe(other);
  });

  it('at the paired origin, a key of its own wins for another provider; OPENAI_API_KEY for OpenAI', async () => {
    const env = { OPENAI_API_KEY: envKey, OPENAI_BASE_URL: 'http://127.0.0.1:4010/v1' };
    const store = memoryKeyStore();
    const paired = keySourceFor(env, store);
    await storeProviderKey(store, at('work', 'http://127.0.0.1:4010/v1'), other);
    await storeProviderKey(store, at('openai', 'http://127.0.0.1:4010/v1'), key);
    expect(await paired.get(at('work', 'http://127.0.0.1:4010/v1'))).toBe(other);
    expect(await paired.get(at('openai', 'http://127.0.0.1:4010/v1'))).toBe(envKey);
    // With no keychain at all (a headless machine) the paired key is used.
    const unavailable = () => Promise.reject(new KeychainUnavailableError('no session bus'));
    const noKeychain: KeyStore = {
      get: unavailable,
      set: unavailable,
      clear: unavailable,
      status: unavailable,
    };
    expect(await keySourceFor(env, noKeychain).get(at('work', 'http://127.0.0.1:4010/v1'))).toBe(
      envKey,
    );
    expect(
      await keySourceFor(env, noKeychain).status(at('elsewhere', 'https://x.example/v1')),
    ).toEqual({ set: false });
  });
});

describe('storeProviderKey and removeProviderKeys', () => {
  it("store replaces an earlier Mull's entry; remove takes both, and says whether there was one", async () => {
    const store = memoryKeyStore({ work: key });
    const home = at('work', 'https://work.example/v1');
    await storeProviderKey(store, home, `${other}\n`);
    expect(await store.get('work')).toBeUndefined();
    expect(await store.get('work @ https://work.example')).toBe(other);
    expect(await removeProviderKeys(store, home)).toBe(true);
    expect(await keySourceFor({}, store).get(home)).toBeUndefined();
    expect(await removeProviderKeys(store, home)).toBe(false);

    const legacyOnly = memoryKeyStore({ work: key });
    expect(await removeProviderKeys(legacyOnly, home)).toBe(true);
    expect(await keySourceFor({}, legacyOnly).get(home)).toBeUndefined();
  });

  it('a malformed key is refused before anything is written', async () => {
    const store = memoryKeyStore({ work: key });
    await expect(
      storeProviderKey(store, at('work', 'https://work.example/v1'), 'two keys'),
    ).rejects.toThrow(/spaces/u);
    expect(await store.get('work')).toBe(key);
  });
});

const resolved = (value: unknown) => ({ ok: true, value });

describe('keys bound to their origin in a real gnome-keyring', () => {
  it('binds, separates origins, refuses a crafted id, and removes', async () => {
    const result = await withKeyring('key-origins', `app.mull.test.${randomUUID()}`);
    expect(result).toEqual({
      legacySet: resolved(null),
      readAtHome: resolved(probeKeys.first),
      legacyEntryAfterRead: resolved(null),
      boundEntryAfterRead: resolved(probeKeys.first),
      readElsewhere: resolved(null),
      statusElsewhere: resolved({ set: false }),
      storeElsewhere: resolved(null),
      readElsewhereAfterStore: resolved(probeKeys.second),
      readAtHomeAfterStore: resolved(probeKeys.first),
      readCrafted: resolved(null),
      removeAtHome: resolved(true),
      readAtHomeAfterRemove: resolved(null),
      readElsewhereAfterRemove: resolved(probeKeys.second),
      removeElsewhere: resolved(true),
      removeAgain: resolved(false),
    });
  });
});
