// Files and images as a person attaches them: a 5 MB PDF and a PNG dropped on the composer are
// stored, sent as input_file / input_image parts, and shown with the job (the PNG as a
// thumbnail) after a restart with the server gone; `mull check` verifies both by sha256. An
// empty file, a renamed binary and an oversized file are each refused with a sentence.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/app.js';
import { badgeOf } from './support/board-ui.js';

const mullBin = fileURLToPath(new URL('../bin/mull.mjs', import.meta.url));
const mib = 1024 * 1024;
/** A real 1x1 PNG. */
const pngBase64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const pdfHeader = '%PDF-1.7\n';

/** The PDF the page builds: the header, then zeros up to `size` bytes. */
function pdfBytes(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  bytes.write(pdfHeader, 'latin1');
  return bytes;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Drops the files onto `target` the way a drag from the desktop does (a DataTransfer of Files). */
async function dropFiles(page: Page, target: Locator, pdfSize: number) {
  // In the page (a string: e2e code is compiled without the DOM's types).
  const dataTransfer = await page.evaluateHandle(`(() => {
    const transfer = new DataTransfer();
    const pdf = new Uint8Array(${pdfSize});
    pdf.set(new TextEncoder().encode(${JSON.stringify(pdfHeader)}));
    transfer.items.add(new File([pdf], 'paper.pdf', { type: 'application/pdf' }));
    const image = Uint8Array.from(atob('${pngBase64}'), (c) => c.charCodeAt(0));
    transfer.items.add(new File([image], 'plot.png', { type: 'image/png' }));
    return transfer;
  })()`);
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

test('a PDF and a PNG dropped on the composer go with the job and stay after a restart', async ({
  page,
  emulator,
  dataDir,
  restartHost,
}) => {
  const pdf = pdfBytes(5 * mib);
  const png = Buffer.from(pngBase64, 'base64');
  await page.keyboard.press('n');
  const composer = page.getByRole('form', { name: 'New job' });
  await composer.getByLabel('Prompt', { exact: true }).fill('Summarise the paper and the plot');
  await dropFiles(page, composer, pdf.length);
  const attached = composer.getByRole('list', { name: 'Attached files' });
  await expect(attached.getByRole('listitem')).toHaveText([
    /paper\.pdf\s*5\.0 MB/u,
    new RegExp(`plot\\.png\\s*${png.length} bytes`, 'u'),
  ]);
  await composer.getByRole('button', { name: 'Submit' }).click();

  const view = page.getByRole('article', { name: 'Summarise the paper and the plot' });
  await expect(badgeOf(view)).toHaveText('Completed', { timeout: 20_000 });
  const [create] = await emulator.control.requests({ kind: 'create' });
  const input = (create?.body as { input: { content: Record<string, string>[] }[] }).input;
  const parts = input[0]?.content ?? [];
  expect(parts.map((part) => part.type)).toEqual(['input_text', 'input_file', 'input_image']);
  expect(parts[1]).toMatchObject({ filename: 'paper.pdf' });
  expect(parts[1]?.file_data).toBe(`data:application/pdf;base64,${pdf.toString('base64')}`);
  expect(parts[2]?.image_url).toBe(`data:image/png;base64,${pngBase64}`);

  // The store holds the very bytes, by their sha256.
  for (const bytes of [pdf, png]) {
    expect(sha256(readFileSync(join(dataDir, 'attachments', sha256(bytes))))).toBe(sha256(bytes));
  }

  // Mull restarts and the server is gone: the job still shows both, the PNG as a thumbnail.
  await emulator.close();
  await restartHost();
  await page.reload();
  const files = page.getByRole('list', { name: 'Files and images' });
  await expect(files.getByRole('listitem')).toHaveText([
    /paper\.pdf\s*5\.0 MB/u,
    new RegExp(`plot\\.png\\s*${png.length} bytes`, 'u'),
  ]);
  const thumbnail = files.getByRole('img', { name: 'plot.png' });
  await expect(thumbnail).toBeVisible();
  // Decoded from the stored bytes: a 1x1 image, not a broken one.
  await expect(thumbnail).toHaveJSProperty('naturalWidth', 1);

  // The integrity check reads both back and finds them sound.
  const check = spawnSync(process.execPath, [mullBin, '--data-dir', dataDir, 'check', '--json'], {
    encoding: 'utf8',
  });
  expect(check.status).toBe(0);
  expect(JSON.parse(check.stdout)).toMatchObject({
    database: 'ok',
    attachments: { checked: 2, files: 2, bytes: pdf.length + png.length, problems: [] },
  });
});

test('an empty file, a renamed binary and an oversized file are each refused with a sentence', async ({
  page,
  emulator,
}, testInfo) => {
  // Playwright takes buffers only up to 50 MB, and not beside paths: all three go as files.
  const file = (name: string, bytes: Buffer) => {
    const path = testInfo.outputPath(name);
    writeFileSync(path, bytes);
    return path;
  };
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(500)]);
  const files = [
    file('empty.txt', Buffer.alloc(0)),
    file('report.pdf', elf),
    file('huge.pdf', pdfBytes(51 * mib)),
  ];
  await page.keyboard.press('n');
  const composer = page.getByRole('form', { name: 'New job' });
  await composer.getByLabel('Attach files').setInputFiles(files);
  const attached = composer.getByRole('list', { name: 'Attached files' });
  await expect(attached.getByRole('alert')).toHaveText(
    [
      '"empty.txt" is empty.',
      '"report.pdf" is named as application/pdf but its content is not.',
      /^"huge\.pdf" is 51\.0 MB; the most Mull sends is 50 MB\.$/u,
    ],
    { timeout: 20_000 },
  );
  // Nothing refused goes with the job.
  await composer.getByLabel('Prompt', { exact: true }).fill('No files here');
  await composer.getByRole('button', { name: 'Submit' }).click();
  await expect(badgeOf(page.getByRole('article', { name: 'No files here' }))).toHaveText(
    'Completed',
    { timeout: 20_000 },
  );
  const [create] = await emulator.control.requests({ kind: 'create' });
  expect((create?.body as { input: unknown }).input).toBe('No files here');
});
