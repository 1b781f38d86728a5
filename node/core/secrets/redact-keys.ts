// Server text can quote a key ("Incorrect API key provided: sk-proj-..."), and a job's error and
// timeline are stored, shown in every window, exported and printed by `mull show`. So every error
// message and timeline detail is passed through redactKeys before it is stored: key-shaped tokens
// and every key this process has handed to a provider client are masked.

/**
 * OpenAI-style secret keys: `sk-` then letters, digits, `_`, `-` (sk-proj-..., sk-svcacct-...,
 * sk-admin-..., the older sk-<48>), also as servers echo them masked (`sk-abc...wxyz`,
 * `sk-proj-****wxyz`, `sk-ab…yz`). The word boundary keeps "disk-based" and "task-runner" whole.
 */
const keyShaped = /\bsk-(?:[A-Za-z0-9_*-]|\.{2,}|…)+/gu;
/** Shorter `sk-` tokens ("sk-learn") are words, not keys. */
const shortestKeyShaped = 10;
/** Keys shorter than this are not real keys; replacing them would mangle ordinary words. */
const shortestRemembered = 8;
const maxRemembered = 64;

const remembered = new Set<string>();

/** Masks `token`: `sk-…wxyz` for an OpenAI-style key (its last four stay, as "ending in wxyz"). */
function masked(token: string): string {
  const last4 = token.slice(-4);
  return token.startsWith('sk-') && token.length >= 20 && /^[A-Za-z0-9]{4}$/u.test(last4)
    ? `sk-…${last4}`
    : '[redacted key]';
}

/** Remembers `key` (a key read for a provider) so that redactKeys masks it wherever it appears. */
export function rememberKey(key: string): void {
  const trimmed = key.trim();
  if (trimmed.length < shortestRemembered || remembered.has(trimmed)) return;
  if (remembered.size >= maxRemembered) {
    const oldest = remembered.values().next().value;
    if (oldest !== undefined) remembered.delete(oldest);
  }
  remembered.add(trimmed);
}

/** `text` with every remembered key and every key-shaped token masked. */
export function redactKeys(text: string): string;
export function redactKeys(text: string | null): string | null;
export function redactKeys(text: string | null | undefined): string | null | undefined;
export function redactKeys(text: string | null | undefined): string | null | undefined {
  if (text === null || text === undefined || text === '') return text;
  let out = text;
  // Verbatim first: a remembered key may hold characters the pattern stops at.
  for (const key of remembered) if (out.includes(key)) out = out.replaceAll(key, masked(key));
  return out.replace(keyShaped, (token) =>
    token.length < shortestKeyShaped ? token : masked(token),
  );
}

/** `source` whose every key read is remembered for redactKeys (wraps the engine's KeySource). */
export function rememberingKeys<A extends unknown[]>(source: {
  get(...args: A): Promise<string | undefined>;
}): { get(...args: A): Promise<string | undefined> } {
  return {
    async get(...args) {
      const key = await source.get(...args);
      if (key !== undefined) rememberKey(key);
      return key;
    },
  };
}
