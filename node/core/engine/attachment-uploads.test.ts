// Attachments past the inline limit go through the Files API first, over real sockets to the
// emulator with a real SQLite file: three 20 MB PDFs are two inline parts and one upload named by
// file_id; a failed upload (HTTP 500) leaves the job pending and is tried again before any create
// goes out; an upload is remembered, so a second job and a retry with the same file name the same
// id (and forgotten when the server no longer knows that id); an upload refused for good (HTTP 400) fails the job with a sentence naming the file, no
// create sent.
import { describe, expect, it } from 'vitest';
import type { LoggedRequest } from '../../emulator/index.js';
import type { Job } from '../../../shared/job.js';
import type { JobAttachment } from '../../../shared/job-attachments.js';
import { pdfOf } from '../attachments/test-support/sample-files.js';
import { storeOf } from './job-manager.js';
import { testProviderId, useHarness } from './test-support/engine-harness.js';

const h = useHarness();

const mb = 1024 * 1024;

/** Three 20 MB PDFs, a.pdf b.pdf c.pdf: 60 MB together, 10 MB past the inline limit. */
function threePdfs(): JobAttachment[] {
  return ['a', 'b', 'c'].map((name, i) =>
    h.manager.attachments.add(`${name}.pdf`, pdfOf(20 * mb, i)),
  );
}

function submit(attachments: JobAttachment[]): Job {
  const [job] = h.manager.submit([
    {
      prompt: 'Compare the three reports',
      model: 'gpt-5',
      providerId: testProviderId,
      attachments,
    },
  ]);
  if (!job) throw new Error('not stored');
  return job;
}

interface Part {
  type: string;
  text?: string;
  filename?: string;
  file_data?: string;
  file_id?: string;
}

/** The content parts of a logged create's one user message. */
function partsOf(create: LoggedRequest | undefined): Part[] {
  const input = (create?.body as { input: Array<{ content: Part[] }> } | undefined)?.input;
  return input?.[0]?.content ?? [];
}

// In-process access to the emulator's log: the creates carry about 56 MB of JSON each.
const logged = (kind?: 'upload' | 'create') =>
  h.emulator.state.log.list(kind === undefined ? {} : { kind });
const done = (job: Job) => job.status === 'completed';

describe('attachments past the inline limit', { timeout: 120_000 }, () => {
  it('sends three 20 MB PDFs as two inline parts and one uploaded file, upload first', async () => {
    const [a, b, c] = threePdfs() as [JobAttachment, JobAttachment, JobAttachment];
    const job = submit([a, b, c]);
    const finished = await h.waitFor(job.id, (j) => done(j) || j.status === 'failed');
    expect(finished.status, finished.error?.message).toBe('completed');

    const requests = logged().filter((r) => r.kind === 'upload' || r.kind === 'create');
    expect(requests.map((r) => [r.kind, r.status])).toEqual([
      ['upload', 200],
      ['create', 200],
    ]);
    const [upload, create] = requests;
    expect(upload?.upload).toMatchObject({
      filename: 'c.pdf',
      purpose: 'user_data',
      bytes: 20 * mb,
      contentType: 'application/pdf',
      sha256: c.sha256,
    });
    const fileId = upload?.upload?.fileId;
    expect(fileId).toMatch(/^file-/u);
    const parts = partsOf(create);
    expect(parts.map((p) => p.type)).toEqual([
      'input_text',
      'input_file',
      'input_file',
      'input_file',
    ]);
    expect(parts.filter((p) => p.file_data !== undefined).map((p) => p.filename)).toEqual([
      'a.pdf',
      'b.pdf',
    ]);
    expect(parts[1]?.file_data?.startsWith('data:application/pdf;base64,JVBERi0')).toBe(true);
    expect(parts[3]).toEqual({ type: 'input_file', file_id: fileId });
    expect(storeOf(h.manager).uploadedFileId(testProviderId, c.sha256)).toBe(fileId);
  });

  it('keeps the job pending after an upload fails with HTTP 500, then uploads once and creates once', async () => {
    await h.emulator.control.addFault({ status: 500, on: ['upload'] });
    const job = submit(threePdfs());
    // The job's statuses until it first went into the create window, and what the server had
    // seen of the uploads by then.
    const statusesBefore: string[] = [];
    let uploadsWhenSubmitting: number[] | undefined;
    const unsubscribe = h.manager.onChange(({ job: changed }) => {
      if (changed.id !== job.id || uploadsWhenSubmitting) return;
      if (changed.status === 'submitting')
        uploadsWhenSubmitting = logged('upload').map((r) => r.status);
      else statusesBefore.push(changed.status);
    });
    const finished = await h.waitFor(job.id, (j) => done(j) || j.status === 'failed');
    unsubscribe();
    expect(finished.status, finished.error?.message).toBe('completed');

    expect(uploadsWhenSubmitting).toEqual([500, 200]);
    expect(new Set(statusesBefore)).toEqual(new Set(['pending']));
    expect(logged('upload').map((r) => r.status)).toEqual([500, 200]);
    expect(logged('create').map((r) => r.status)).toEqual([200]);
    const uploaded = logged('upload')[1]?.upload?.fileId;
    expect(partsOf(logged('create')[0])[3]).toEqual({ type: 'input_file', file_id: uploaded });
    // The timeline says why it waited, as for a create the server refused for now.
    const waited = h.manager.events(job.id).filter((e) => e.kind === 'disconnected');
    expect(waited.map((e) => e.detail)).toEqual([
      expect.stringMatching(/^uploading "c\.pdf": HTTP 500: /u) as unknown,
    ]);
  });

  it('uploads a file once for a provider: another job and a retry with it name the same id', async () => {
    const attachments = threePdfs();
    const first = submit(attachments);
    await h.waitFor(first.id, done);
    const second = submit(attachments);
    await h.waitFor(second.id, done);
    const retried = h.manager.retry(first.id);
    await h.waitFor(retried.id, done);

    const uploads = logged('upload');
    expect(uploads.map((r) => r.upload?.filename)).toEqual(['c.pdf']);
    const fileId = uploads[0]?.upload?.fileId;
    expect(logged('create').map((create) => partsOf(create)[3])).toEqual([
      { type: 'input_file', file_id: fileId },
      { type: 'input_file', file_id: fileId },
      { type: 'input_file', file_id: fileId },
    ]);
  });

  it('forgets a remembered file id the server refuses, so a retry uploads the file again', async () => {
    const attachments = threePdfs();
    const first = submit(attachments);
    await h.waitFor(first.id, done);
    h.emulator.state.files.clear(); // the file deleted on the server (or the key moved projects)
    const second = submit(attachments);
    const failed = await h.waitFor(second.id, (j) => j.status === 'failed' || done(j));
    expect(failed.status).toBe('failed');
    expect(failed.error?.message).toMatch(/Invalid file id/u);
    expect(storeOf(h.manager).uploadedFileId(testProviderId, attachments[2]?.sha256 ?? '')).toBe(
      undefined,
    );
    const retried = h.manager.retry(second.id);
    await h.waitFor(retried.id, done);
    const uploads = logged('upload').map((r) => r.upload?.fileId);
    expect(uploads).toHaveLength(2);
    expect(logged('create').map((r) => [r.status, partsOf(r)[3]?.file_id])).toEqual([
      [200, uploads[0]],
      [400, uploads[0]],
      [200, uploads[1]],
    ]);
  });

  it('fails the job with a sentence naming the file when the upload is refused (HTTP 400), no create sent', async () => {
    await h.emulator.control.addFault({
      status: 400,
      on: ['upload'],
      message: 'Invalid file format.',
    });
    const job = submit(threePdfs());
    const failed = await h.waitFor(job.id, (j) => j.status === 'failed' || done(j));
    expect(failed.status).toBe('failed');
    expect(failed.error).toEqual({
      code: 'upload_refused',
      message: 'The provider refused the upload of "c.pdf" (HTTP 400): Invalid file format.',
    });
    expect(failed.submittedAt).toBeNull();
    expect(logged('upload').map((r) => r.status)).toEqual([400]);
    expect(logged('create')).toEqual([]);
  });
});
