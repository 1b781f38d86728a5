// The only part of a key that may leave the main process: its last four characters, so a person
// can tell which key is set ("set, ending in abcd").

/** Below this length the last four characters would give away too much of the key to show them. */
const shortestMaskable = 8;

/** The last 4 characters of `key` (trimmed); '' for a key under 8 characters. */
export function maskKey(key: string): string {
  const trimmed = key.trim();
  return trimmed.length < shortestMaskable ? '' : trimmed.slice(-4);
}
