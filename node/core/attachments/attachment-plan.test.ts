// The plan of a job's attachments: inline in order while the inline total stays within 50 MB (the
// API's limit per request), every one that would pass it uploaded, the same file uploaded once.
import { describe, expect, it } from 'vitest';
import type { JobAttachment } from '../../../shared/job-attachments.js';
import { maxAttachmentsPerJob, maxInlineBytesPerRequest } from './attachment-limits.js';
import { attachmentsToUpload, planAttachments } from './attachment-plan.js';

const mb = 1024 * 1024;
const file = (name: string, size: number, sha = name.padEnd(64, '0')): JobAttachment => ({
  sha256: sha,
  name,
  mediaType: 'application/pdf',
  size,
  kind: 'file',
});
const routes = (list: JobAttachment[]) =>
  planAttachments(list).map(({ attachment, route }) => `${attachment.name}:${route}`);

describe('planAttachments', () => {
  it('sends three 20 MB files as two inline and one upload', () => {
    expect(routes([file('a', 20 * mb), file('b', 20 * mb), file('c', 20 * mb)])).toEqual([
      'a:inline',
      'b:inline',
      'c:upload',
    ]);
  });

  it('fills the inline limit exactly, and uploads one byte more', () => {
    expect(maxInlineBytesPerRequest).toBe(50 * mb);
    expect(routes([file('a', 30 * mb), file('b', 20 * mb)])).toEqual(['a:inline', 'b:inline']);
    expect(routes([file('a', 30 * mb), file('b', 20 * mb + 1)])).toEqual(['a:inline', 'b:upload']);
  });

  it('keeps the order, and sends a later small file inline once a large one was uploaded', () => {
    expect(routes([file('a', 40 * mb), file('b', 20 * mb), file('c', 10 * mb)])).toEqual([
      'a:inline',
      'b:upload',
      'c:inline',
    ]);
  });

  it('takes 20 files of 50 MB each: the first inline, 19 uploads', () => {
    const list = Array.from({ length: maxAttachmentsPerJob }, (_, i) => file(`f${i}`, 50 * mb));
    const planned = planAttachments(list);
    expect(planned.filter((p) => p.route === 'inline').map((p) => p.attachment.name)).toEqual([
      'f0',
    ]);
    expect(planned.filter((p) => p.route === 'upload')).toHaveLength(19);
  });

  it('is all inline for small files, and nothing for none', () => {
    expect(routes([file('a', 1), file('b', 2)])).toEqual(['a:inline', 'b:inline']);
    expect(planAttachments([])).toEqual([]);
  });
});

describe('attachmentsToUpload', () => {
  it('lists each file the plan uploads once, even when attached twice', () => {
    const big = file('big', 45 * mb);
    const copy = { ...big, name: 'copy-of-big' };
    const other = file('other', 30 * mb);
    expect(attachmentsToUpload([big, copy, other, copy]).map((a) => a.name)).toEqual([
      'copy-of-big',
      'other',
    ]);
    expect(attachmentsToUpload([file('a', mb)])).toEqual([]);
  });
});
