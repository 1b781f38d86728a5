// Providers as people name them on the command line: by id (`openai`, `url-3f2a9c41d07e`) or by
// the name shown in Settings (`OpenAI`, `127.0.0.1:4010`), and shown by that name, never by a
// generated id alone.
import type { ProviderConfig } from '../../shared/provider.js';
import type { EngineSettings } from '../core/engine/index.js';
import { UsageError } from './cli-errors.js';

/** The provider `text` names (its id, else its name, any case); a usage error when none does. */
export function providerNamed(settings: EngineSettings, text: string): ProviderConfig {
  const providers = settings.providers();
  const wanted = text.trim();
  const byId = providers.find((p) => p.id === wanted);
  if (byId) return byId;
  const byName = providers.filter((p) => p.label.toLowerCase() === wanted.toLowerCase());
  if (byName.length === 1 && byName[0]) return byName[0];
  if (byName.length > 1) {
    throw new UsageError(
      `--provider '${text}' names ${byName.length} providers; give its id (${byName.map((p) => p.id).join(', ')})`,
    );
  }
  throw new UsageError(
    `There is no provider '${text}' ('mull providers' lists them; --base-url URL adds one)`,
  );
}

/** The name a provider is shown by: the name given in Settings, else its host, else its id. */
export function providerName(settings: EngineSettings, providerId: string): string {
  const provider = settings.providers().find((p) => p.id === providerId);
  if (!provider) return providerId;
  if (provider.label.trim() !== '') return provider.label;
  try {
    return new URL(provider.baseUrl).host;
  } catch {
    return provider.id;
  }
}

/**
 * "Could not reach the provider 127.0.0.1:4010 at http://127.0.0.1:4010/v1 (ECONNREFUSED)": one
 * sentence naming the provider and its address, with the network's reason when it gave one.
 */
export function unreachableSentence(provider: ProviderConfig, reason?: string): string {
  const why = reason === undefined || reason === '' ? '' : ` (${reason})`;
  return `Could not reach the provider ${provider.label || provider.id} at ${provider.baseUrl}${why}`;
}

/** The network's reason in an engine detail: "The provider could not be reached (ECONNREFUSED)." */
export function reasonIn(detail: string | null | undefined): string | undefined {
  if (!detail) return undefined;
  const code = /\(([A-Z_]+)\)\.?$/.exec(detail)?.[1];
  return code ?? detail.replace(/\.$/, '');
}

/** A connection failure of the OpenAI SDK (no HTTP status: the server was never heard from). */
export function isConnectionFailure(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'APIConnectionError' || error.name === 'APIConnectionTimeoutError')
  );
}

/** The innermost cause's code or message of a connection failure ("ECONNREFUSED"). */
export function connectionReason(error: unknown): string | undefined {
  let current: unknown = error;
  let reason: string | undefined;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    reason = current.message;
    current = current.cause;
  }
  return reason;
}
