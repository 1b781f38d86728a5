// `mull submit` with no driver running sends the job and leaves it running on the server; `mull run`
// later collects it; `mull show` prints the server's answer byte for byte.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Job } from '../../shared/job.js';
import { serverTruth } from '../core/engine/test-support/server-truth.js';
import { printedId, startCliHarness, type CliHarness } from './test-support/cli-harness.js';

const answer =
  'Première ligne — 日本語のテキスト, emoji 🧠👩‍👩‍👧✨, combining e\u0301 a\u0308.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';

let h: CliHarness;
beforeEach(async () => {
  h = await startCliHarness();
});
afterEach(() => h.close());

async function createBodies(): Promise<
  Array<{ input?: unknown; metadata?: { mull_job_id?: string } }>
> {
  const creates = await h.emulator.control.requests({ kind: 'create' });
  return creates.map((r) => r.body as { input?: unknown; metadata?: { mull_job_id?: string } });
}

describe('mull submit, then mull run, then mull show', { timeout: 60_000 }, () => {
  it('submit exits while the server still works; run completes it; show prints the exact answer', async () => {
    await h.emulator.control.addScript({
      match: { promptIncludes: 'Detached' },
      // Still thinking when submit has exited (it detaches about 1.5 s after response.created).
      script: {
        answer,
        reasoningSummary: 'Weighing it.',
        timing: { thinkMs: 4_000, deltaIntervalMs: 5 },
      },
    });
    const submitted = await h.mull(['submit', '--summary', 'auto', 'Detached: a hard question']);
    expect(submitted.code).toBe(0);
    const id = printedId(submitted);
    expect(submitted.stderr).toMatch(/running on the server/);

    const [response] = await h.emulator.control.responses();
    expect(response?.status).toMatch(/^(queued|in_progress)$/);
    expect(response?.closed).toBe(false);
    expect((await createBodies()).map((b) => b.metadata?.mull_job_id)).toEqual([id]);

    const run = await h.mull(['run']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${id.slice(0, 8)} completed`);
    expect(run.stderr).not.toContain('sk-test'); // nothing secret in progress lines
    const resumes = await h.emulator.control.requests({
      kind: 'stream',
      responseId: response?.id ?? '',
    });
    expect(resumes.length).toBeGreaterThanOrEqual(1);

    const show = await h.mull(['show', id.slice(0, 6)]);
    expect(show.code).toBe(0);
    const truth = await serverTruth(h.emulator, response?.id ?? '');
    expect(truth.answer).toBe(answer);
    expect(show.stdoutBytes.equals(Buffer.from(answer, 'utf8'))).toBe(true);
    expect(show.stderr).toMatch(/completed · gpt-5-pro/);
    expect((await createBodies()).length).toBe(1);
  });

  it('show --json: the whole job, as the server ended it', async () => {
    await h.emulator.control.addScript({
      match: { promptIncludes: 'Json' },
      script: { answer, reasoningSummary: 'Short summary.' },
    });
    const id = printedId(await h.mull(['submit', '--summary', 'concise', 'Json please']));
    expect((await h.mull(['wait', id])).code).toBe(0);

    const show = await h.mull(['show', '--json', id]);
    expect(show.code).toBe(0);
    const job = Job.parse(JSON.parse(show.stdout));
    const truth = await serverTruth(h.emulator, job.responseId ?? '');
    expect(job).toMatchObject({
      id,
      status: 'completed',
      answer,
      reasoningSummary: 'Short summary.',
      usage: truth.usage,
      error: null,
    });
    expect(job.responseId).toMatch(/^resp_/);
    expect(job.cost).toBeGreaterThan(0);
  });

  it('takes the prompt from stdin (-) or a file (-f), exactly', async () => {
    const fromStdin = 'Line one — ünïcödé 🧠\nline two\n';
    const stdinId = printedId(await h.mull(['submit', '-'], { stdin: fromStdin }));
    const file = join(h.dataDir, 'prompt.txt');
    writeFileSync(file, 'From a file: 日本語\n');
    const fileId = printedId(await h.mull(['submit', '-f', file, '--title', 'Filed']));

    const bodies = await createBodies();
    expect(bodies.find((b) => b.metadata?.mull_job_id === stdinId)?.input).toBe(fromStdin);
    expect(bodies.find((b) => b.metadata?.mull_job_id === fileId)?.input).toBe(
      'From a file: 日本語\n',
    );
    const list = await h.mull(['list']);
    expect(list.stdout).toContain('Filed');
    expect(list.stdout).toContain('Line one — ünïcödé 🧠');
  });
});
