// Another local page cannot use Mull's web session. A second loopback server, on another port of
// 127.0.0.1, serves a page that is opened in the same browser context after Mull's page: what that
// page and its server can collect (cookies the browser sends it, document.cookie, its storage,
// answers to credentialed requests to Mull) holds no session, and replaying all of it against the
// web host is refused.
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures/app.js';

/** A page on another port that records every request the browser sends it. */
interface OtherSite {
  origin: string;
  received: IncomingHttpHeaders[];
  close(): Promise<void>;
}

async function startOtherSite(): Promise<OtherSite> {
  const received: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    received.push(req.headers);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Another local page</title><p>Nothing to see.</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * The status of one request to the web host, sent from outside the browser with exactly these
 * headers; resolves on the response's head (an event stream that opens would never end).
 */
function statusOf(
  origin: string,
  path: string,
  method: 'GET' | 'POST',
  headers: Record<string, string>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${origin}${path}`,
      {
        method,
        headers: {
          Host: new URL(origin).host,
          ...(method === 'POST' ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
        },
      },
      (res) => {
        resolve(res.statusCode ?? 0);
        res.destroy();
      },
    );
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

/** What a page can learn from a request to Mull: nothing when it throws or the answer is opaque. */
interface Probe {
  threw: boolean;
  type?: string;
  status?: number;
  body?: string;
}

let other: OtherSite;
test.beforeEach(async () => {
  other = await startOtherSite();
});
test.afterEach(async () => {
  await other.close();
});

test('a page on another loopback port cannot read or use the session', async ({ page, host }) => {
  // Mull's page is open and working: the session exists in this browser context.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  const evil = await page.context().newPage();
  await evil.goto(`${other.origin}/`);
  const seen = await evil.evaluate<{ cookie: string; stored: string[]; probes: Probe[] }>(
    `(async () => {
      const mull = ${JSON.stringify(host.origin)};
      const probe = async (path, init) => {
        try {
          const res = await fetch(mull + path, { credentials: 'include', ...init });
          let body;
          try { body = await res.text(); } catch { body = undefined; }
          return { threw: false, type: res.type, status: res.status, body };
        } catch {
          return { threw: true };
        }
      };
      const storage = (area) =>
        Array.from({ length: area.length }, (_, i) => area.getItem(area.key(i)) ?? '');
      const json = { 'Content-Type': 'application/json' };
      return {
        cookie: document.cookie,
        stored: [...storage(localStorage), ...storage(sessionStorage)],
        probes: [
          await probe('/api/app:info', { method: 'POST', headers: json, body: '{}' }),
          await probe('/api/app:info', { method: 'POST', mode: 'no-cors', body: '{}' }),
          await probe('/api/events', {}),
          await probe('/api/events', { mode: 'no-cors' }),
          await probe('/', {}),
          await probe('/', { mode: 'no-cors' }),
        ],
      };
    })()`,
  );
  await evil.close();

  // Nothing readable: every credentialed request to Mull threw or came back opaque.
  expect(seen.cookie).toBe('');
  for (const probe of seen.probes) {
    expect(probe.threw || probe.type === 'opaque', JSON.stringify(probe)).toBe(true);
    if (!probe.threw) expect(probe.body).toBe('');
  }

  // The other site's server got nothing of Mull's (cookies ignore ports: a cookie for 127.0.0.1,
  // whatever its name, would be in these headers).
  const cookieHeaders = other.received.map((headers) => headers.cookie ?? '');
  expect(cookieHeaders.join('\n')).not.toContain(host.token);

  // Whatever it collected, replayed from outside the browser as a token or as cookies: refused.
  const loot = new Set<string>();
  for (const text of [...cookieHeaders, seen.cookie, ...seen.stored]) {
    if (text === '') continue;
    loot.add(text);
    for (const pair of text.split(';')) {
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      if (value !== '') loot.add(value);
    }
  }
  const replays: Record<string, string>[] = [{}];
  for (const value of loot) replays.push({ Authorization: `Bearer ${value}` }, { Cookie: value });
  for (const header of cookieHeaders) if (header !== '') replays.push({ Cookie: header });
  for (const headers of replays) {
    for (const [method, path] of [
      ['POST', '/api/app:info'],
      ['GET', '/api/events'],
    ] as const) {
      const status = await statusOf(host.origin, path, method, headers);
      expect([401, 403], `${method} ${path} with ${JSON.stringify(headers)}`).toContain(status);
    }
  }
});

test('the real token, sent by a page of another origin, is refused', async ({ page, host }) => {
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  const evil = await page.context().newPage();
  await evil.goto(`${other.origin}/`);
  const probes = await evil.evaluate<Probe[]>(
    `(async () => {
      const mull = ${JSON.stringify(host.origin)};
      const auth = { Authorization: ${JSON.stringify(`Bearer ${host.token}`)} };
      const probe = async (path, init) => {
        try {
          const res = await fetch(mull + path, init);
          return { threw: false, status: res.status, type: res.type };
        } catch {
          return { threw: true };
        }
      };
      return [
        await probe('/api/app:info', {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/json' },
          body: '{}',
        }),
        await probe('/api/events', { headers: auth }),
      ];
    })()`,
  );
  await evil.close();
  // The browser asks first (Authorization is not a simple header); Mull's refusal ends it there.
  expect(probes).toEqual([{ threw: true }, { threw: true }]);
  // The same requests with the browser's Origin and Sec-Fetch-Site, replayed by hand: 403.
  const auth = { Authorization: `Bearer ${host.token}` };
  const foreign: Record<string, string>[] = [
    { Origin: other.origin },
    { 'Sec-Fetch-Site': 'same-site' },
  ];
  for (const headers of foreign) {
    const post = await statusOf(host.origin, '/api/app:info', 'POST', { ...auth, ...headers });
    const events = await statusOf(host.origin, '/api/events', 'GET', { ...auth, ...headers });
    expect([post, events], JSON.stringify(headers)).toEqual([403, 403]);
  }
});
