// `mull list`, `mull search` and `mull cancel` against jobs made through the CLI.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobPage } from '../../shared/job-query.js';
import { printedId, startCliHarness, type CliHarness } from './test-support/cli-harness.js';

let h: CliHarness;
beforeEach(async () => {
  h = await startCliHarness();
});
afterEach(() => h.close());

describe('mull list and mull search', { timeout: 60_000 }, () => {
  it('lists jobs as a table, filters by status, and finds them by the words of their answer', async () => {
    await h.emulator.control.addScript({
      match: { promptIncludes: 'penguins' },
      script: { answer: 'Emperor penguins huddle to keep warm through the polar night.' },
    });
    const done = printedId(
      await h.mull(['submit', '--title', 'About penguins', 'Tell me about penguins']),
    );
    expect((await h.mull(['wait', done])).code).toBe(0);
    await h.emulator.control.addScript({ script: { timing: { thinkMs: 60_000 } } });
    const running = printedId(await h.mull(['submit', '-m', 'gpt-5', 'Something slow']));

    const list = await h.mull(['list']);
    expect(list.code).toBe(0);
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+STATUS\s+MODEL\s+TOKENS\s+COST\s+TITLE$/);
    expect(lines[1]).toMatch(
      new RegExp(
        `^${running.slice(0, 8)}\\s+(queued|in_progress)\\s+gpt-5\\s+-\\s+-\\s+Something slow$`,
      ),
    );
    expect(lines[2]).toMatch(
      new RegExp(
        `^${done.slice(0, 8)}\\s+completed\\s+gpt-5-pro\\s+[\\d,]+\\s+\\$[\\d.]+\\s+About penguins$`,
      ),
    );

    const completed = await h.mull(['list', '--status', 'completed,failed', '--json']);
    const page = JobPage.parse(JSON.parse(completed.stdout));
    expect(page.jobs.map((j) => j.id)).toEqual([done]);

    const limited = await h.mull(['list', '--limit', '1']);
    expect(limited.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(limited.stderr).toMatch(/Showing 1 of 2 jobs/);

    const search = await h.mull(['search', 'huddle']);
    expect(search.code).toBe(0);
    expect(search.stdout).toContain(`${done.slice(0, 8)}  About penguins`);
    expect(search.stdout).toContain('**huddle**');
    const nothing = await h.mull(['search', 'walrus']);
    expect(nothing.stdout).toBe('');
    expect(nothing.stderr).toMatch(/No job matches/);
  });
});

describe('mull cancel', { timeout: 60_000 }, () => {
  it('cancels on the server and records the final state', async () => {
    await h.emulator.control.addScript({ script: { timing: { thinkMs: 60_000 } } });
    const id = printedId(await h.mull(['submit', 'Never mind']));
    const cancel = await h.mull(['cancel', id.slice(0, 8)]);
    expect(cancel.code).toBe(0);
    expect(cancel.stderr).toContain(`${id.slice(0, 8)} cancelled`);

    const show = await h.mull(['show', '--json', id]);
    const job = JSON.parse(show.stdout) as { status: string; responseId: string };
    expect(job.status).toBe('cancelled');
    const cancels = await h.emulator.control.requests({
      kind: 'cancel',
      responseId: job.responseId,
    });
    expect(cancels).toHaveLength(1);
    expect((await h.emulator.control.response(job.responseId)).response.status).toBe('cancelled');
  });

  it('a job not sent yet is cancelled here, with nothing sent', async () => {
    // A driver holds the lock but this job never reaches it: its provider's server is down.
    const env = { ...h.env, OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' };
    const watch = h.start(['run', '--watch'], { env });
    await watch.stderrMatching(/watching for new jobs/);
    const id = printedId(await h.mull(['submit', 'Not yet'], { env }));
    await watch.stderrMatching(new RegExp(`${id.slice(0, 8)} pending`));
    watch.child.kill('SIGTERM');
    expect((await watch.finished).code).toBe(0);

    const cancel = await h.mull(['cancel', id]);
    expect(cancel.code).toBe(0);
    expect(cancel.stderr).toContain(`${id.slice(0, 8)} cancelled`);
    expect(await h.emulator.control.requests({ kind: 'create' })).toHaveLength(0);
  });
});
