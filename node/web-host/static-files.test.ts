// The built renderer as the browser gets it: index.html for the app's routes, assets with their
// types, nothing outside the folder, and the security headers on every file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security/csp.js';
import { startWebHost, type WebHost } from './web-host.js';
import { startHostHarness, type HostHarness } from './test-support/host-harness.js';
import { HostClient } from './test-support/host-client.js';

let harness: HostHarness;
let host: WebHost;
let client: HostClient;

beforeAll(async () => {
  harness = await startHostHarness();
  const staticDir = join(harness.root, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><title>Mull</title><script type="module" src="/assets/app.js"></script>',
  );
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("mull");');
  writeFileSync(join(staticDir, '.env'), 'SECRET=1');
  writeFileSync(join(harness.root, 'outside.txt'), 'outside');
  host = await startWebHost({ backend: harness.backend, staticDir, log: () => undefined });
  client = new HostClient(host.origin, host.token);
});

afterAll(async () => {
  await host.close();
  await harness.cleanUp();
});

describe('the built renderer', () => {
  it('serves index.html at / with the CSP', async () => {
    const res = await client.request('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html;charset=utf-8');
    expect(res.body).toContain('<title>Mull</title>');
    expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it("serves index.html for the app's own routes", async () => {
    const res = await client.request('/jobs/abc');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Mull</title>');
  });

  it('serves assets with their type and an ETag to revalidate', async () => {
    const res = await client.request('/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.etag).toBeTruthy();
    expect(res.headers['cache-control']).toBe('no-cache');
    const again = await client.request('/assets/app.js', {
      headers: { 'If-None-Match': res.headers.etag ?? '' },
    });
    expect(again.status).toBe(304);
  });

  it('answers 404 for a missing file, a dotfile, and anything outside the folder', async () => {
    for (const path of ['/assets/missing.js', '/.env', '/../outside.txt', '/%2e%2e/outside.txt']) {
      const res = await client.request(path);
      expect(res.body, path).not.toMatch(/outside|SECRET/);
      if (!res.body.includes('<title>Mull</title>')) expect(res.status, path).toBe(404);
    }
  });
});

describe('without a built renderer', () => {
  it('serves a page that says how to build it', async () => {
    const res = await harness.client.request('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Mull: the renderer is not built</title>');
    expect(res.body).toContain('npm run build');
    expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy);
  });
});
