// The command line's keys. keySourceFor gives OPENAI_API_KEY to the OpenAI provider only (handing
// an OpenAI key to another server would leak it), else reads the keychain. The command line adds
// the OpenAI SDK's own pairing: OPENAI_API_KEY also serves the server OPENAI_BASE_URL names. The
// person set both in one environment, so every OpenAI client there already sends that key to that
// server; without this, `OPENAI_BASE_URL=... mull submit` could never find a key on a headless box.
import type { ProviderConfig } from '../../../shared/provider.js';
import { type KeySource } from '../engine/index.js';
import { normalizeBaseUrl } from '../provider/base-url.js';
import { kindOfUrl } from './url-provider.js';

export function pairedKeySource(
  env: NodeJS.ProcessEnv,
  keys: KeySource,
  providerNamed: (providerId: string) => ProviderConfig | undefined,
): KeySource {
  const key = env.OPENAI_API_KEY?.trim();
  const pairedUrl = normalizedOrUndefined(env.OPENAI_BASE_URL);
  if (!key || pairedUrl === undefined) return keys;
  return {
    get: (providerId) =>
      providerNamed(providerId)?.baseUrl === pairedUrl
        ? Promise.resolve(key)
        : keys.get(providerId),
  };
}

function normalizedOrUndefined(url: string | undefined): string | undefined {
  if (!url?.trim()) return undefined;
  try {
    return normalizeBaseUrl(kindOfUrl(url), url);
  } catch {
    return undefined; // `mull submit` reports the bad URL itself
  }
}
