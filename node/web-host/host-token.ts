// The web host's per-run secret: whoever presents it may use Mull, so it is long, random, and
// compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: safe in a URL fragment and an Authorization header as it is. */
export function newHostToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Whether `presented` is the token. Both sides are hashed first so the comparison always runs on
 * 32 bytes: timingSafeEqual needs equal lengths, and an early length check would leak the length.
 */
export function isHostToken(presented: string | undefined, token: string): boolean {
  if (presented === undefined) return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(token));
}
