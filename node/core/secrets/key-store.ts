// The shape every key store has, and what the rest of Mull may learn about a key: whether it is
// set, where it comes from and its last four characters (docs/ARCHITECTURE.md, invariant 9: never the key).

export type KeyStatus =
  | {
      set: false;
      /** Why there is no key when Mull removed it ("... because its address changed ..."). */
      note?: string;
    }
  | { set: true; last4: string; source: 'keychain' | 'environment' | 'session' };

/**
 * API keys by keychain account. The account is a provider id bound to an origin
 * (`keyAccount(id, origin)` in key-account.ts: `openai @ https://api.openai.com`), or the bare
 * provider id of an entry an earlier Mull stored; use provider-keys.ts and key-source.ts rather
 * than building accounts by hand.
 */
export interface KeyStore {
  /** The stored key, or undefined when none is stored. */
  get(account: string): Promise<string | undefined>;
  /**
   * Stores `key` (surrounding whitespace trimmed), replacing any previous one. Rejects with a plain
   * Error when the key is malformed (see validateKey), before touching the store.
   */
  set(account: string, key: string): Promise<void>;
  /** Removes the key; resolves as well when there was none. */
  clear(account: string): Promise<void>;
  /** Whether a key is stored; never the key itself. */
  status(account: string): Promise<KeyStatus>;
}
