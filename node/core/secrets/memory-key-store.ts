// Keys held in memory only, gone when the process ends: for the demo (which must never write to the
// person's keychain) and for tests that need a key store without a keychain daemon.
import type { KeyStore } from './key-store.js';
import { maskKey } from './mask-key.js';
import { validateKey } from './validate-key.js';

/** A KeyStore over a Map, validating keys exactly as the OS keychain does. */
export function memoryKeyStore(initial: Record<string, string> = {}): KeyStore {
  const keys = new Map(Object.entries(initial).map(([id, key]) => [id, validateKey(key)]));
  return {
    get: (providerId) => Promise.resolve(keys.get(providerId)),
    // A malformed key rejects (the executor's throw), as the keychain's set does.
    set: (providerId, key) =>
      new Promise<void>((resolve) => {
        keys.set(providerId, validateKey(key));
        resolve();
      }),
    clear: (providerId) => {
      keys.delete(providerId);
      return Promise.resolve();
    },
    status: (providerId) => {
      const key = keys.get(providerId);
      return Promise.resolve(
        key === undefined ? { set: false } : { set: true, last4: maskKey(key), source: 'keychain' },
      );
    },
  };
}
