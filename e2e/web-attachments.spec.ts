// Attachments through the renderer's web client (renderer/src/api/web-transport.ts) in real
// Chromium against the real web host, under the page's real Content-Security-Policy: a File is
// stored (a 5 MB PDF, a PNG), a refusal rejects with its sentence, and the PNG's bytes read back
// show as a thumbnail through a blob: URL without any CSP violation.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app.js';
import { inClientPage, serveWebClientPage } from './support/web-client-page.js';

/** A real 1x1 PNG. */
const pngBase64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

serveWebClientPage('Mull attachments');

/** Runs `body` in the page with a client as `api`, a PNG File maker and CSP violations. */
function inPage<T>(page: Page, body: string): Promise<T> {
  return inClientPage(
    page,
    `if (!g.violations) {
      g.violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        g.violations.push(e.violatedDirective + ' ' + e.blockedURI));
    }
    const png = (name) =>
      new File([Uint8Array.from(atob('${pngBase64}'), (c) => c.charCodeAt(0))], name);
    ${body}`,
  );
}

test('a 5 MB PDF and a PNG are stored from Files, in the data directory', async ({
  page,
  dataDir,
}) => {
  const stored = await inPage<{ sha256: string; mediaType: string; size: number }[]>(
    page,
    `const pdf = new Uint8Array(5 * 1024 * 1024).fill(0x20);
     pdf.set(new TextEncoder().encode('%PDF-1.7\\n'));
     return [
       await api.storeAttachment(new File([pdf], 'report.pdf')),
       await api.storeAttachment(png('dot.png')),
     ];`,
  );
  expect(stored.map(({ mediaType, size }) => ({ mediaType, size }))).toEqual([
    { mediaType: 'application/pdf', size: 5 * 1024 * 1024 },
    { mediaType: 'image/png', size: Buffer.from(pngBase64, 'base64').length },
  ]);
  for (const { sha256 } of stored) {
    const bytes = readFileSync(join(dataDir, 'attachments', sha256));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
  }
});

test('a refused file rejects with a REFUSED ContractError and the store sentence', async ({
  page,
}) => {
  const thrown = await inPage<{ name: string; code: string; message: string }>(
    page,
    `try { await api.storeAttachment(png('x.pdf')); return null; }
     catch (e) { return { name: e.name, code: e.code, message: e.message }; }`,
  );
  expect(thrown).toEqual({
    name: 'ContractError',
    code: 'REFUSED',
    message: '"x.pdf" is named as application/pdf but its content is image/png.',
  });
});

test('a stored image shows as a thumbnail through a blob: URL, within the CSP', async ({
  page,
}) => {
  const shown = await inPage<{ type: string; width: number; violations: string[] }>(
    page,
    `const { sha256 } = await api.storeAttachment(png('dot.png'));
     const blob = await api.readAttachment(sha256);
     const img = document.createElement('img');
     const loaded = new Promise((resolve, reject) => { img.onload = resolve; img.onerror = reject; });
     img.src = URL.createObjectURL(blob);
     document.body.append(img);
     await loaded;
     return { type: blob.type, width: img.naturalWidth, violations: g.violations };`,
  );
  expect(shown).toEqual({ type: 'image/png', width: 1, violations: [] });
  const missing = await inPage<{ code: string }>(
    page,
    `try { await api.readAttachment('${'0'.repeat(64)}'); } catch (e) { return { code: e.code }; }`,
  );
  expect(missing.code).toBe('NOT_FOUND');
});
