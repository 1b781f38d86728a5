// Who gets in: the token (in an `Authorization: Bearer` header only: never a cookie), a loopback
// Host, no other page's Origin or Sec-Fetch-Site on the API or the event stream. The pages and
// scripts need only the Host. And what every answer carries: the CSP and the other security headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security/csp.js';
import { startHostHarness, type HostHarness } from './test-support/host-harness.js';

let harness: HostHarness;
const json = { 'Content-Type': 'application/json' };

beforeAll(async () => {
  harness = await startHostHarness();
});
afterAll(async () => {
  await harness.cleanUp();
});

/** The status of the API (POST app:info) or the event stream (the head only: it stays open). */
async function statusOf(
  what: 'api' | 'events',
  headers: Record<string, string>,
  auth = true,
): Promise<number> {
  const { client } = harness;
  if (what === 'api') {
    const res = await client.request('/api/app:info', {
      method: 'POST',
      auth,
      headers: { ...json, ...headers },
      body: '{}',
    });
    return res.status;
  }
  const res = await client.request('/api/events', { auth, headers, headOnly: true });
  return res.status;
}

describe('without the token', () => {
  it.each([
    ['the API', 'POST', '/api/app:info'],
    ['the event stream', 'GET', '/api/events'],
    ['an unknown API path', 'POST', '/api/jobs:explode'],
    ['the API answering a preflight', 'OPTIONS', '/api/app:info'],
  ])('refuses %s with 403 and a plain sentence', async (_what, method, path) => {
    const res = await harness.client.request(path, {
      method,
      auth: false,
      headers: method === 'POST' ? json : {},
      body: method === 'POST' ? '{}' : undefined,
    });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toMatch(/address it printed/);
  });

  it.each([
    ['the page', '/'],
    ['any other path', '/assets/index.js'],
  ])('serves %s: the public build, with no data in it', async (_what, path) => {
    const res = await harness.client.request(path, { auth: false });
    expect(res.status).toBe(200);
    expect(res.body).toContain('npm run build'); // no renderer built in this harness
  });

  it('refuses a wrong token', async () => {
    const { client } = harness;
    const wrong = `${client.token.slice(0, -1)}${client.token.endsWith('A') ? 'B' : 'A'}`;
    for (const authorization of [`Bearer ${wrong}`, `Bearer ${client.token}x`, client.token]) {
      expect(await statusOf('api', { Authorization: authorization }, false)).toBe(403);
      expect(await statusOf('events', { Authorization: authorization }, false)).toBe(403);
    }
  });

  it('never reads a cookie: the real token in one, under any name, is refused', async () => {
    const { client } = harness;
    for (const cookie of [
      `mull_session_${client.port}=${client.token}`,
      `mull_session=${client.token}`,
      `token=${client.token}`,
    ]) {
      expect(await statusOf('api', { Cookie: cookie }, false)).toBe(403);
      expect(await statusOf('events', { Cookie: cookie }, false)).toBe(403);
    }
  });

  it('never sets a cookie, not even for the token in a query (the old first open)', async () => {
    const { client } = harness;
    const answers = [
      await client.request(`/?token=${client.token}`, { auth: false }),
      await client.request('/'),
      await client.request('/api/app:info', { method: 'POST', headers: json, body: '{}' }),
      await client.request('/api/events', { headOnly: true }),
    ];
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200]);
    for (const res of answers) expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('the printed address', () => {
  it('carries the token in its fragment, which no browser sends to a server', () => {
    const { host } = harness;
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(new URL(host.url).search).toBe('');
    expect(new URL(host.url).hash).toBe(`#token=${host.token}`);
  });

  it('the Bearer header alone opens the API and the event stream', async () => {
    expect(await statusOf('api', {})).toBe(200);
    expect(await statusOf('events', {})).toBe(200);
    const envelope = await harness.client.call('app:info', {});
    expect(envelope).toMatchObject({ ok: true, value: { mode: 'web' } });
  });
});

describe('DNS rebinding and cross-site requests', () => {
  it.each(['evil.example', 'evil.example:80', '127.0.0.2'])(
    'refuses Host %s even with the token, on the page, the API and the events',
    async (host) => {
      const page = await harness.client.request('/', { headers: { Host: host } });
      expect(page.status).toBe(403);
      expect(page.body).toMatch(/127\.0\.0\.1 or localhost/);
      expect(await statusOf('api', { Host: host })).toBe(403);
      expect(await statusOf('events', { Host: host })).toBe(403);
    },
  );

  it('refuses the right name at another port, and answers as localhost at its own', async () => {
    const { client } = harness;
    const otherPort = await client.request('/', {
      headers: { Host: `127.0.0.1:${client.port + 1}` },
    });
    const localhost = await client.request('/', { headers: { Host: `localhost:${client.port}` } });
    expect(otherPort.status).toBe(403);
    expect(localhost.status).toBe(200);
    expect(await statusOf('api', { Host: `localhost:${client.port + 1}` })).toBe(403);
    expect(await statusOf('api', { Host: `localhost:${client.port}` })).toBe(200);
  });

  it.each(['https://evil.example', 'null', 'http://127.0.0.1:1', 'http://localhost:1'])(
    'refuses a POST and the event stream from Origin %s even with the token',
    async (origin) => {
      const res = await harness.client.request('/api/app:info', {
        method: 'POST',
        headers: { ...json, Origin: origin },
        body: '{}',
      });
      expect(res.status).toBe(403);
      expect(res.body).toMatch(/other sites/);
      expect(await statusOf('events', { Origin: origin })).toBe(403);
    },
  );

  it('refuses another port of 127.0.0.1 before asking for the token', async () => {
    const res = await harness.client.request('/api/events', {
      auth: false,
      headers: { Origin: 'http://127.0.0.1:1' },
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatch(/other sites/);
  });

  it.each(['same-site', 'cross-site', 'SAME-SITE'])(
    'refuses Sec-Fetch-Site: %s (a page of another origin) on the API and the events',
    async (site) => {
      expect(await statusOf('api', { 'Sec-Fetch-Site': site })).toBe(403);
      expect(await statusOf('events', { 'Sec-Fetch-Site': site })).toBe(403);
    },
  );

  it('accepts its own origin, by either loopback name, and same-origin fetches', async () => {
    const { client } = harness;
    for (const origin of [client.origin, `http://localhost:${client.port}`]) {
      expect(await statusOf('api', { Origin: origin })).toBe(200);
      expect(await statusOf('events', { Origin: origin })).toBe(200);
    }
    const sameOrigin = { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'cors' };
    expect(await statusOf('api', { ...sameOrigin, Origin: client.origin })).toBe(200);
    expect(await statusOf('events', sameOrigin)).toBe(200);
  });

  it('accepts a tool with the token and no Origin or Sec-Fetch-Site (curl, scripts)', async () => {
    expect(await statusOf('api', {})).toBe(200);
    expect(await statusOf('events', {})).toBe(200);
  });

  it('serves the page to a navigation from elsewhere (it holds no data), never the API', async () => {
    const navigation = { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' };
    const page = await harness.client.request('/', { auth: false, headers: navigation });
    expect(page.status).toBe(200);
    expect(await statusOf('api', navigation)).toBe(403);
  });
});

describe('request bodies and paths', () => {
  const post = (path: string, body: string, headers: Record<string, string> = json) =>
    harness.client.request(path, { method: 'POST', headers, body });

  it('answers 400 with a BAD_REQUEST envelope for a body that is not JSON', async () => {
    const res = await post('/api/app:info', '{not json');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' },
    });
  });

  it('answers 415 for a body that is not declared JSON (what a cross-site form can send)', async () => {
    const res = await post('/api/app:info', '{}', { 'Content-Type': 'text/plain' });
    expect(res.status).toBe(415);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('answers 404 with a NOT_FOUND envelope for an unknown channel', async () => {
    const res = await post('/api/jobs:explode', '{}');
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers 405 for the wrong method', async () => {
    const get = await harness.client.request('/api/jobs:list');
    const post = await harness.client.request('/api/events', {
      method: 'POST',
      headers: json,
      body: '{}',
    });
    const put = await harness.client.request('/', { method: 'PUT' });
    expect([get.status, post.status, put.status]).toEqual([405, 405, 405]);
    expect(get.headers.allow).toBe('POST');
  });
});

describe('security headers', () => {
  it.each([
    ['a page', 'GET', '/', true],
    ['an API answer', 'POST', '/api/app:info', true],
    ['a refusal', 'GET', '/', false],
  ])('are on %s', async (_what, method, path, auth) => {
    const res = await harness.client.request(path, {
      method,
      auth,
      headers: method === 'POST' ? json : {},
      body: method === 'POST' ? '{}' : undefined,
    });
    expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('the CSP allows nothing but the page itself, and no inline script or style', () => {
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).toContain("connect-src 'self'");
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy).not.toContain('unsafe-inline');
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
  });
});

describe('the body limit', () => {
  it('refuses a body over the limit with 413 and an envelope, after reading it', async () => {
    const small = await startHostHarness({ host: { bodyLimitBytes: 1024 } });
    try {
      const prompt = 'x'.repeat(4096);
      const res = await small.client.request('/api/jobs:submit', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ jobs: [{ prompt, model: 'gpt-5-pro' }] }),
      });
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      // The connection is still good for the next request.
      const next = await small.client.call('app:info', {});
      expect(next.ok).toBe(true);
    } finally {
      await small.cleanUp();
    }
  });
});
