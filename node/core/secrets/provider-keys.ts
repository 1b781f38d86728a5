// Storing and removing a provider's key, bound to the origin of its base URL (key-account.ts).
import { keyAccount, mayHaveLegacyEntry, originOf, type KeyTarget } from './key-account.js';
import type { KeyStore } from './key-store.js';

function originFor(provider: KeyTarget): string {
  const origin = originOf(provider.baseUrl);
  if (origin === undefined) {
    throw new Error(`The base URL of '${provider.id}' has no address a key could belong to.`);
  }
  return origin;
}

/**
 * Stores `key` for `provider` at the origin of its base URL now (validated and trimmed by the
 * store; a malformed key rejects before anything is written).
 */
export async function storeProviderKey(
  keychain: KeyStore,
  provider: KeyTarget,
  key: string,
): Promise<void> {
  await keychain.set(keyAccount(provider.id, originFor(provider)), key);
  if (!mayHaveLegacyEntry(provider.id)) return;
  try {
    // A key of an earlier Mull for this provider is replaced by this one.
    await keychain.clear(provider.id);
  } catch {
    // The new key is stored and is read first; the old entry goes with the next change.
  }
}

/**
 * Removes `provider`'s key for the origin of its base URL, and a key an earlier Mull stored for
 * it without an origin. Resolves true when there was one. Rejects when the keychain cannot be
 * reached: the caller must then not go on as if the key were gone.
 */
export async function removeProviderKeys(
  keychain: KeyStore,
  provider: KeyTarget,
): Promise<boolean> {
  const origin = originOf(provider.baseUrl);
  const accounts = origin === undefined ? [] : [keyAccount(provider.id, origin)];
  if (mayHaveLegacyEntry(provider.id)) accounts.push(provider.id);
  let had = false;
  for (const account of accounts) {
    if ((await keychain.get(account)) !== undefined) had = true;
    await keychain.clear(account);
  }
  return had;
}
