// The shape every key store has, and what the rest of Mull may learn about a key: whether it is
// set, where it comes from and its last four characters (docs/ARCHITECTURE.md, invariant 9: never the key).

export type KeyStatus =
  { set: false } | { set: true; last4: string; source: 'keychain' | 'environment' };

/** API keys by provider id. */
export interface KeyStore {
  /** The stored key, or undefined when none is stored. */
  get(providerId: string): Promise<string | undefined>;
  /**
   * Stores `key` (surrounding whitespace trimmed), replacing any previous one. Rejects with a plain
   * Error when the key is malformed (see validateKey), before touching the store.
   */
  set(providerId: string, key: string): Promise<void>;
  /** Removes the key; resolves as well when there was none. */
  clear(providerId: string): Promise<void>;
  /** Whether a key is stored; never the key itself. */
  status(providerId: string): Promise<KeyStatus>;
}
