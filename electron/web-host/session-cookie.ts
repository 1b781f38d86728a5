// The cookie that carries the token after the first open, so the token leaves the address bar and
// the page's own requests (fetch, EventSource, assets) carry it without any script seeing it.
import type { IncomingMessage } from 'node:http';

/**
 * Cookies are scoped by host, not by port: two hosts on one machine (say `npm start` and
 * `npm run demo`) would overwrite each other's cookie if it had one name. The port keeps them apart.
 */
export function sessionCookieName(port: number): string {
  return `mull_session_${port}`;
}

/** HttpOnly: no script reads it; SameSite=Strict: no other site's page sends it. */
export function sessionCookie(port: number, token: string): string {
  return `${sessionCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/**
 * The value of one cookie. Written here rather than with a cookie library: only one name is read,
 * and its value is base64url, which needs no decoding.
 */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (header === undefined) return undefined;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1) continue;
    if (pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return undefined;
}

/** The token from `Authorization: Bearer T` (tests, tools), else from the session cookie. */
export function presentedToken(req: IncomingMessage, cookieName: string): string | undefined {
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match?.[1];
  }
  return readCookie(req, cookieName);
}
