// The renderer's web client (renderer/src/api/web-transport.ts) bundled alone into a tiny page
// the fixture's web host serves, so transport specs do not depend on the UI; and a way to run code
// in that page with the client at hand.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build } from 'esbuild';
import { test } from '../fixtures/app.js';

const clientSource = fileURLToPath(
  new URL('../../renderer/src/api/web-transport.ts', import.meta.url),
);

/**
 * Call at a spec's top level: builds the page (titled `title`) before the spec's tests, serves it
 * instead of the built renderer, and deletes it after them.
 */
export function serveWebClientPage(title: string): void {
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
      `<!doctype html><title>${title}</title><script src="/client.js"></script>`,
    );
  });
  test.afterAll(() => rmSync(staticDir, { recursive: true, force: true }));
  test.use({ staticDir });
}

/**
 * Runs `body` (an async function's body) in the page with `g` (globalThis) and a client as `api`,
 * made on the first call and kept on globalThis for later ones.
 */
export function inClientPage<T>(page: Page, body: string): Promise<T> {
  return page.evaluate(
    `(async () => {
      const g = globalThis;
      g.api ??= g.mullClient.createWebApi();
      const api = g.api;
      ${body}
    })()`,
  );
}
