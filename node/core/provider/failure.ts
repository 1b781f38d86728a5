// What an error from the provider means for a job: the error table of docs/ARCHITECTURE.md ("How
// the API really behaves") turned into decisions (retry, switch to polling, wait for a key, give up with a readable sentence).
import { APIConnectionError, APIError } from 'openai';
import { MissingKeyError } from './responses-client.js';

export type Phase = 'create' | 'resume' | 'poll' | 'cancel';

export type ProviderFailure =
  /** Try again after a backoff (honouring retryAfterMs when the server gave one). */
  | { kind: 'transient'; reason: string; retryAfterMs?: number }
  /** Re-streaming refused (HTTP 400 on resume): poll instead. */
  | { kind: 'restream_refused'; reason: string }
  /** 401 or no key: pause until the key changes. */
  | { kind: 'needs_key'; reason: string }
  /** 404 for a response we know: the server forgot it (retention) or it was deleted. */
  | { kind: 'expired'; reason: string }
  /** The create request never reached the server (offline, DNS): safe to send again. */
  | { kind: 'not_sent'; reason: string }
  /** The create request may or may not have started a job: never resend silently. */
  | { kind: 'ambiguous'; reason: string }
  /** Nothing will change by retrying: the job ends with this message. */
  | { kind: 'permanent'; code: string; message: string };

const neverReachedServer = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
]);

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    current = current.cause;
  }
  return undefined;
}

/** The MissingKeyError somewhere in `error`'s cause chain, if any. */
export function missingKeyIn(error: unknown): MissingKeyError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof MissingKeyError) return current;
    current = current.cause;
  }
  return undefined;
}

/** Milliseconds the server asked us to wait, from `retry-after-ms` or `retry-after`. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') !== null && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The server's own sentence from an error reply, without the SDK's status prefix. */
export function serverSays(error: APIError): string {
  // The SDK prefixes the status ("400 ..."); people need the server's sentence only.
  const body: unknown = error.error;
  const message =
    typeof body === 'object' && body !== null && 'message' in body ? body.message : undefined;
  return typeof message === 'string' && message !== '' ? message : error.message;
}

const keyRefused =
  'The API key was refused (HTTP 401). Enter a valid key in Settings (or set OPENAI_API_KEY); paused jobs resume by themselves.';

function asProviderError(error: unknown): APIError | undefined {
  return error instanceof APIError ? (error as APIError) : undefined;
}

/** Classifies an error thrown while talking to the provider during `phase`. */
export function classifyFailure(thrown: unknown, phase: Phase): ProviderFailure {
  const missing = missingKeyIn(thrown);
  if (missing) {
    return {
      kind: 'needs_key',
      reason:
        missing.unavailable === undefined
          ? 'No API key is set for this provider.'
          : `${missing.unavailable} Paused jobs go on by themselves once the key can be read again.`,
    };
  }
  const error = asProviderError(thrown);
  if (error?.status !== undefined) {
    const status = error.status;
    const code = typeof error.code === 'string' ? error.code : String(status);
    if (status === 401) return { kind: 'needs_key', reason: keyRefused };
    if (status === 429 && code === 'insufficient_quota') {
      return {
        kind: 'permanent',
        code,
        message:
          'The account is out of credit (insufficient_quota): add billing details, then retry this job.',
      };
    }
    if (status === 429 || status === 408 || status === 409 || status >= 500) {
      return {
        kind: 'transient',
        reason: `HTTP ${status}: ${serverSays(error)}`,
        retryAfterMs: retryAfterMs(error.headers),
      };
    }
    if (status === 400 && phase === 'resume')
      return { kind: 'restream_refused', reason: serverSays(error) };
    if (status === 404 && phase !== 'create') {
      return {
        kind: 'expired',
        reason:
          'The server no longer has this response (it expired or was deleted); the text received so far is kept.',
      };
    }
    // The real API answers an unknown model with 400 (some servers with 404).
    if ((status === 400 || status === 404) && code === 'model_not_found') {
      return {
        kind: 'permanent',
        code,
        message: `${serverSays(error)} Pick another model, or check the provider's base URL.`,
      };
    }
    if (status === 403) {
      return {
        kind: 'permanent',
        code,
        message: `The provider refused access (HTTP 403): ${serverSays(error)}`,
      };
    }
    return {
      kind: 'permanent',
      code,
      message: `The provider refused the request (HTTP ${status}): ${serverSays(error)}`,
    };
  }
  // No HTTP status: the connection failed (openai-node's APIConnectionError is an APIError with
  // no status, so it must never be read as an answer from the server), or the request was aborted.
  const code = causeCode(thrown);
  if (phase === 'create') {
    if (code !== undefined && neverReachedServer.has(code)) {
      return { kind: 'not_sent', reason: `The provider could not be reached (${code}).` };
    }
    return {
      kind: 'ambiguous',
      reason: code ?? describe(thrown),
    };
  }
  if (thrown instanceof APIConnectionError || thrown instanceof TypeError || code !== undefined) {
    return { kind: 'transient', reason: `connection lost (${code ?? describe(thrown)})` };
  }
  return { kind: 'transient', reason: describe(thrown) };
}

/** The error's message with its innermost cause ("Connection error.: other side closed"). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  let inner: Error = error;
  for (let depth = 0; depth < 5 && inner.cause instanceof Error; depth++) inner = inner.cause;
  if (inner === error) return error.message;
  const code = (inner as { code?: unknown }).code;
  const detail = `${inner.message}${typeof code === 'string' ? ` (${code})` : ''}`;
  return `${error.message.replace(/\.$/, '')}: ${detail}`;
}
