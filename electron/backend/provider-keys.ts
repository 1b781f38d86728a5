// The channels where a provider and its key meet. A key belongs to the provider AND the origin of
// the base URL it was entered for (electron/core/secrets/key-account.ts): saving a provider with
// another origin removes its key first (and says so in its key status), so that whoever changes
// the address cannot have the key sent there by the next "test connection" or job.
import type { KeyStatus } from '../../shared/ipc/contract.js';
import type { ProviderConfig } from '../../shared/provider.js';
import type { JobManager } from '../core/engine/index.js';
import { normalizeBaseUrl } from '../core/provider/base-url.js';
import {
  originOf,
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
  { manager, keyStore }: ProviderKeyDeps,
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

/** keys:set: stored for the provider's origin now; jobs paused for a key carry on. */
export async function setKey(
  deps: ProviderKeyDeps,
  providerId: string,
  key: string,
): Promise<KeyStatus> {
  const provider = deps.manager.settings.provider(providerId); // unknown: refused before storing
  await storeProviderKey(deps.keyStore, provider, key);
  deps.manager.settings.setKeyNote(providerId, undefined);
  deps.manager.keyChanged(providerId);
  return keyStatus(deps, providerId);
}

/** keys:clear */
export async function clearKey(deps: ProviderKeyDeps, providerId: string): Promise<KeyStatus> {
  const provider = deps.manager.settings.providers().find((p) => p.id === providerId);
  if (provider !== undefined) await removeProviderKeys(deps.keyStore, provider);
  deps.manager.settings.setKeyNote(providerId, undefined);
  return keyStatus(deps, providerId);
}
