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
