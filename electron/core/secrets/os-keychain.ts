// The OS keychain, and the only module that imports the keychain library.
//
// Why @napi-rs/keyring: it keeps keytar's model (a secret per service + account) and API shape, but
// keytar has been archived since 2022, while @napi-rs/keyring is maintained, ships prebuilt binaries
// for every desktop platform, and is built on Node-API, so the same binary loads in Node (the CLI,
// tests) and in Electron's main process without an electron-rebuild. It talks to the macOS Keychain,
// the Windows Credential Manager and, on Linux, the Secret Service over D-Bus (libdbus is linked in).
//
// Mull uses the AsyncEntry API so reading and writing secrets runs off the main thread and never
// freezes the UI. Only constructing an entry is synchronous (it opens the D-Bus connection on Linux).
import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import { keychainUnavailable, type KeychainAction } from './keychain-error.js';
import type { KeyStatus, KeyStore } from './key-store.js';
import { maskKey } from './mask-key.js';
import { validateKey } from './validate-key.js';

export const defaultKeychainService = 'app.mull.desktop';

// On Linux the library silently falls back to the kernel keyring (keyutils) when no Secret Service is
// reachable. That keyring lives in memory only and is gone after a reboot, so a key "saved" there
// would vanish without a word. Pinning the Secret Service makes its absence an error the person sees.
const entryOptions: EntryOptions = { linux: { store: 'secret-service' } };

/**
 * API keys in the OS keychain: service `service`, account = provider id. Every failure of the
 * keychain itself rejects with KeychainUnavailableError.
 */
export function osKeychain(service: string = defaultKeychainService): KeyStore {
  /** Runs `use` on a fresh entry; any library failure (also from the constructor) is mapped. */
  async function withEntry<T>(
    providerId: string,
    action: KeychainAction,
    use: (entry: AsyncEntry) => Promise<T>,
    secret?: string,
  ): Promise<T> {
    if (providerId === '') throw new Error('A provider id is needed to look up its API key.');
    try {
      // A new entry per call: a connection that failed once (no D-Bus yet, a keychain restarted)
      // is not remembered, so the next call sees the keychain as it is now.
      return await use(new AsyncEntry(service, providerId, entryOptions));
    } catch (thrown) {
      throw keychainUnavailable(thrown, action, secret);
    }
  }

  async function get(providerId: string): Promise<string | undefined> {
    const key = await withEntry(providerId, 'read', (entry) => entry.getPassword());
    return key ?? undefined;
  }

  return {
    get,
    async set(providerId, key) {
      const valid = validateKey(key);
      await withEntry(providerId, 'save', (entry) => entry.setPassword(valid), valid);
    },
    async clear(providerId) {
      // deleteCredential resolves false when there was nothing to delete: clearing is idempotent.
      await withEntry(providerId, 'remove', (entry) => entry.deleteCredential());
    },
    async status(providerId): Promise<KeyStatus> {
      const key = await get(providerId);
      return key === undefined
        ? { set: false }
        : { set: true, last4: maskKey(key), source: 'keychain' };
    },
  };
}
