import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AttachmentRefused,
  AttachmentStore,
  checkAttachmentIntegrity,
  checkAttachmentList,
  describeAttachmentProblem,
  maxInlineAttachmentBytes,
  sha256Of,
} from './index.js';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const pdf = (size: number) => {
  const bytes = Buffer.alloc(size, 0x20);
  bytes.write('%PDF-1.4\n');
  return bytes;
};

let dataDir: string;
let store: AttachmentStore;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'mull-attach-'));
  store = new AttachmentStore(dataDir);
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof AttachmentRefused) return error.message;
    throw error;
  }
  throw new Error('not refused');
};

describe('attachment store', () => {
  it('stores a 5 MB PDF once, by its sha256, from its bytes', () => {
    const bytes = pdf(5 * 1024 * 1024);
    const first = store.add('report.pdf', bytes);
    const again = store.add('copy.pdf', bytes);
    expect(first).toEqual({
      sha256: sha256Of(bytes),
      name: 'report.pdf',
      mediaType: 'application/pdf',
      size: bytes.length,
      kind: 'file',
    });
    expect(again.sha256).toBe(first.sha256);
    expect(readdirSync(store.dir)).toEqual([first.sha256]); // no temp file left behind
    expect(readFileSync(store.pathOf(first.sha256)).equals(bytes)).toBe(true);
  });

  it('detects images and text from the bytes', () => {
    expect(store.add('shot.png', png)).toMatchObject({ mediaType: 'image/png', kind: 'image' });
    expect(store.add('notes.md', Buffer.from('# Hi\n'))).toMatchObject({
      mediaType: 'text/markdown',
      kind: 'file',
    });
    expect(store.add('main.rs', Buffer.from('fn main() {}\n'))).toMatchObject({ kind: 'file' });
  });

  it('refuses empty, renamed, unsupported, oversized and unreadable files with a sentence', () => {
    expect(refusal(() => store.add('empty.txt', Buffer.alloc(0)))).toBe('"empty.txt" is empty.');
    const binary = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]);
    expect(refusal(() => store.add('fake.pdf', binary))).toMatch(/named as application\/pdf/u);
    expect(refusal(() => store.add('fake.png', binary))).toMatch(/named as image\/png/u);
    expect(refusal(() => store.add('fake.txt', binary))).toMatch(/not UTF-8 text/u);
    expect(refusal(() => store.add('tool.exe', binary))).toMatch(/not a type Mull can attach/u);
    const big = join(dataDir, 'big.pdf');
    writeFileSync(big, pdf(maxInlineAttachmentBytes + 1));
    expect(refusal(() => store.addFile(big))).toMatch(/the most Mull sends is 50 MB/u);
    expect(refusal(() => store.addFile(join(dataDir, 'nope.pdf')))).toMatch(/cannot be read/u);
    expect(() => readdirSync(store.dir)).toThrow(); // nothing was stored
  });

  it('refuses too many attachments and ones not in the store, but not their total size', () => {
    const one = store.add('a.txt', Buffer.from('a'));
    expect(refusal(() => checkAttachmentList(Array(21).fill(one), store))).toMatch(/at most 20/u);
    // 20 files of 50 MB (1,000 MB): what does not fit inline is uploaded (attachment-plan.ts).
    const large = { ...one, size: maxInlineAttachmentBytes };
    expect(() => checkAttachmentList(Array(20).fill(large), store)).not.toThrow();
    const absent = { ...one, sha256: sha256Of(Buffer.from('b')), name: 'b.txt' };
    expect(refusal(() => checkAttachmentList([absent], store))).toBe(
      '"b.txt" is not in the attachment store.',
    );
    expect(() => checkAttachmentList([one], store)).not.toThrow();
  });
});

describe('attachment integrity', () => {
  it('reports an altered and a missing stored file', async () => {
    const kept = store.add('a.txt', Buffer.from('kept'));
    const altered = store.add('b.txt', Buffer.from('original'));
    const missing = store.add('c.txt', Buffer.from('gone'));
    writeFileSync(store.pathOf(altered.sha256), 'tampered');
    rmSync(store.pathOf(missing.sha256));
    const problems = await checkAttachmentIntegrity(
      [{ id: 'job-1', attachments: [kept, altered, missing] }],
      store,
    );
    expect(problems.map(describeAttachmentProblem)).toEqual([
      'Job job-1: attachment "b.txt" was altered (its sha256 no longer matches).',
      'Job job-1: attachment "c.txt" is missing from the store.',
    ]);
  });
});
