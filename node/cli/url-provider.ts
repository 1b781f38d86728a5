// `mull submit --base-url URL` (or OPENAI_BASE_URL): the provider entry for that URL, created the
// first time and reused after, so that a later `mull run` (another process, no flag) finds where
// the job lives. The id comes from the normalized URL, so the same server always gets the same id.
import { createHash } from 'node:crypto';
import { defaultAuthStyle, type ProviderConfig, type ProviderKind } from '../../shared/provider.js';
import type { EngineSettings } from '../core/engine/index.js';
import { normalizeBaseUrl } from '../core/provider/base-url.js';
import { UsageError } from './cli-errors.js';

export function providerForBaseUrl(
  settings: EngineSettings,
  rawUrl: string,
  /** Where the URL came from, to name in a refusal: the flag, or the environment variable. */
  from = '--base-url',
  /** false: only a provider already set up for it (`mull key clear`), never a new one. */
  options: { create?: boolean } = {},
): ProviderConfig {
  const kind = kindOfUrl(rawUrl);
  let baseUrl: string;
  try {
    baseUrl = normalizeBaseUrl(kind, rawUrl);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
    throw new UsageError(`${from}: ${reason}`);
  }
  // One the person already set up for this URL (in the app, or an earlier submit) wins.
  const existing = settings.providers().find((p) => p.kind === kind && p.baseUrl === baseUrl);
  if (existing) return existing;
  if (options.create === false) {
    throw new UsageError(`No provider has the base URL ${baseUrl} ('mull providers' lists them)`);
  }
  return settings.saveProvider({
    id: urlProviderId(baseUrl),
    kind,
    label: new URL(baseUrl).host.slice(0, 100),
    baseUrl,
    authStyle: defaultAuthStyle(kind),
  });
}

/** A stable id for a normalized base URL, e.g. `url-3f2a9c41d07e`. */
export function urlProviderId(normalizedBaseUrl: string): string {
  return `url-${createHash('sha256').update(normalizedBaseUrl).digest('hex').slice(0, 12)}`;
}

export function kindOfUrl(rawUrl: string): ProviderKind {
  let host: string;
  try {
    host = new URL(rawUrl.trim()).hostname.toLowerCase();
  } catch {
    return 'compatible'; // normalizeBaseUrl explains what is wrong with it
  }
  if (host.endsWith('.openai.azure.com')) return 'azure';
  if (host === 'api.openai.com') return 'openai';
  return 'compatible';
}
