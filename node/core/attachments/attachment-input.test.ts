import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { attachmentInput } from './attachment-input.js';
import { AttachmentStore } from './attachment-store.js';

const dataDir = mkdtempSync(join(tmpdir(), 'mull-attach-input-'));
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

it('sends the prompt, a file as input_file and an image as input_image data URL', () => {
  const store = new AttachmentStore(dataDir);
  const pdf = store.add('a.pdf', Buffer.from('%PDF-1.4\n'));
  const png = store.add('b.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(attachmentInput('Summarize.', [pdf, png], store.read)).toEqual([
    {
      role: 'user',
      content: [
        { type: 'input_text', text: 'Summarize.' },
        {
          type: 'input_file',
          filename: 'a.pdf',
          file_data: `data:application/pdf;base64,${Buffer.from('%PDF-1.4\n').toString('base64')}`,
        },
        { type: 'input_image', image_url: 'data:image/png;base64,iVBORw0KGgo=' },
      ],
    },
  ]);
});

it('names the attachments the plan uploads by file_id, in the order attached', () => {
  const mb = 1024 * 1024;
  const entry = (name: string, kind: 'file' | 'image', size: number) => ({
    sha256: name.repeat(64),
    name: `${name}.${kind === 'image' ? 'png' : 'pdf'}`,
    mediaType: kind === 'image' ? 'image/png' : 'application/pdf',
    size,
    kind,
  });
  // Sizes as listed with the job; the bytes read for the inline one are a stand-in.
  const inline = entry('a', 'file', 40 * mb);
  const image = entry('b', 'image', 20 * mb);
  const file = entry('c', 'file', 20 * mb);
  const fileIds = new Map([
    [image.sha256, 'file-image'],
    [file.sha256, 'file-pdf'],
  ]);
  const [message] = attachmentInput(
    'Compare.',
    [inline, image, file],
    () => Buffer.from('%PDF-'),
    fileIds,
  );
  expect(message?.content).toEqual([
    { type: 'input_text', text: 'Compare.' },
    { type: 'input_file', filename: 'a.pdf', file_data: 'data:application/pdf;base64,JVBERi0=' },
    { type: 'input_image', file_id: 'file-image', detail: 'auto' },
    { type: 'input_file', file_id: 'file-pdf' },
  ]);
  expect(() => attachmentInput('Compare.', [inline, file], () => Buffer.from('%PDF-'))).toThrow(
    '"c.pdf" was not uploaded.',
  );
});
