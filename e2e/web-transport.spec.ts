// The renderer's web client (renderer/src/api/web-transport.ts) in real Chromium against the real
// web host: bundled alone into a tiny page so these tests do not depend on the UI. invoke unwraps
// envelopes and throws ContractError; `on` hears the host's events through one event stream (read
// with fetch, with the token as a Bearer header); the token comes from the address's fragment.
import { expect, test, testProviderId } from './fixtures/app.js';
import { inClientPage, serveWebClientPage } from './support/web-client-page.js';

serveWebClientPage('Mull web client');

test('invoke returns the value of a settled envelope', async ({ page }) => {
  const info = await inClientPage<{ mode: string }>(page, `return api.invoke('app:info', {});`);
  expect(info.mode).toBe('web');
});

test('invoke throws a ContractError with the code and sentence of a refusal', async ({ page }) => {
  const thrown = await inClientPage<{ name: string; code: string; message: string }>(
    page,
    `try { await api.invoke('jobs:get', { id: 'no-such-job' }); return null; }
     catch (e) { return { name: e.name, code: e.code, message: e.message }; }`,
  );
  expect(thrown).toEqual({
    name: 'ContractError',
    code: 'NOT_FOUND',
    message: "There is no job 'no-such-job'.",
  });
  const bad = await inClientPage<{ code: string }>(
    page,
    `try { await api.invoke('jobs:list', { limit: 0 }); } catch (e) { return { code: e.code }; }`,
  );
  expect(bad.code).toBe('BAD_REQUEST');
});

test.describe('events', () => {
  // Queued for a second on the server: the page's event stream (opened by the first `on`) is
  // connected long before the job changes, with no sleep in the test.
  test.use({ emulatorOptions: { config: { defaultScript: { timing: { queuedMs: 1_000 } } } } });

  test('on hears jobs:changed and jobs:terminal for a submitted job, and unsubscribes', async ({
    page,
  }) => {
    const heard = await inClientPage<{ changed: string[]; terminal: string[]; afterOff: number }>(
      page,
      `const submit = (prompt) => api.invoke('jobs:submit', {
         jobs: [{ prompt, model: 'gpt-5-pro', providerId: '${testProviderId}' }],
       });
       // Subscribed before any submit, so an ending that comes quickly is not missed.
       const endings = new Map();
       const waiting = new Map();
       api.on('jobs:terminal', ({ job }) => {
         endings.set(job.id, job.status);
         waiting.get(job.id)?.(job.status);
       });
       const ends = (id) =>
         endings.has(id)
           ? Promise.resolve(endings.get(id))
           : new Promise((resolve) => waiting.set(id, resolve));
       const changed = [];
       const offChanged = api.on('jobs:changed', ({ job }) => changed.push(job.status));
       // Events sent before the stream is connected are not replayed: wait for it first.
       await api.connected();
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

test('the token moves from the fragment to sessionStorage and leaves the address', async ({
  page,
  host,
}) => {
  const seen = await inClientPage<{ hash: string; stored: string | null }>(
    page,
    `return { hash: location.hash, stored: sessionStorage.getItem('mull.session') };`,
  );
  expect(seen).toEqual({ hash: '', stored: host.token });
});

test('without the token, invoke throws FORBIDDEN and the event stream stays shut', async ({
  page,
  host,
}) => {
  // A tab opened at the bare address: no fragment, nothing in its sessionStorage.
  await page.evaluate('sessionStorage.clear()');
  await page.goto(`${host.origin}/`);
  const thrown = await inClientPage<{ code: string; message: string }>(
    page,
    `try { await api.invoke('app:info', {}); } catch (e) { return { code: e.code, message: e.message }; }`,
  );
  expect(thrown.code).toBe('FORBIDDEN');
  expect(thrown.message).toMatch(/address it printed/);
  // A refused stream is not retried (as EventSource gives up on a 403): one request, then none.
  const streamRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/events') streamRequests.push(request.url());
  });
  await inClientPage(
    page,
    `api.on('jobs:changed', () => {}); await new Promise((r) => setTimeout(r, 3_000));`,
  );
  expect(streamRequests).toHaveLength(1);
});

test('after the event stream drops and comes back, onResync tells the page to refetch', async ({
  page,
  restartHost,
}) => {
  // One event heard first: the stream is open before the host goes away.
  await inClientPage(
    page,
    `g.resyncs = 0;
     api.onResync(() => { g.resyncs += 1; });
     const heard = new Promise((resolve) => { const off = api.on('jobs:changed', () => { off(); resolve(); }); });
     await api.invoke('jobs:submit', { jobs: [{ prompt: 'x', model: 'gpt-5-pro', providerId: '${testProviderId}' }] });
     await heard;`,
  );
  // The same port and token: the stream reconnects by itself once the host is back.
  await restartHost();
  await expect.poll(() => page.evaluate('globalThis.resyncs'), { timeout: 20_000 }).toBe(1);
});
