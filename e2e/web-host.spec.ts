// Smoke test of the web host in a real browser: the page opens with the token, the token leaves
// the address bar, and the page is either the renderer or the "not built" placeholder.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app.js';

test('opens the page authenticated, with the token gone from the address', async ({
  page,
  host,
}) => {
  expect(new URL(page.url()).search).toBe('');
  expect(page.url()).toBe(`${host.origin}/`);
  await expect(page).toHaveTitle(/Mull/);
  await expect(page.locator('main, #root').first()).toBeVisible();
});

test('answers the contract from the page through an HttpOnly session cookie', async ({
  page,
  host,
}) => {
  const envelope = await page.evaluate(async () => {
    const res = await fetch('/api/app:info', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    return res.json();
  });
  expect(envelope).toMatchObject({ ok: true, value: { mode: 'web', driving: true } });
  const cookies = await page.context().cookies(host.origin);
  expect(cookies).toEqual([
    expect.objectContaining({ httpOnly: true, sameSite: 'Strict', path: '/' }),
  ]);
});

test('a second browser context without the token is refused', async ({ browser, host }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(`${host.origin}/`);
  expect(response?.status()).toBe(403);
  await context.close();
});

/** app:info as the page itself asks for it (with its session cookie). */
function appInfoFromPage(page: Page) {
  return page.evaluate(async () => {
    const res = await fetch('/api/app:info', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    return res.json();
  });
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
