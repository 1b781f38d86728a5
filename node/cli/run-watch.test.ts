// `mull run --watch` drives the data directory; other `mull` processes only store jobs and read
// rows, and the running driver sends each job exactly once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printedId, startCliHarness, type CliHarness } from './test-support/cli-harness.js';

let h: CliHarness;
beforeEach(async () => {
  h = await startCliHarness();
});
afterEach(() => h.close());

async function createsFor(id: string): Promise<number> {
  const creates = await h.emulator.control.requests({ kind: 'create' });
  return creates.filter(
    (r) => (r.body as { metadata?: { mull_job_id?: string } }).metadata?.mull_job_id === id,
  ).length;
}

const long = 'Ünïcödé ✨ '.repeat(60);

describe('mull run --watch', { timeout: 60_000 }, () => {
  it('a submit while it runs is only stored; the running driver sends it once', async () => {
    const watch = h.start(['run', '--watch']);
    await watch.stderrMatching(/watching for new jobs/);
    await h.emulator.control.addScript({
      script: { answer: 'Sent by the watcher.', timing: { thinkMs: 1_500, deltaIntervalMs: 5 } },
    });

    const submitted = await h.mull(['submit', 'For the watcher']);
    expect(submitted.code).toBe(0);
    const id = printedId(submitted);
    expect(submitted.stderr).toMatch(
      /another Mull process drives .*; job \S+ is stored for it to send/,
    );

    // Another process drives: wait follows the row on disk.
    const wait = await h.mull(['wait', id]);
    expect(wait.code).toBe(0);
    await watch.stderrMatching(new RegExp(`${id.slice(0, 8)} completed`));
    expect(await createsFor(id)).toBe(1);
    expect((await h.mull(['show', id])).stdout).toBe('Sent by the watcher.');

    const second = await h.mull(['run']);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/^mull: Another Mull process is already driving the jobs in /);

    watch.child.kill('SIGINT');
    const stopped = await watch.finished;
    expect(stopped.code).toBe(0);
    // The lock went with it: a new driver can start.
    expect((await h.mull(['run'])).code).toBe(0);
  });

  it('SIGTERM while a job streams: closes cleanly; the next run resumes it to the exact end', async () => {
    await h.emulator.control.addScript({
      // About 8 s of streaming: still going when the watcher below is stopped.
      script: { answer: long, deltaChars: 3, timing: { deltaIntervalMs: 40 } },
    });
    const id = printedId(await h.mull(['submit', 'Long stream']));
    const watch = h.start(['run', '--watch']);
    await watch.stderrMatching(/watching for new jobs/);
    watch.child.kill('SIGTERM');
    expect((await watch.finished).code).toBe(0);
    const [response] = await h.emulator.control.responses();
    expect(response?.status).toBe('in_progress');

    const run = await h.mull(['run']);
    expect(run.code).toBe(0);
    expect((await h.mull(['show', id])).stdout).toBe(long);
    expect(await createsFor(id)).toBe(1);
  });

  it('mull wait follows a job another process drives, and takes over when that process dies', async () => {
    await h.emulator.control.addScript({
      // About 10 s of streaming: far from done when the driver is killed.
      script: { answer: long, deltaChars: 3, timing: { deltaIntervalMs: 50 } },
    });
    const watch = h.start(['run', '--watch']);
    await watch.stderrMatching(/watching for new jobs/);
    const id = printedId(await h.mull(['submit', 'Outlive the driver']));
    await watch.stderrMatching(new RegExp(`${id.slice(0, 8)} in_progress`));

    const wait = h.start(['wait', id]);
    await wait.stderrMatching(/another Mull process drives job .*; following it/);
    watch.child.kill('SIGKILL'); // a crash: the OS releases its lock
    const waited = await wait.finished;
    expect(waited.code).toBe(0);
    expect(waited.stderr).toMatch(/that process stopped; driving the job from here/);
    expect((await h.mull(['show', id])).stdout).toBe(long);
    expect(await createsFor(id)).toBe(1);
  });
});
