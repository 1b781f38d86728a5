// Who may talk to the web host. The token proves the caller read the address Mull printed; the Host
// check stops DNS rebinding (a site whose name suddenly resolves to 127.0.0.1 still sends its own
// name as Host); the Origin and Sec-Fetch-Site checks stop another page in the same browser from
// using the API or the event stream, even with the token in hand.
//
// Why the token rides on no cookie: cookies are scoped by host, not by port, so a cookie for
// 127.0.0.1 reaches every server on every port of 127.0.0.1, another user's included, and any of
// them could replay it. A header is sent only where the page's own script sends it. So the printed
// address carries the token in its fragment (`/#token=T`, never sent to a server, never in a log or
// a Referer); the page keeps it in sessionStorage, which belongs to its origin (scheme, host AND
// port), and sends it as `Authorization: Bearer T` on every request and on the event stream (read
// with fetch, since EventSource cannot send a header). The other option, a name unique to the run
// under `localhost` with a host-only cookie, was not taken: Safari does not resolve `*.localhost`,
// nor do some tools, and the cookie would still reach any port of that name once the name is known.
// What this costs: a second tab opened by typing the address has no token (open the printed
// address again, or duplicate a tab: sessionStorage is copied); a reload keeps it. The pages and
// scripts themselves are served without the token: they are the public build and hold no data.
// Playwright opens the printed address as a person does, its origin stays http://127.0.0.1:PORT;
// the desktop app never comes here (it talks to the backend over Electron's IPC).
import type { IncomingMessage } from 'node:http';
import { isHostToken } from './host-token.js';

export interface GuardSettings {
  port: number;
  token: string;
}

/** The origins the host answers as: the same server, reached by either loopback name. */
export function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** Why the Host header is refused, or undefined when it names this host. */
export function hostRefusal(req: IncomingMessage, port: number): string | undefined {
  const host = req.headers.host?.toLowerCase();
  if (host === `127.0.0.1:${port}` || host === `localhost:${port}`) return undefined;
  return 'Mull answers only as 127.0.0.1 or localhost at its own port.';
}

/**
 * Why a request is refused as coming from another page, or undefined. Browsers send Origin on every
 * cross-origin request and on same-origin POSTs, and Sec-Fetch-Site on every request (Chromium,
 * Firefox, Safari 16.4+): either one naming another origin is refused, a present Origin that is
 * not ours (including "null" from sandboxed frames) too. A request with neither comes from a tool
 * (curl, the tests), not from a page: it may pass, with the Bearer token like any other.
 * `Sec-Fetch-Site: none` is a person's own navigation (the address bar); it carries no header, so
 * the token check refuses it.
 */
export function crossSiteRefusal(req: IncomingMessage, port: number): string | undefined {
  const origin = req.headers.origin;
  if (origin !== undefined && !ownOrigins(port).includes(origin)) {
    return 'Requests from other sites are refused.';
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return 'Requests from other sites are refused.';
  }
  return undefined;
}

/** The token from `Authorization: Bearer T`: the only place the host reads it. */
export function presentedToken(req: IncomingMessage): string | undefined {
  const authorization = req.headers.authorization;
  if (authorization === undefined) return undefined;
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
}

/**
 * Why a request for the API or the event stream is refused (one sentence for the 403 body), or
 * undefined when it may pass: a loopback Host, not from another page, and the token.
 */
export function apiRefusal(req: IncomingMessage, settings: GuardSettings): string | undefined {
  return (
    hostRefusal(req, settings.port) ??
    crossSiteRefusal(req, settings.port) ??
    (isHostToken(presentedToken(req), settings.token)
      ? undefined
      : 'Open Mull with the address it printed when it started: that address carries its token.')
  );
}
