// The channels where a provider and its key meet. A key belongs to the provider AND the origin of
// the base URL it was entered for (node/core/secrets/key-account.ts): saving a provider with
// another origin removes its key first (and says so in its key status), so that whoever changes
// the address cannot have the key sent there by the next "test connection" or job.
import type { ConnectionTest, KeyStatus } from '../../shared/ipc/contract.js';
import type { ProviderConfig } from '../../shared/provider.js';
import type { JobManager } from '../core/engine/index.js';
import { normalizeBaseUrl } from '../core/provider/base-url.js';
import {
  KeychainUnavailableError,
  NoKeychainError,
  originOf,
  redactKeys,
  removeProviderKeys,
  storeProviderKey,
  type KeySourceWithStatus,
  type KeyStore,
} from '../core/secrets/index.js';
import { RefusedError } from './refused.js';

export interface ProviderKeyDeps {
  manager: JobManager;
  keyStore: KeyStore;
  keys: KeySourceWithStatus;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** providers:save. A new origin for a provider that has a key removes the key first. */
export async function saveProvider(
  { manager, keyStore }: ProviderKeyDeps,
  input: ProviderConfig,
): Promise<ProviderConfig> {
  let baseUrl: string;
  try {
    baseUrl = normalizeBaseUrl(input.kind, input.baseUrl);
  } catch (error) {
    throw new RefusedError(reasonOf(error));
  }
  const previous = manager.settings.providers().find((p) => p.id === input.id);
  const origin = originOf(baseUrl);
  let removed = false;
  if (previous !== undefined && originOf(previous.baseUrl) !== origin) {
    try {
      removed = await removeProviderKeys(keyStore, previous);
    } catch (error) {
      // Saved anyway, a key an earlier Mull stored without its address could later be taken
      // for the new one: the address stays as it was.
      throw new RefusedError(
        `The address of ${previous.label} was not changed: its API key could not be removed first. ${reasonOf(error)}`,
      );
    }
  }
  const saved = manager.settings.saveProvider(input);
  if (removed) {
    manager.settings.setKeyNote(
      saved.id,
      `The API key for ${saved.label} was removed because its address changed (to ${origin ?? saved.baseUrl}); enter it again.`,
    );
  }
  return saved;
}

/** providers:remove, after its checks: the provider's key goes with it. */
export async function removeProvider(
  { manager, keyStore, keys }: ProviderKeyDeps,
  id: string,
): Promise<void> {
  const provider = manager.settings.providers().find((p) => p.id === id);
  if (provider !== undefined) {
    try {
      await removeProviderKeys(keyStore, provider);
    } catch (error) {
      throw new RefusedError(
        `${provider.label} was not removed: its API key could not be removed first. ${reasonOf(error)}`,
      );
    }
  }
  if (provider !== undefined) keys.forgetSession?.(provider);
  manager.settings.removeProvider(id);
}

/** keys:status: the key for the provider where it points now, or why there is none. */
export async function keyStatus(
  { manager, keys }: ProviderKeyDeps,
  providerId: string,
): Promise<KeyStatus> {
  const provider = manager.settings.providers().find((p) => p.id === providerId);
  if (provider === undefined) return { set: false };
  const status = await keys.status(provider);
  if (status.set) return status;
  const note = manager.settings.keyNote(providerId);
  return note === undefined ? status : { set: false, note };
}

/**
 * keys:set: stored for the provider's origin now; jobs paused for a key carry on. With
 * `sessionOnly` the key is kept in this process's memory until it ends, never in the keychain (for
 * a machine that has none). A keychain that cannot be used is said in one plain sentence, and
 * nothing is kept: the person chooses to keep the key for this session or to set up a keychain.
 */
export async function setKey(
  deps: ProviderKeyDeps,
  providerId: string,
  key: string,
  sessionOnly = false,
): Promise<KeyStatus> {
  const provider = deps.manager.settings.provider(providerId); // unknown: refused before storing
  if (sessionOnly) {
    if (deps.keys.keepForSession === undefined) {
      throw new RefusedError('This Mull cannot keep a key for this session only.');
    }
    deps.keys.keepForSession(provider, key); // a malformed key is refused (InvalidKeyError)
  } else {
    try {
      await storeProviderKey(deps.keyStore, provider, key);
    } catch (error) {
      if (error instanceof KeychainUnavailableError) throw new NoKeychainError(error);
      throw error;
    }
    // The key now in the keychain replaces one kept for this session.
    deps.keys.forgetSession?.(provider);
  }
  deps.manager.settings.setKeyNote(providerId, undefined);
  deps.manager.keyChanged(providerId);
  return keyStatus(deps, providerId);
}

/** keys:clear: the keychain's key and one kept for this session. */
export async function clearKey(deps: ProviderKeyDeps, providerId: string): Promise<KeyStatus> {
  const provider = deps.manager.settings.providers().find((p) => p.id === providerId);
  if (provider !== undefined) {
    const hadSessionKey = deps.keys.forgetSession?.(provider) ?? false;
    try {
      await removeProviderKeys(deps.keyStore, provider);
    } catch (error) {
      // No keychain: the only key there was is the session's, now forgotten.
      if (!(hadSessionKey && error instanceof KeychainUnavailableError)) throw error;
    }
  }
  deps.manager.settings.setKeyNote(providerId, undefined);
  return keyStatus(deps, providerId);
}

/** What the connection failure sentences of the engine say when nothing answered at all. */
const unreachable =
  /connection lost|connection error|could not be reached|timed out|fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ENETDOWN|ECONNRESET/iu;

/**
 * keys:test, in the same words as keys:status: no key is "no API key is set" exactly when the
 * status says so (the status is read first, from the same source the test uses), and a server
 * that cannot be reached is said to be unreachable, not as the SDK's "Connection error.".
 */
export async function testConnection(
  deps: ProviderKeyDeps,
  providerId: string,
): Promise<ConnectionTest> {
  const provider = deps.manager.settings.provider(providerId);
  const status = await keyStatus(deps, providerId);
  if (!status.set) {
    return {
      ok: false,
      message: `No API key is set for ${provider.label}: enter one above, then test again.`,
      keyStatus: status,
    };
  }
  const { ok, message } = await deps.manager.checkProvider(providerId);
  if (!ok && unreachable.test(message)) {
    return {
      ok: false,
      message: `${provider.label} could not be reached at ${provider.baseUrl}: check the network connection and the address.`,
      keyStatus: status,
    };
  }
  // The server's sentence may quote the key.
  return { ok, message: redactKeys(message), keyStatus: status };
}
