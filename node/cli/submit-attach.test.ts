// `mull submit --attach FILE`: a 5 MB PDF and a PNG go out as input_file / input_image parts in
// the create request, are kept with the job by their sha256 (in the data directory, listed by
// `mull show --json`), (a follow-up not re-sending them: attachments.test.ts in the engine); a 0-byte file, a renamed binary
// and an oversized file are each refused with a sentence, nothing stored or sent.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfOf, pngBytes } from '../core/attachments/test-support/sample-files.js';
import { printedId, startCliHarness, type CliHarness } from './test-support/cli-harness.js';

let h: CliHarness;
let dir: string;
beforeEach(async () => {
  h = await startCliHarness();
  dir = mkdtempSync(join(tmpdir(), 'mull-attach-'));
});
afterEach(() => h.close());

interface Part {
  type: string;
  text?: string;
  filename?: string;
  file_data?: string;
  image_url?: string;
}

async function createInputs(): Promise<unknown[]> {
  return (await h.emulator.control.requests({ kind: 'create' })).map(
    (request) => (request.body as { input: unknown }).input,
  );
}

describe('mull submit --attach', { timeout: 60_000 }, () => {
  it('sends a 5 MB PDF and a PNG as input parts, and keeps them', async () => {
    const pdf = join(dir, 'paper.pdf');
    const pdfBytes = pdfOf(5 * 1024 * 1024);
    writeFileSync(pdf, pdfBytes);
    const png = join(dir, 'plot.png');
    writeFileSync(png, pngBytes);

    const run = await h.mull(['submit', '--attach', pdf, '--attach', png, 'Summarize the paper']);
    expect(run.code, run.stderr).toBe(0);
    const [input] = (await createInputs()) as [{ role: string; content: Part[] }[]];
    const [message] = input;
    expect(message?.role).toBe('user');
    expect(message?.content.map((part) => part.type)).toEqual([
      'input_text',
      'input_file',
      'input_image',
    ]);
    expect(message?.content[0]?.text).toBe('Summarize the paper');
    expect(message?.content[1]?.filename).toBe('paper.pdf');
    expect(message?.content[1]?.file_data).toBe(
      `data:application/pdf;base64,${pdfBytes.toString('base64')}`,
    );
    expect(message?.content[2]?.image_url).toBe(
      `data:image/png;base64,${pngBytes.toString('base64')}`,
    );

    // Kept with the job, by sha256, in the data directory.
    const shown = await h.mull(['--json', 'show', printedId(run)]);
    const job = JSON.parse(shown.stdout) as { attachments: { sha256: string; name: string }[] };
    const sha = createHash('sha256').update(pdfBytes).digest('hex');
    expect(job.attachments.map((a) => [a.name, a.sha256.length])).toEqual([
      ['paper.pdf', 64],
      ['plot.png', 64],
    ]);
    expect(job.attachments[0]?.sha256).toBe(sha);
    const stored = readFileSync(join(h.dataDir, 'attachments', sha));
    expect(createHash('sha256').update(stored).digest('hex')).toBe(sha);
  });

  it('refuses an empty file, a renamed binary and a missing one, storing and sending nothing', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const renamed = join(dir, 'photo.pdf');
    writeFileSync(renamed, pngBytes);
    const program = join(dir, 'report.pdf');
    writeFileSync(program, Buffer.from('7f454c460201010000000000000000000300', 'hex'));
    const cases: Array<[string, RegExp]> = [
      [empty, /is empty/u],
      [renamed, /"photo\.pdf" is named as application\/pdf but its content is image\/png/u],
      [program, /"report\.pdf" is named as application\/pdf but its content is not/u],
      [join(dir, 'nope.pdf'), /cannot be read/u],
    ];
    for (const [file, sentence] of cases) {
      const run = await h.mull(['submit', '--attach', file, 'A prompt']);
      expect(run.code, file).toBe(2);
      expect(run.stderr).toMatch(sentence);
    }
    expect(await createInputs()).toEqual([]);
    const list = await h.mull(['--json', 'list']);
    expect((JSON.parse(list.stdout) as { jobs: unknown[] }).jobs).toEqual([]);
  });
});
