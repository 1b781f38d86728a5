// A server of the attacker's: a plain node:http listener on 127.0.0.1 that records every request
// it gets (method, path, every header) and answers each with a 401 in the API's shape, so a client
// that sent it a key would fail as against any server that refuses it. Tests point a provider at it
// and then check that no key ever reached it, in any header.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CaughtRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export interface KeyCatcher {
  /** `http://127.0.0.1:PORT/v1`: a base URL to point a provider at. */
  baseUrl: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  readonly requests: CaughtRequest[];
  /** Every header name and value of every request, as one string to search. */
  everything(): string;
  close(): Promise<void>;
}

export async function startKeyCatcher(): Promise<KeyCatcher> {
  const requests: CaughtRequest[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    req.on('end', () => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: {
            message: 'Who are you?',
            type: 'invalid_request_error',
            code: 'invalid_api_key',
          },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    baseUrl: `${origin}/v1`,
    origin,
    requests,
    everything: () =>
      requests.map((r) => `${r.method} ${r.url}\n${JSON.stringify(r.headers, null, 1)}`).join('\n'),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What of `key` must never be seen: the key, and the key without its last four characters. */
export function keyNeedles(key: string): string[] {
  return [key, key.slice(0, -4)];
}
