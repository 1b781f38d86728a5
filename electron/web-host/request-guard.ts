// Who may talk to the web host. The token proves the caller read the URL Mull printed; the Host
// check stops DNS rebinding (a site whose name suddenly resolves to 127.0.0.1 still sends its own
// name as Host); the Origin check stops another page in the same browser from posting to the API.
import type { IncomingMessage } from 'node:http';
import { isHostToken } from './host-token.js';
import { presentedToken } from './session-cookie.js';

export interface GuardSettings {
  port: number;
  token: string;
  cookieName: string;
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

/** Why a request is refused (one sentence for the 403 body), or undefined when it may pass. */
export function refusal(req: IncomingMessage, settings: GuardSettings): string | undefined {
  const badHost = hostRefusal(req, settings.port);
  if (badHost !== undefined) return badHost;
  if (!isHostToken(presentedToken(req, settings.cookieName), settings.token)) {
    return 'Open Mull with the address it printed when it started: that address carries its token.';
  }
  // Browsers send Origin on every cross-origin request and on same-origin POSTs; tools send none.
  // A present Origin that is not ours (including "null" from sandboxed frames) is refused.
  const origin = req.headers.origin;
  if (
    req.method === 'POST' &&
    origin !== undefined &&
    !ownOrigins(settings.port).includes(origin)
  ) {
    return 'Requests from other sites are refused.';
  }
  return undefined;
}
