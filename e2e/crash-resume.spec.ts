// A crash in the middle of streaming: the host process dies by SIGKILL while three jobs are
// mid-answer, a new host opens the same data directory, and the person reloads the page. Every job
// carries on from its stored cursor and ends with the server's text byte for byte, and none was
// sent twice.
import { expect, test } from './fixtures/app.js';
import { badgeOf, jobRow, jobsBehindThePage, submitPrompts } from './support/board-ui.js';
import {
  createsPerJob,
  jobDetailBehindThePage,
  plainAnswer,
  resumeCursors,
  serverAnswer,
} from './support/job-checks.js';

const titles = ['Crash one: tides', 'Crash two: prisms', 'Crash three: embers'];
const answers = new Map(titles.map((title, i) => [title, plainAnswer(`Answer${i + 1}`, 120)]));

test('SIGKILL mid-stream: after a restart every job finishes with the exact text, created once', async ({
  page,
  emulator,
  host,
  spawnHost,
}) => {
  test.setTimeout(120_000);
  // About ten seconds of deltas each: long enough that the kill lands mid-answer on a busy machine.
  for (const [title, answer] of answers) {
    await emulator.control.addScript({
      match: { promptIncludes: title },
      script: { answer, timing: { deltaIntervalMs: 80 } },
    });
  }
  const child = await spawnHost();
  await page.reload(); // the page now talks to the child process (same address and token)
  await submitPrompts(page, titles);
  for (const title of titles) {
    await expect(badgeOf(jobRow(page, title))).toHaveText('In progress', { timeout: 20_000 });
  }
  // Mid-answer: some of every answer is on disk, none of them finished.
  await expect
    .poll(
      async () =>
        (await jobsBehindThePage(page)).filter(
          (job) => job.status === 'in_progress' && job.answerPreview !== '',
        ).length,
      { timeout: 20_000 },
    )
    .toBe(titles.length);
  const beforeKill = await jobsBehindThePage(page);

  expect(await child.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
  await host.start(); // same data directory, port and token, in this process
  await page.reload();

  for (const title of titles) {
    await expect(badgeOf(jobRow(page, title))).toHaveText('Completed', { timeout: 60_000 });
  }
  const jobs = await jobsBehindThePage(page);
  expect(jobs.map((job) => job.title).sort()).toEqual([...titles].sort());
  const creates = await createsPerJob(emulator);
  expect([...creates.values()]).toEqual(titles.map(() => 1));
  for (const job of jobs) {
    expect(creates.get(job.id), job.title).toBe(1);
    const responseId = job.responseId ?? '';
    const { job: stored } = await jobDetailBehindThePage(page, job.id);
    const expected = answers.get(job.title);
    expect(stored.answer, job.title).toBe(await serverAnswer(emulator, responseId));
    expect(stored.answer, job.title).toBe(expected);

    // It resumed from where the dead process had got to, not from the start.
    const killedAt = beforeKill.find((before) => before.id === job.id)?.cursor ?? -1;
    expect(killedAt, job.title).toBeGreaterThan(0);
    const resumedFrom = (await resumeCursors(emulator, responseId))[0] ?? -1;
    expect(resumedFrom, job.title).toBeGreaterThanOrEqual(killedAt);

    // What the person sees: the whole answer in the job view.
    await jobRow(page, job.title).click();
    const view = page.getByRole('article', { name: job.title });
    await expect(view.getByRole('region', { name: 'Answer' }).locator('.markdown')).toHaveText(
      expected ?? '',
    );
  }
});
