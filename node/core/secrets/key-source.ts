// Where the engine gets API keys: the OPENAI_API_KEY environment variable for headless use (the
// `mull` CLI on a server, CI), otherwise the OS keychain. A key is looked up for a provider AND the
// origin its requests go to (key-account.ts): a provider re-pointed at another server has no key
// there, so the next request fails as "no key" (the job waits as "needs key") instead of handing
// the key to that server.
import { defaultOpenAIProvider } from '../../../shared/provider.js';
import {
  keyAccount,
  mayHaveLegacyEntry,
  openAIOrigin,
  originOf,
  type KeyTarget,
} from './key-account.js';
import { KeychainUnavailableError } from './keychain-error.js';
import type { KeyStatus, KeyStore } from './key-store.js';
import { maskKey } from './mask-key.js';
import { validateKey } from './validate-key.js';

export interface KeySourceWithStatus {
  /** The key that may be sent to `provider` at its base URL's origin; undefined when none may. */
  get(provider: KeyTarget): Promise<string | undefined>;
  /** Whether `provider` has a key there; never the key itself. */
  status(provider: KeyTarget): Promise<KeyStatus>;
  /**
   * Keeps `key` for `provider` at its origin in this process's memory only, until it ends (for a
   * machine with no keychain, at the person's request). It wins over the keychain and the
   * environment. Absent on a source that cannot hold one.
   */
  keepForSession?(provider: KeyTarget, key: string): void;
  /** Forgets the key kept for this session; true when there was one. */
  forgetSession?(provider: KeyTarget): boolean;
}

interface Found {
  key: string;
  source: 'keychain' | 'environment' | 'session';
}

/**
 * OPENAI_API_KEY (headless use) goes only where it may: to the built-in OpenAI provider at
 * https://api.openai.com, and to the origin OPENAI_BASE_URL names (the OpenAI SDK's own pairing:
 * whoever set both sends that key to that server already). Never to a provider re-pointed somewhere
 * else, never to an Azure or third-party server configured as another provider. For the built-in
 * provider it wins over the keychain; another provider at the paired origin gets it only when the
 * keychain has no key of its own for it there.
 *
 * A keychain that cannot be read makes get() reject with KeychainUnavailableError (the job then
 * waits as "needs key" with the keychain's reason, never as a crash); status() reads "not set".
 */
export function keySourceFor(env: NodeJS.ProcessEnv, keychain: KeyStore): KeySourceWithStatus {
  /** Keys kept for this session only, by keychain account (provider and origin). */
  const sessionKeys = new Map<string, string>();
  const sessionAccount = (provider: KeyTarget): string | undefined => {
    const origin = originOf(provider.baseUrl);
    return origin === undefined ? undefined : keyAccount(provider.id, origin);
  };

  /** OPENAI_API_KEY, if it may go to `origin`, and whether it wins over the keychain there. */
  function fromEnvironment(
    provider: KeyTarget,
    origin: string,
  ): { key: string; wins: boolean } | undefined {
    const key = env.OPENAI_API_KEY?.trim();
    if (key === undefined || key === '') return undefined;
    const paired = env.OPENAI_BASE_URL ? originOf(env.OPENAI_BASE_URL) : undefined;
    const builtIn = provider.id === defaultOpenAIProvider.id;
    if (builtIn && (origin === openAIOrigin || origin === paired)) return { key, wins: true };
    return origin === paired ? { key, wins: false } : undefined;
  }

  async function find(provider: KeyTarget): Promise<Found | undefined> {
    const origin = originOf(provider.baseUrl);
    if (origin === undefined) return undefined;
    const kept = sessionKeys.get(keyAccount(provider.id, origin));
    if (kept !== undefined) return { key: kept, source: 'session' };
    const fromEnv = fromEnvironment(provider, origin);
    if (fromEnv?.wins) return { key: fromEnv.key, source: 'environment' };
    const fallback = fromEnv && { key: fromEnv.key, source: 'environment' as const };
    let key: string | undefined;
    try {
      key = await fromKeychain(keychain, provider.id, origin);
    } catch (error) {
      // A headless machine has no keychain: the paired key is all there is.
      if (fallback && error instanceof KeychainUnavailableError) return fallback;
      throw error;
    }
    return key === undefined ? fallback : { key, source: 'keychain' };
  }

  return {
    async get(provider) {
      return (await find(provider))?.key;
    },
    async status(provider) {
      let found: Found | undefined;
      try {
        found = await find(provider);
      } catch (error) {
        if (error instanceof KeychainUnavailableError) return { set: false };
        throw error;
      }
      return found === undefined
        ? { set: false }
        : { set: true, last4: maskKey(found.key), source: found.source };
    },
    keepForSession(provider, key) {
      const account = sessionAccount(provider);
      if (account === undefined) {
        throw new Error(`The base URL of '${provider.id}' has no address a key could belong to.`);
      }
      sessionKeys.set(account, validateKey(key));
    },
    forgetSession(provider) {
      const account = sessionAccount(provider);
      return account !== undefined && sessionKeys.delete(account);
    },
  };
}

/**
 * The keychain's key for `providerId` at `origin`. A key stored by an earlier Mull (under the bare
 * provider id, no origin) is trusted for the origin the provider has the first time it is read
 * after the upgrade, and bound to it then: moved to the bound account, the old entry removed.
 * Changing a provider's origin, or removing the provider, removes that old entry too
 * (provider-keys.ts), so it cannot be bound later to an address someone else chose.
 */
async function fromKeychain(
  keychain: KeyStore,
  providerId: string,
  origin: string,
): Promise<string | undefined> {
  const account = keyAccount(providerId, origin);
  const bound = await keychain.get(account);
  if (bound !== undefined || !mayHaveLegacyEntry(providerId)) return bound;
  const legacy = await keychain.get(providerId);
  if (legacy === undefined) return undefined;
  try {
    await keychain.set(account, legacy);
    await keychain.clear(providerId);
  } catch {
    // Not bound this time (the keychain went away, or refused the write): the key is still the
    // one for this address, and the next read binds it.
  }
  return legacy;
}
