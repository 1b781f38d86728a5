// The renderer's web client (renderer/src/api/web-transport.ts) in real Chromium against the real
// web host: bundled alone into a tiny page so these tests do not depend on the UI. invoke unwraps
// envelopes and throws ContractError; `on` hears the host's events through one EventSource.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build } from 'esbuild';
import { expect, test, testProviderId } from './fixtures/app.js';

const clientSource = fileURLToPath(
  new URL('../renderer/src/api/web-transport.ts', import.meta.url),
);
const staticDir = mkdtempSync(join(tmpdir(), 'mull-web-client-'));

test.beforeAll(async () => {
  await build({
    entryPoints: [clientSource],
    bundle: true,
    format: 'iife',
    globalName: 'mullClient',
    outfile: join(staticDir, 'client.js'),
    logLevel: 'warning',
  });
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><title>Mull web client</title><script src="/client.js"></script>',
  );
});
test.afterAll(() => rmSync(staticDir, { recursive: true, force: true }));
test.use({ staticDir });

/** Runs `body` in the page with a fresh client as `api` (set on globalThis for later calls). */
function inPage<T>(page: Page, body: string): Promise<T> {
  return page.evaluate(
    `(async () => {
      const g = globalThis;
      g.api ??= g.mullClient.createWebApi();
      const api = g.api;
      ${body}
    })()`,
  );
}

test('invoke returns the value of a settled envelope', async ({ page }) => {
  const info = await inPage<{ mode: string }>(page, `return api.invoke('app:info', {});`);
  expect(info.mode).toBe('web');
});

test('invoke throws a ContractError with the code and sentence of a refusal', async ({ page }) => {
  const thrown = await inPage<{ name: string; code: string; message: string }>(
    page,
    `try { await api.invoke('jobs:get', { id: 'no-such-job' }); return null; }
     catch (e) { return { name: e.name, code: e.code, message: e.message }; }`,
  );
  expect(thrown).toEqual({
    name: 'ContractError',
    code: 'NOT_FOUND',
    message: "There is no job 'no-such-job'.",
  });
  const bad = await inPage<{ code: string }>(
    page,
    `try { await api.invoke('jobs:list', { limit: 0 }); } catch (e) { return { code: e.code }; }`,
  );
  expect(bad.code).toBe('BAD_REQUEST');
});

test.describe('events', () => {
  // Queued for a second on the server: the page's EventSource (opened by the first `on`) is
  // connected long before the job changes, with no sleep in the test.
  test.use({ emulatorOptions: { config: { defaultScript: { timing: { queuedMs: 1_000 } } } } });

  test('on hears jobs:changed and jobs:terminal for a submitted job, and unsubscribes', async ({
    page,
  }) => {
    const heard = await inPage<{ changed: string[]; terminal: string[]; afterOff: number }>(
      page,
      `const submit = (prompt) => api.invoke('jobs:submit', {
         jobs: [{ prompt, model: 'gpt-5-pro', providerId: '${testProviderId}' }],
       });
       const ends = (id) => new Promise((resolve) => {
         const off = api.on('jobs:terminal', ({ job }) => {
           if (job.id !== id) return;
           off();
           resolve(job.status);
         });
       });
       const changed = [];
       const offChanged = api.on('jobs:changed', ({ job }) => changed.push(job.status));
       const [first] = (await submit('Hello from the page')).jobs;
       const terminal = [await ends(first.id)];
       offChanged();
       const before = changed.length;
       const [second] = (await submit('Unheard')).jobs;
       await ends(second.id);
       return { changed, terminal, afterOff: changed.length - before };`,
    );
    expect(heard.changed).toContain('completed');
    expect(heard.terminal).toEqual(['completed']);
    expect(heard.afterOff).toBe(0);
  });
});

test('without the session cookie, invoke throws FORBIDDEN', async ({ page }) => {
  await page.context().clearCookies();
  const thrown = await inPage<{ code: string; message: string }>(
    page,
    `try { await api.invoke('app:info', {}); } catch (e) { return { code: e.code, message: e.message }; }`,
  );
  expect(thrown.code).toBe('FORBIDDEN');
  expect(thrown.message).toMatch(/address it printed/);
});

test('after the event stream drops and comes back, onResync tells the page to refetch', async ({
  page,
  restartHost,
}) => {
  // One event heard first: the stream is open before the host goes away.
  await inPage(
    page,
    `g.resyncs = 0;
     api.onResync(() => { g.resyncs += 1; });
     const heard = new Promise((resolve) => { const off = api.on('jobs:changed', () => { off(); resolve(); }); });
     await api.invoke('jobs:submit', { jobs: [{ prompt: 'x', model: 'gpt-5-pro', providerId: '${testProviderId}' }] });
     await heard;`,
  );
  // The same port and token: EventSource reconnects by itself once the host is back.
  await restartHost();
  await expect.poll(() => page.evaluate('globalThis.resyncs'), { timeout: 20_000 }).toBe(1);
});
