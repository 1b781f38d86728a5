// `mull wait ID`: exit 0 only when the job completed; otherwise its status and error on stderr.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printedId, startCliHarness, type CliHarness } from './test-support/cli-harness.js';

let h: CliHarness;
beforeEach(async () => {
  h = await startCliHarness();
});
afterEach(() => h.close());

describe('mull wait', { timeout: 60_000 }, () => {
  it('drives a detached job to completion and exits 0', async () => {
    await h.emulator.control.addScript({
      script: { answer: 'Done waiting.', timing: { thinkMs: 2_500, deltaIntervalMs: 5 } },
    });
    const id = printedId(await h.mull(['submit', 'Wait for me']));
    const wait = await h.mull(['wait', id.slice(0, 8)]);
    expect(wait.code).toBe(0);
    expect(wait.stdout).toBe('');
    expect(wait.stderr).toContain(`${id.slice(0, 8)} completed`);
    expect((await h.mull(['show', id])).stdout).toBe('Done waiting.');
  });

  it('a failed job: exit 1, with the status and the reason on stderr (--json: the job)', async () => {
    await h.emulator.control.addScript({
      script: {
        answer: 'This will not finish well.',
        timing: { thinkMs: 2_500, deltaIntervalMs: 5 },
        ending: { kind: 'failed', code: 'server_error', message: 'The model crashed.' },
      },
    });
    const id = printedId(await h.mull(['submit', 'Doomed']));
    const wait = await h.mull(['wait', '--json', id]);
    expect(wait.code).toBe(1);
    expect(wait.stderr).toMatch(new RegExp(`job ${id.slice(0, 8)} failed: .*crashed`));
    expect(JSON.parse(wait.stdout)).toMatchObject({ id, status: 'failed' });
  });

  it('a job that is already finished: answers at once', async () => {
    const id = printedId(await h.mull(['submit', 'Quick one']));
    expect((await h.mull(['wait', id])).code).toBe(0);
    expect((await h.mull(['wait', id])).code).toBe(0);
  });
});
