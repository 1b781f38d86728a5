// The resume ladder as a person sees it on the board: a dropped connection and a silent (stalled)
// stream show "Reconnecting", a server that refuses to re-stream shows "Polling", and each job
// then completes with the server's text, created once. The text that arrived before the trouble
// stays on screen throughout.
//
// The emulator refuses every resume (or poll) with a 503 until the test has seen the badge: a
// reconnect takes milliseconds, too short to observe reliably on a busy machine, so the test
// holds the server "down" and lets it answer once the badge has been read. The engine is told to
// keep reconnecting (no switch to polling) however many resumes fail.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app.js';
import { e2eEngine } from './fixtures/test-keys.js';
import type { RunningEmulator, ResponseScriptInput } from '../node/emulator/index.js';
import { badgeOf, jobRow, submitPrompts } from './support/board-ui.js';
import {
  createsPerJob,
  jobDetailBehindThePage,
  plainAnswer,
  serverAnswer,
} from './support/job-checks.js';

const keepReconnecting = { ...e2eEngine.backoff, resumeAttempts: 1_000 };
test.use({ engine: { ...e2eEngine, backoff: keepReconnecting } });

// The composer asks for a reasoning summary: with this one (one part, three words) the stream is
// created, queued, in_progress, the reasoning item (added, part added, 3 deltas, text done, part
// done, item done), the message item (added, content part added), then the answer from event 13.
const reasoningSummary = 'Weighing it up.';
/** Eight answer deltas in: the answer has started on screen. */
const midAnswer = 20;

/** Scripts the job's response, submits it from the composer and returns its view. */
async function submitScripted(
  page: Page,
  emulator: RunningEmulator,
  title: string,
  script: ResponseScriptInput,
) {
  await emulator.control.addScript({
    match: { promptIncludes: title },
    script: { reasoningSummary, ...script },
  });
  await submitPrompts(page, [title]);
  return page.getByRole('article', { name: title });
}

/** Completed on the board and in the view, with the server's text stored and shown, sent once. */
async function expectCompletedLikeTheServer(
  page: Page,
  emulator: RunningEmulator,
  title: string,
  answer: string,
): Promise<void> {
  await expect(badgeOf(jobRow(page, title))).toHaveText('Completed', { timeout: 30_000 });
  const view = page.getByRole('article', { name: title });
  await expect(badgeOf(view)).toHaveText('Completed');
  await expect(view.getByRole('region', { name: 'Answer' }).locator('.markdown')).toHaveText(
    answer,
  );
  const id = (await jobRow(page, title).getAttribute('data-job-id')) ?? '';
  const { job } = await jobDetailBehindThePage(page, id);
  expect(job.answer).toBe(await serverAnswer(emulator, job.responseId ?? ''));
  expect(job.answer).toBe(answer);
  expect([...(await createsPerJob(emulator))]).toEqual([[id, 1]]);
}

test('a dropped connection shows "Reconnecting", keeps the text so far, then "Completed"', async ({
  page,
  emulator,
}) => {
  const title = 'Dropped: tides';
  const answer = plainAnswer('Dropped', 80);
  await emulator.control.addFault({ status: 503, on: ['stream'], count: null });
  const view = await submitScripted(page, emulator, title, {
    answer,
    timing: { deltaIntervalMs: 50 },
    streamFaults: [{ kind: 'reset', afterSeq: midAnswer }],
  });

  await expect(badgeOf(jobRow(page, title))).toHaveText('Reconnecting', { timeout: 20_000 });
  await expect(badgeOf(view)).toHaveText('Reconnecting');
  await expect(view.getByRole('region', { name: 'Answer' })).toContainText('Dropped naïve1');

  await emulator.control.clearFaults();
  await expectCompletedLikeTheServer(page, emulator, title, answer);
  await expect(view.getByRole('region', { name: 'Timeline' })).toContainText('Disconnected');
});

test.describe('with a 1.5 s stall threshold', () => {
  test.use({ engine: { ...e2eEngine, stallMs: 1_500, backoff: keepReconnecting } });

  test('a stalled stream shows "Reconnecting", then "Completed"; the timeline says it stalled', async ({
    page,
    emulator,
  }) => {
    const title = 'Stalled: prisms';
    const answer = plainAnswer('Stalled', 80);
    await emulator.control.addFault({ status: 503, on: ['stream'], count: null });
    // Silent far longer than the engine's 1.5 s threshold: only the watchdog ends the wait.
    const view = await submitScripted(page, emulator, title, {
      answer,
      timing: { deltaIntervalMs: 50 },
      streamFaults: [{ kind: 'stall', afterSeq: midAnswer, stallMs: 120_000 }],
    });

    await expect(badgeOf(jobRow(page, title))).toHaveText('Reconnecting', { timeout: 20_000 });
    await expect(view.getByRole('region', { name: 'Answer' })).toContainText('Stalled naïve1');
    await expect(view.getByRole('region', { name: 'Timeline' })).toContainText(
      'Stalled: no data for a while',
    );

    await emulator.control.clearFaults();
    await expectCompletedLikeTheServer(page, emulator, title, answer);
  });
});

test('a refused re-stream shows "Polling", then "Completed", polling as often as the server asks', async ({
  page,
  emulator,
}) => {
  const title = 'Polled: embers';
  const answer = plainAnswer('Polled', 150);
  // Longer than the engine's own longest poll interval (250 ms in e2e): the server's hint wins.
  const pollAfterMs = 400;
  await emulator.control.addFault({ status: 503, on: ['poll'], count: null });
  const view = await submitScripted(page, emulator, title, {
    answer,
    timing: { deltaIntervalMs: 50 },
    restreamMaxAgeMs: 0, // every resume answers 400 "can no longer be streamed"
    pollAfterMs,
    streamFaults: [{ kind: 'reset', afterSeq: midAnswer }],
  });

  await expect(badgeOf(jobRow(page, title))).toHaveText('Polling', { timeout: 20_000 });
  await expect(badgeOf(view)).toHaveText('Polling');
  await expect(view.getByRole('region', { name: 'Answer' })).toContainText('Polled naïve1');

  await emulator.control.clearFaults();
  await expectCompletedLikeTheServer(page, emulator, title, answer);
  await expect(view.getByRole('region', { name: 'Timeline' })).toContainText(
    'Polling for the result',
  );

  // After each answered poll the next one waited at least openai-poll-after-ms.
  const polls = await emulator.control.requests({ kind: 'poll' });
  const gaps = polls.slice(1).flatMap((next, i) => {
    const previous = polls[i];
    return previous?.status === 200 ? [Date.parse(next.at) - Date.parse(previous.at)] : [];
  });
  expect(gaps.length).toBeGreaterThan(0);
  // `at` has millisecond resolution and timers may fire a millisecond early.
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(pollAfterMs - 2);
});
