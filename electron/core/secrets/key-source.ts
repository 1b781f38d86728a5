// Where the engine gets API keys: the OPENAI_API_KEY environment variable for headless use (the
// `mull` CLI on a server, CI), otherwise the OS keychain.
import { defaultOpenAIProvider } from '../../../shared/provider.js';
import { KeychainUnavailableError } from './keychain-error.js';
import type { KeyStatus, KeyStore } from './key-store.js';
import { maskKey } from './mask-key.js';

export interface KeySourceWithStatus {
  get(providerId: string): Promise<string | undefined>;
  status(providerId: string): Promise<KeyStatus>;
}

/**
 * OPENAI_API_KEY (headless use) wins when set; otherwise the keychain. A keychain that cannot be
 * reached reads as "no key" (the job then waits as "needs key"), never as a crash.
 *
 * OPENAI_API_KEY is an OpenAI key, so it only stands in for the built-in OpenAI provider: handing it
 * to an Azure or third-party server configured as another provider would leak it there.
 */
export function keySourceFor(env: NodeJS.ProcessEnv, keychain: KeyStore): KeySourceWithStatus {
  function fromEnvironment(providerId: string): string | undefined {
    if (providerId !== defaultOpenAIProvider.id) return undefined;
    const key = env.OPENAI_API_KEY?.trim();
    return key === undefined || key === '' ? undefined : key;
  }

  return {
    async get(providerId) {
      const key = fromEnvironment(providerId);
      if (key !== undefined) return key;
      try {
        return await keychain.get(providerId);
      } catch (error) {
        if (error instanceof KeychainUnavailableError) return undefined;
        throw error;
      }
    },
    async status(providerId) {
      const key = fromEnvironment(providerId);
      if (key !== undefined) return { set: true, last4: maskKey(key), source: 'environment' };
      try {
        return await keychain.status(providerId);
      } catch (error) {
        if (error instanceof KeychainUnavailableError) return { set: false };
        throw error;
      }
    },
  };
}
