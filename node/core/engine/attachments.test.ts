// A job's attachments go out once: in its create request as input_file / input_image parts; a
// follow-up continues by previous_response_id and does not send them again. A model without image
// input and a file not in the store are refused before anything is stored.
import { describe, expect, it } from 'vitest';
import { useHarness } from './test-support/engine-harness.js';
import { JobActionRefused } from './index.js';

const h = useHarness();

const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n', 'latin1');
const done = (job: { status: string }) => job.status === 'completed';

describe('attachments', { timeout: 30_000 }, () => {
  it('are sent with the job and not re-sent with its follow-up', async () => {
    const attachment = h.manager.attachments.add('notes.pdf', pdf);
    const [job] = h.manager.submit([
      { prompt: 'Read this', model: 'gpt-5', providerId: 'emulator', attachments: [attachment] },
    ]);
    if (!job) throw new Error('not stored');
    await h.waitFor(job.id, done);
    const child = h.manager.followUp(job.id, { prompt: 'And the appendix?' });
    expect(child.attachments).toEqual([]);
    await h.waitFor(child.id, done);

    const creates = (await h.emulator.control.requests({ kind: 'create' })).map(
      (request) => request.body as { input: unknown; previous_response_id?: string },
    );
    expect(creates[0]?.input).toEqual([
      {
        role: 'user',
        content: [
          { type: 'input_text', text: 'Read this' },
          {
            type: 'input_file',
            filename: 'notes.pdf',
            file_data: `data:application/pdf;base64,${pdf.toString('base64')}`,
          },
        ],
      },
    ]);
    expect(creates[1]).toMatchObject({ input: 'And the appendix?' });
    expect(creates[1]?.previous_response_id).toMatch(/^resp_/u);
  });

  it('refuses an image for a text-only model and a file not in the store, storing nothing', () => {
    const png = h.manager.attachments.add(
      'dot.png',
      Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
    );
    expect(() =>
      h.manager.submit([
        { prompt: 'Look', model: 'o3-mini', providerId: 'emulator', attachments: [png] },
      ]),
    ).toThrow(/o3-mini takes no image input/u);
    const missing = { ...png, sha256: 'a'.repeat(64), name: 'gone.png' };
    expect(() =>
      h.manager.submit([
        { prompt: 'Look', model: 'gpt-5', providerId: 'emulator', attachments: [missing] },
      ]),
    ).toThrow(JobActionRefused);
    expect(h.manager.list({}).jobs).toEqual([]);
  });
});
