// The emulator's Files API as the official SDK sees it: an upload answers a file object and is
// logged as an upload (name, purpose, size and sha256, never the bytes); a create may name it by
// file_id, and one naming an id never uploaded is a 400; request faults reach uploads; a body
// without the file or the purpose is refused as the API refuses missing parameters.
import { createHash } from 'node:crypto';
import OpenAI, { toFile, type BadRequestError } from 'openai';
import { describe, expect, it } from 'vitest';
import { emulatorPerFile } from './test-support/emulator-per-file.js';
import { testKey } from './test-support/sdk.js';

const fx = emulatorPerFile();

const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n', 'latin1'), Buffer.alloc(3 * 1024, 0x20)]);

const upload = async (bytes = pdf, name = 'report.pdf') =>
  fx.client.files.create({
    file: await toFile(bytes, name, { type: 'application/pdf' }),
    purpose: 'user_data',
  });

const createNaming = (parts: OpenAI.Responses.ResponseInputContent[]) =>
  fx.client.responses.create({
    model: 'gpt-5',
    background: true,
    store: true,
    input: [{ role: 'user', content: [{ type: 'input_text', text: 'Read these.' }, ...parts] }],
  });

describe('POST /v1/files', () => {
  it('answers a file object and logs the upload without its bytes', async () => {
    const file = await upload();
    expect(file).toEqual({
      id: expect.stringMatching(/^file-[A-Za-z0-9]{22}$/u) as unknown,
      object: 'file',
      bytes: pdf.length,
      created_at: expect.any(Number) as unknown,
      filename: 'report.pdf',
      purpose: 'user_data',
      status: 'processed',
    });
    const [logged, ...others] = await fx.emulator.control.requests({ kind: 'upload' });
    expect(others).toEqual([]);
    expect(logged).toMatchObject({
      method: 'POST',
      path: '/v1/files',
      status: 200,
      kind: 'upload',
    });
    expect(logged?.upload).toEqual({
      filename: 'report.pdf',
      purpose: 'user_data',
      bytes: pdf.length,
      contentType: 'application/pdf',
      sha256: createHash('sha256').update(pdf).digest('hex'),
      fileId: file.id,
    });
    expect(logged?.body).toBeUndefined();
    expect(await fx.emulator.control.requests({ kind: 'create' })).toEqual([]);
  });

  it('lets a create name an uploaded file or image by file_id, and refuses an unknown id with a 400', async () => {
    const file = await upload();
    const image = await upload(Buffer.from('89504e470d0a1a0a', 'hex'), 'plot.png');
    await expect(
      createNaming([
        { type: 'input_file', file_id: file.id },
        { type: 'input_image', file_id: image.id, detail: 'auto' },
      ]),
    ).resolves.toMatchObject({ status: 'queued' });

    const error: unknown = await createNaming([
      { type: 'input_file', file_id: file.id },
      { type: 'input_file', file_id: 'file-NeverUploadedHere0000' },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as BadRequestError).error).toEqual({
      message: "Invalid file id: 'file-NeverUploadedHere0000'.",
      type: 'invalid_request_error',
      param: 'input[0].content[2].file_id',
      code: 'invalid_value',
    });
    const creates = await fx.emulator.control.requests({ kind: 'create' });
    expect(creates.map((r) => r.status)).toEqual([200, 400]);
  });

  it('takes request faults armed for uploads: a 500, then a 400, then normal service', async () => {
    await fx.emulator.control.addFault({ status: 500, on: ['upload'] });
    await fx.emulator.control.addFault({
      status: 400,
      on: ['upload'],
      message: 'Invalid file format.',
    });
    await expect(upload()).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    const refused: unknown = await upload().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
    expect((refused as Error).message).toContain('Invalid file format.');
    await expect(upload()).resolves.toMatchObject({ object: 'file' });
    const uploads = await fx.emulator.control.requests({ kind: 'upload' });
    expect(uploads.map((r) => [r.status, r.upload?.fileId === undefined])).toEqual([
      [500, true],
      [400, true],
      [200, false],
    ]);
  });

  it('refuses a body without the file or the purpose, and one that is not multipart', async () => {
    const post = async (body: FormData | string, headers: Record<string, string> = {}) => {
      const res = await fetch(`${fx.emulator.baseURL}/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${testKey}`, ...headers },
        body,
      });
      return { status: res.status, error: ((await res.json()) as { error: unknown }).error };
    };
    const noPurpose = new FormData();
    noPurpose.append('file', new Blob([pdf]), 'a.pdf');
    expect(await post(noPurpose)).toMatchObject({
      status: 400,
      error: { message: "Missing required parameter: 'purpose'.", param: 'purpose' },
    });
    const noFile = new FormData();
    noFile.append('purpose', 'user_data');
    expect(await post(noFile)).toMatchObject({
      status: 400,
      error: { message: "Missing required parameter: 'file'.", param: 'file' },
    });
    const badPurpose = new FormData();
    badPurpose.append('file', new Blob([pdf]), 'a.pdf');
    badPurpose.append('purpose', 'anything');
    expect(await post(badPurpose)).toMatchObject({ status: 400, error: { param: 'purpose' } });
    expect(
      await post(JSON.stringify({ purpose: 'user_data' }), { 'content-type': 'application/json' }),
    ).toMatchObject({ status: 400, error: { type: 'invalid_request_error' } });
  });
});
