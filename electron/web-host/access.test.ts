// Who gets in: the token (cookie after the first open, or a Bearer header), a loopback Host, no
// foreign Origin on a POST. And what every answer carries: the CSP and the other security headers.
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

describe('without the token', () => {
  it.each([
    ['the API', 'POST', '/api/app:info'],
    ['the event stream', 'GET', '/api/events'],
    ['the page', 'GET', '/'],
    ['any other path', 'GET', '/assets/index.js'],
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

  it('refuses a wrong token, in a header or a cookie', async () => {
    const { client } = harness;
    const wrong = `${client.token.slice(0, -1)}${client.token.endsWith('A') ? 'B' : 'A'}`;
    const byHeader = await client.request('/', {
      auth: false,
      headers: { Authorization: `Bearer ${wrong}` },
    });
    const byCookie = await client.request('/', {
      auth: false,
      headers: { Cookie: `mull_session_${client.port}=${wrong}` },
    });
    expect([byHeader.status, byCookie.status]).toEqual([403, 403]);
  });

  it('does not trade a wrong token for a cookie', async () => {
    const res = await harness.client.request('/?token=not-the-token', { auth: false });
    expect(res.status).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('the first open', () => {
  it('sets an HttpOnly, SameSite=Strict cookie and redirects to / (the token leaves the address)', async () => {
    const { client } = harness;
    const res = await client.request(`/?token=${client.token}`, { auth: false });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(res.headers['set-cookie']).toEqual([
      `mull_session_${client.port}=${client.token}; HttpOnly; SameSite=Strict; Path=/`,
    ]);
  });

  it('the cookie alone then opens the page, the API and the event stream', async () => {
    const { client } = harness;
    const first = await client.request(`/?token=${client.token}`, { auth: false });
    const cookie = (first.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    const page = await client.request('/', { auth: false, headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('npm run build'); // no renderer built in this harness
    const api = await client.request('/api/app:info', {
      method: 'POST',
      auth: false,
      headers: { ...json, Cookie: `other=1; ${cookie}` },
      body: '{}',
    });
    expect(JSON.parse(api.body)).toMatchObject({ ok: true, value: { mode: 'web' } });
  });
});

describe('DNS rebinding and cross-site requests', () => {
  it.each(['evil.example', 'evil.example:80', '127.0.0.2'])(
    'refuses Host %s even with the token',
    async (host) => {
      const res = await harness.client.request('/', { headers: { Host: host } });
      expect(res.status).toBe(403);
      expect(res.body).toMatch(/127\.0\.0\.1 or localhost/);
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
  });

  it.each(['https://evil.example', 'null', 'http://127.0.0.1:1'])(
    'refuses a POST from Origin %s even with the token',
    async (origin) => {
      const res = await harness.client.request('/api/app:info', {
        method: 'POST',
        headers: { ...json, Origin: origin },
        body: '{}',
      });
      expect(res.status).toBe(403);
      expect(res.body).toMatch(/other sites/);
    },
  );

  it('accepts a POST from its own origin, by either loopback name', async () => {
    const { client } = harness;
    for (const origin of [client.origin, `http://localhost:${client.port}`]) {
      const res = await client.request('/api/app:info', {
        method: 'POST',
        headers: { ...json, Origin: origin },
        body: '{}',
      });
      expect(res.status).toBe(200);
    }
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
