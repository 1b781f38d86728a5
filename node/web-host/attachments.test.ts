// Attachments over the web host, over real HTTP into a real data directory: a file goes as the raw
// body of `POST /api/attachments?name=...` (never base64 in the JSON contract, whose body limit is
// 8 MB) and lands in `<dataDir>/attachments/<sha256>`; `GET /api/attachments/<sha256>` gives the
// same bytes back. Both need the token like every /api route; a refusal is the store's sentence.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settled } from '../../shared/ipc/envelope.js';
import type { Job } from '../../shared/job.js';
import type { JobAttachment } from '../../shared/job-attachments.js';
import { uploadLimitBytes } from '../backend/attachment-upload.js';
import { maxInlineAttachmentBytes } from '../core/attachments/index.js';
import type { RequestOptions } from './test-support/host-client.js';
import { startHostHarness, testProviderId, type HostHarness } from './test-support/host-harness.js';

let harness: HostHarness;

beforeAll(async () => {
  harness = await startHostHarness();
});
afterAll(async () => {
  await harness.cleanUp();
});

const mb = 1024 * 1024;
const octets = { 'Content-Type': 'application/octet-stream' };
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A PDF of `size` bytes: the magic number, then spaces (the store reads only the start). */
function pdf(size: number, fill = 0x20): Buffer {
  const bytes = Buffer.alloc(size, fill);
  bytes.write('%PDF-1.7\n');
  return bytes;
}

/** A real 1x1 PNG. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function upload(name: string, body: Buffer, options: RequestOptions = {}) {
  return harness.client.request(`/api/attachments?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    body,
    ...options,
    headers: { ...octets, ...options.headers },
  });
}

async function uploaded(name: string, body: Buffer): Promise<Settled<JobAttachment>> {
  const res = await upload(name, body);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  return JSON.parse(res.body) as Settled<JobAttachment>;
}

const storedFiles = () => {
  const dir = join(harness.dataDir, 'attachments');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
};

describe('POST /api/attachments', () => {
  it('stores a 5 MB PDF and a PNG by their sha256 and answers their attachments', async () => {
    const report = pdf(5 * mb);
    expect(await uploaded('report.pdf', report)).toEqual({
      ok: true,
      value: {
        sha256: sha256Of(report),
        name: 'report.pdf',
        mediaType: 'application/pdf',
        size: 5 * mb,
        kind: 'file',
      },
    });
    expect(await uploaded('dot.png', png)).toEqual({
      ok: true,
      value: {
        sha256: sha256Of(png),
        name: 'dot.png',
        mediaType: 'image/png',
        size: png.length,
        kind: 'image',
      },
    });
    const dir = join(harness.dataDir, 'attachments');
    expect(readFileSync(join(dir, sha256Of(report))).equals(report)).toBe(true);
    expect(readFileSync(join(dir, sha256Of(png))).equals(png)).toBe(true);
    expect(storedFiles()).toEqual([sha256Of(report), sha256Of(png)].sort()); // no temp files
  });

  it('gives jobs:submit an attachment it takes as it is', async () => {
    const notes = Buffer.from('# Notes\n\nThe egg came first.\n');
    const stored = await uploaded('notes.md', notes);
    if (!stored.ok) throw new Error(stored.error.message);
    const submitted = await harness.client.call('jobs:submit', {
      jobs: [
        {
          prompt: 'Summarize the notes.',
          model: 'gpt-5-pro',
          providerId: testProviderId,
          attachments: [stored.value],
        },
      ],
    });
    if (!submitted.ok) throw new Error(submitted.error.message);
    const [job] = (submitted.value as { jobs: Job[] }).jobs;
    expect(job?.attachments).toEqual([stored.value]);
  });

  it('refuses an upload without the token or from another page with 403, storing nothing', async () => {
    const before = storedFiles();
    const secret = pdf(5 * mb, 0x41);
    const noToken = await upload('no-token.pdf', secret, { auth: false });
    expect(noToken.status).toBe(403);
    expect(noToken.body).toMatch(/address it printed/u);
    const otherSite = await upload('other-site.pdf', secret, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(otherSite.status).toBe(403);
    expect(storedFiles()).toEqual(before);
    // The refusals are logged by path only: never the query with the file's name.
    const log = readFileSync(harness.logFile, 'utf8');
    expect(log).toMatch(/refused POST \/api\/attachments:/u);
    expect(log).not.toMatch(/no-token|other-site/u);
  });

  it('refuses a PNG named .pdf, an empty file and files over the limit, with the store sentence', async () => {
    const before = storedFiles();
    expect(await uploaded('x.pdf', png)).toEqual({
      ok: false,
      error: {
        code: 'REFUSED',
        message: '"x.pdf" is named as application/pdf but its content is image/png.',
      },
    });
    expect(await uploaded('empty.txt', Buffer.alloc(0))).toEqual({
      ok: false,
      error: { code: 'REFUSED', message: '"empty.txt" is empty.' },
    });
    // Just over 50 MB: read whole, refused by the store with its size.
    expect(await uploaded('big.pdf', pdf(maxInlineAttachmentBytes + 1))).toEqual({
      ok: false,
      error: { code: 'REFUSED', message: '"big.pdf" is 50.0 MB; the most Mull sends is 50 MB.' },
    });
    // Past the upload limit: never held in memory, refused with the same sentence as a 413.
    const huge = await upload('huge.pdf', pdf(uploadLimitBytes + mb));
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toEqual({
      ok: false,
      error: { code: 'REFUSED', message: '"huge.pdf" is 52.0 MB; the most Mull sends is 50 MB.' },
    });
    expect(storedFiles()).toEqual(before);
  }, 60_000);

  it('refuses a body that is not octets, or one without a name', async () => {
    const json = await upload('a.png', png, { headers: { 'Content-Type': 'application/json' } });
    expect(json.status).toBe(415);
    expect(JSON.parse(json.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const form = await upload('a.png', png, {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    const nameless = await harness.client.request('/api/attachments', {
      method: 'POST',
      headers: octets,
      body: png,
    });
    expect(nameless.status).toBe(400);
    expect(JSON.parse(nameless.body)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/name is missing/u) as unknown },
    });
    const get = await harness.client.request('/api/attachments');
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
  });
});

describe('GET /api/attachments/<sha256>', () => {
  it('answers the stored bytes with their type: an image inline, anything else as a download', async () => {
    const report = pdf(5 * mb);
    await uploaded('report.pdf', report);
    await uploaded('dot.png', png);

    const image = await harness.client.request(`/api/attachments/${sha256Of(png)}`);
    expect(image.status).toBe(200);
    expect(image.bytes.equals(png)).toBe(true);
    expect(image.headers).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(png.length),
      'content-disposition': 'inline',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; sandbox",
    });

    const file = await harness.client.request(`/api/attachments/${sha256Of(report)}`);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(report)).toBe(true);
    expect(file.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': 'attachment',
      'x-content-type-options': 'nosniff',
    });
  });

  it('serves stored text as plain text, as a download', async () => {
    const page = Buffer.from('<script>alert(1)</script>\n');
    await uploaded('page.html', page);
    const res = await harness.client.request(`/api/attachments/${sha256Of(page)}`);
    expect(res.bytes.equals(page)).toBe(true);
    expect(res.headers).toMatchObject({
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': 'attachment',
    });
  });

  it.each([
    ['an unknown sha256', sha256Of(Buffer.from('never stored'))],
    ['upper-case hex', sha256Of(png).toUpperCase()],
    ['a sha256 with an extension', `${sha256Of(png)}.png`],
    ['a short name', sha256Of(png).slice(1)],
    ['an encoded path', `..%2f..%2fmull.db`],
    ['a nested path', `${sha256Of(png)}/x`],
    ['nothing', ''],
  ])('answers 404 for %s', async (_what, name) => {
    await uploaded('dot.png', png);
    const res = await harness.client.request(`/api/attachments/${name}`);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'There is no such attachment.' },
    });
  });

  it('refuses a read without the token, and any method but GET', async () => {
    await uploaded('dot.png', png);
    const path = `/api/attachments/${sha256Of(png)}`;
    const noToken = await harness.client.request(path, { auth: false });
    expect(noToken.status).toBe(403);
    expect(noToken.bytes.includes(png)).toBe(false);
    const post = await harness.client.request(path, { method: 'POST', headers: octets, body: png });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET');
  });
});
