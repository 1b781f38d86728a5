// Smoke test of the web host in a real browser: the page opens with the token, the token leaves
// the address bar for the tab's sessionStorage, and the page is the renderer.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app.js';
import { callFromPage, sessionTokenKey } from './support/page-api.js';

test('opens the page authenticated, with the token gone from the address', async ({
  page,
  host,
}) => {
  expect(new URL(page.url()).search).toBe('');
  expect(page.url()).toBe(`${host.origin}/`);
  await expect(page).toHaveTitle(/Mull/);
  await expect(page.locator('main, #root').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible(); // the app, not the note
});

test('answers the contract from the page through a Bearer header, with no cookie', async ({
  page,
  host,
}) => {
  const answers = await page.evaluate<{
    stored: string | null;
    withHeader: unknown;
    without: number;
  }>(
    `(async () => {
      const stored = sessionStorage.getItem(${JSON.stringify(sessionTokenKey)});
      const post = (headers) => fetch('/api/app:info', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: '{}',
      });
      const withHeader = await (await post({ Authorization: 'Bearer ' + stored })).json();
      const without = (await post({})).status;
      return { stored, withHeader, without };
    })()`,
  );
  expect(answers.stored).toBe(host.token);
  expect(answers.withHeader).toMatchObject({ ok: true, value: { mode: 'web', driving: true } });
  expect(answers.without).toBe(403);
  expect(await page.context().cookies()).toEqual([]);
});

test('a reload keeps the session; a tab opened without the address says how to get in', async ({
  page,
  host,
}) => {
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(await appInfoFromPage(page)).toMatchObject({ ok: true });

  const second = await page.context().newPage();
  await second.goto(`${host.origin}/`);
  await expect(second.getByRole('alert')).toHaveText(/address it printed/);
  await second.goto(host.url);
  await expect(second.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(second.url()).toBe(`${host.origin}/`);
  await second.close();
});

test('a second browser context without the token is refused', async ({ browser, host }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${host.origin}/`);
  await expect(page.getByRole('alert')).toHaveText(/address it printed/);
  const status = await page.evaluate(
    `fetch('/api/app:info', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).then((r) => r.status)`,
  );
  expect(status).toBe(403);
  await context.close();
});

/** app:info as the page itself asks for it (with the token it keeps). */
function appInfoFromPage(page: Page) {
  return callFromPage(page, 'app:info', {});
}

test('the page keeps its session across a host restart', async ({ page, restartHost }) => {
  await restartHost();
  expect(await appInfoFromPage(page)).toMatchObject({ ok: true, value: { driving: true } });
});

test('a host in a child process takes over the data directory and dies by SIGKILL', async ({
  page,
  host,
  spawnHost,
}) => {
  const child = await spawnHost();
  expect(child.origin).toBe(host.origin);
  expect(await appInfoFromPage(page)).toMatchObject({ ok: true, value: { version: 'e2e' } });
  expect(await child.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
  await host.start(); // the driver lock of the killed process is free again
  expect(await appInfoFromPage(page)).toMatchObject({ ok: true, value: { driving: true } });
});
