// The OS keychain, and the only module that imports the keychain library.
//
// Why @napi-rs/keyring: it keeps keytar's model (a secret per service + account) and API shape, but
// keytar has been archived since 2022, while @napi-rs/keyring is maintained, ships prebuilt binaries
// for every desktop platform, and is built on Node-API, so the same binary loads in Node (the CLI,
// tests) and in Electron's main process without an electron-rebuild. It talks to the macOS Keychain,
// the Windows Credential Manager and, on Linux, the Secret Service over D-Bus (libdbus is linked in).
//
// Mull uses the AsyncEntry API so reading and writing secrets runs off the main thread. Only
// constructing an entry is synchronous, and on Linux it is a D-Bus round trip (the Secret Service
// session is opened then): about 10 ms, or up to the library's 2 s D-Bus timeout when the daemon
// does not answer. So entries are reused (below).
//
// This module maps failures and nothing more: it has no timeout, no queue and no cache. The app,
// the web host and the CLI use it through keychainService() (keychain-service.ts), which adds them.
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

/** libdbus's "Did not receive a reply" (org.freedesktop.DBus.Error.NoReply): the call timed out. */
function isNoReply(thrown: unknown): boolean {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return /did not receive a reply|NoReply/iu.test(message);
}

/**
 * API keys in the OS keychain: service `service`, one account per key (key-account.ts). Every
 * failure of the keychain itself rejects with KeychainUnavailableError.
 */
export function osKeychain(service: string = defaultKeychainService): KeyStore {
  // One entry per account, reused: on Linux an entry keeps its Secret Service session, and a read
  // through it takes about 1 ms instead of about 10 ms with a new connection and key exchange. An
  // entry is dropped when a call through it fails (unless it only timed out): its session belongs to
  // the daemon that opened it, and after that daemon restarts every call through it fails ("The
  // session does not exist"). A failed connection is never kept.
  const entries = new Map<string, AsyncEntry>();

  /**
   * Runs `use` on the account's entry; any library failure (also from the constructor) is mapped.
   * A reused entry that fails is replaced by a new one and `use` runs once more: its session may be
   * from a daemon that has restarted since. `use` is idempotent (read, overwrite, delete).
   */
  async function withEntry<T>(
    account: string,
    action: KeychainAction,
    use: (entry: AsyncEntry) => Promise<T>,
    secret?: string,
  ): Promise<T> {
    if (account === '') throw new Error('A provider id is needed to look up its API key.');
    const reused = entries.get(account);
    if (reused !== undefined) {
      try {
        return await use(reused);
      } catch (thrown) {
        // No answer in time: the daemon is busy or hung, not gone, and its session may still be
        // good. A new entry would not help: its constructor opens a session synchronously, which
        // would block this thread for the library's whole D-Bus timeout (2 s) and get no answer.
        if (isNoReply(thrown)) throw keychainUnavailable(thrown, action, secret);
        // Only this entry: another call may have replaced it meanwhile.
        if (entries.get(account) === reused) entries.delete(account);
      }
    }
    try {
      const entry = new AsyncEntry(service, account, entryOptions);
      const result = await use(entry);
      entries.set(account, entry);
      return result;
    } catch (thrown) {
      throw keychainUnavailable(thrown, action, secret);
    }
  }

  async function get(account: string): Promise<string | undefined> {
    const key = await withEntry(account, 'read', (entry) => entry.getPassword());
    return key ?? undefined;
  }

  return {
    get,
    async set(account, key) {
      const valid = validateKey(key);
      await withEntry(account, 'save', (entry) => entry.setPassword(valid), valid);
    },
    async clear(account) {
      // deleteCredential resolves false when there was nothing to delete: clearing is idempotent.
      await withEntry(account, 'remove', (entry) => entry.deleteCredential());
    },
    async status(account): Promise<KeyStatus> {
      const key = await get(account);
      return key === undefined
        ? { set: false }
        : { set: true, last4: maskKey(key), source: 'keychain' };
    },
  };
}
