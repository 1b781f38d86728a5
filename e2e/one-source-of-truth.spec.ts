// One source of truth per job: the board row and the open job view never disagree. A job opened
// while queued, left for another job, and opened again once it has finished shows Completed with
// its answer, from the board and from search alike, without a reload.
import { expect, test } from './fixtures/app.js';
import { badgeOf, jobRow, submitPrompts } from './support/board-ui.js';
import { plainAnswer } from './support/job-checks.js';

const first = { title: 'Stale pane A: tidal locking', answer: plainAnswer('Synchronous', 40) };
const second = { title: 'Stale pane B: prism optics', answer: plainAnswer('Refraction', 40) };

test('a job left while queued opens as Completed with its answer, from the board and search', async ({
  page,
  emulator,
}) => {
  // A queues long enough to be seen queued, then streams; B takes longer, so A ends first while
  // the person is looking at B.
  await emulator.control.addScript({
    match: { promptIncludes: first.title },
    script: { answer: first.answer, timing: { queuedMs: 1_500, deltaIntervalMs: 20 } },
  });
  await emulator.control.addScript({
    match: { promptIncludes: second.title },
    script: { answer: second.answer, timing: { queuedMs: 1_000, deltaIntervalMs: 400 } },
  });

  await submitPrompts(page, [first.title]);
  const viewA = page.getByRole('article', { name: first.title });
  await expect(badgeOf(viewA)).toHaveText('Queued');

  await submitPrompts(page, [second.title]); // Escape, n, submit: B's view opens
  await expect(page.getByRole('article', { name: second.title })).toBeVisible();
  await expect(badgeOf(jobRow(page, first.title))).toHaveText('Completed', { timeout: 30_000 });

  const expectCompleted = async () => {
    await expect(viewA).toBeVisible();
    await expect(badgeOf(viewA)).toHaveText('Completed');
    await expect(viewA.getByRole('region', { name: 'Answer' }).locator('.markdown')).toHaveText(
      first.answer,
    );
    await expect(viewA.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  };

  await jobRow(page, first.title).click();
  await expectCompleted();

  // Away again (to B), then back to A through search.
  await jobRow(page, second.title).click();
  await expect(page.getByRole('article', { name: second.title })).toBeVisible();
  await page.locator('body').press('Escape');
  await page.keyboard.press('/');
  await page.keyboard.type('synchronous');
  const results = page.getByRole('region', { name: 'Search results for synchronous' });
  await results.getByRole('button', { name: new RegExp(`^${first.title}`) }).click();
  await expectCompleted();
});
