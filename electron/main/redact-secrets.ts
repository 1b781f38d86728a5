// Log lines must never hold a key (docs/ARCHITECTURE.md, invariant 9). Mull never logs a request payload, and
// this is the net under that rule: every log message passes through here before any transport.
// No electron import: unit-tested, including a property test that a key never survives.
import { inspect } from 'node:util';

export const redacted = '[redacted]';

// OpenAI keys: sk-..., sk-proj-..., sk-svcacct-... (other vendors' sk-ant-... alike).
const secretKeyPattern = /\bsk-[A-Za-z0-9_-]{6,}/gu;
// JSON Web Tokens (Entra ID tokens for Azure): header.payload.signature, base64url.
const jwtPattern = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*)?/gu;
// `Authorization: Bearer <token>`.
const bearerPattern = /\b(bearer)(\s+)[A-Za-z0-9._~+/=-]{4,}/giu;
// `api-key: <key>` (Azure's header), `"apiKey": "<key>"`, `token=<value>` in any quoting.
const labelledSecretPattern =
  /\b(api[-_]?key|x-api-key|access[-_]?token|token|secret|password)(["']?\s*[:=]\s*["']?)[^\s"',;&]{4,}/giu;
// A run of base64 / base64url / hex characters; redactRun decides whether it is a secret.
const tokenRunPattern = /[A-Za-z0-9+/=_-]{20,}/gu;

// Ids that look random but are no secret, and that a log is much less useful without.
const harmlessIds = [
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu, // job ids (UUIDs)
  /^(?:resp|msg|rs|req|caresp|ws|fc)_[A-Za-z0-9]+$/u, // OpenAI response, message, request ids
];

/** Long, with letters and digits (as every generated key has), and not a known kind of id. */
function looksRandom(run: string, minLength: number): boolean {
  return (
    run.length >= minLength &&
    /[0-9]/u.test(run) &&
    /[A-Za-z]/u.test(run) &&
    !harmlessIds.some((pattern) => pattern.test(run))
  );
}

function redactRun(run: string): string {
  // A path (`/home/.../node_modules/...` in a stack trace) is judged segment by segment so that it
  // stays readable; a random-looking segment in it is hidden all the same. The keys Mull holds
  // (OpenAI, Azure, JWTs) have no '/'; a standard-base64 secret of another server with two or more
  // '/' reads as a path, and then only its pieces of 16 characters or more are hidden.
  if (run.startsWith('/') || run.split('/').length > 2) {
    return run
      .split('/')
      .map((segment) => (looksRandom(segment, 16) ? redacted : segment))
      .join('/');
  }
  return looksRandom(run, 32) ? redacted : run;
}

/** `text` with anything that looks like an API key, token or other secret replaced. */
export function redactSecrets(text: string): string {
  return text
    .replace(secretKeyPattern, `sk-${redacted}`)
    .replace(jwtPattern, redacted)
    .replace(bearerPattern, `$1$2${redacted}`)
    .replace(labelledSecretPattern, `$1$2${redacted}`)
    .replace(tokenRunPattern, redactRun);
}

/** One value handed to the logger, as redacted text (an error with its stack and causes). */
export function redactLogValue(value: unknown): string {
  return redactSecrets(typeof value === 'string' ? value : describeValue(value));
}

function describeValue(value: unknown): string {
  if (value instanceof Error) {
    const text = value.stack ?? `${value.name}: ${value.message}`;
    return value.cause === undefined ? text : `${text}\nCaused by: ${describeValue(value.cause)}`;
  }
  return inspect(value, { depth: 4, breakLength: Infinity });
}
