// Two things a new user hit, in a real browser against the web host and the emulator: an answer
// and a reasoning summary holding a link with a malformed percent-escape open without taking the
// page down, and delete closes the pane, opens the next job, can be undone for a few seconds, and
// never takes back what was spent.
import { formatUsd, sumUsd } from '../shared/cost.js';
import { expect, test, testProviderId } from './fixtures/app.js';
import { badgeOf, jobRow, jobsBehindThePage, submitPrompts } from './support/board-ui.js';
import { submitThroughApi } from './support/board-ui.js';

const hostileLink = '[see here](#%E0%A4%A)';

test('an answer and a summary with a malformed escape open; the rest of the app works', async ({
  page,
  emulator,
}) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await emulator.control.addScript({
    match: { promptIncludes: 'Hostile link' },
    script: { answer: hostileLink, reasoningSummary: hostileLink },
  });
  await submitThroughApi(page, {
    prompt: 'Hostile link',
    model: 'gpt-5',
    providerId: testProviderId,
    reasoningSummary: 'auto',
  });
  await expect(badgeOf(jobRow(page, 'Hostile link'))).toHaveText('Completed', { timeout: 30_000 });

  await jobRow(page, 'Hostile link').click();
  const view = page.getByRole('article', { name: 'Hostile link' });
  await expect(view).toBeVisible();
  const answer = view.getByRole('region', { name: 'Answer' });
  await expect(answer).toContainText('see here');
  await expect(answer).toContainText(/\(#%E0%A4%(25)?A\)/u);
  const summary = view.locator('details', {
    has: page.getByRole('heading', { name: /Reasoning summary/u }),
  });
  await summary.locator('summary').click();
  await expect(summary).toContainText('see here');
  await expect(view.getByText('This part could not be shown.')).toHaveCount(0);
  await expect(view.getByRole('table', { name: 'Token usage and cost' })).toBeVisible();

  // Reloading its address opens it again.
  await page.reload();
  await expect(page.getByRole('article', { name: 'Hostile link' })).toBeVisible();
  await expect(
    page.getByRole('article', { name: 'Hostile link' }).getByRole('region', { name: 'Answer' }),
  ).toContainText('see here');

  // The rest of the app: the composer, Spend and the board.
  await page.locator('body').press('Escape');
  await page.keyboard.press('n');
  await expect(page.getByRole('form', { name: 'New job' })).toBeVisible();
  await page.getByRole('button', { name: 'Spend', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Spend' })).toBeVisible();
  await expect(jobRow(page, 'Hostile link')).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test.describe('delete', () => {
  test('closes the pane, opens the next job, undoes, deletes after the window, keeps Spend', async ({
    page,
  }) => {
    const titles = ['Keep this question', 'Delete this question'];
    await submitPrompts(page, titles, { model: 'gpt-5' });
    for (const title of titles) {
      await expect(badgeOf(jobRow(page, title))).toHaveText('Completed', { timeout: 30_000 });
    }
    const jobs = await jobsBehindThePage(page);
    const spent = formatUsd(sumUsd(jobs.map((job) => job.cost ?? 0)));
    const spendTotal = async () => {
      await page.getByRole('button', { name: 'Spend', exact: true }).click();
      return page.getByRole('region', { name: 'Spend' }).locator('dd').first();
    };
    await expect(await spendTotal()).toHaveText(spent);

    const remove = async () => {
      await jobRow(page, 'Delete this question').click();
      const view = page.getByRole('article', { name: 'Delete this question' });
      await view.getByRole('button', { name: 'Delete' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete this job from this computer?' });
      await dialog.getByRole('button', { name: 'Delete' }).click();
      // The pane closes and the next job opens; the row is gone at once.
      await expect(view).toHaveCount(0);
      await expect(page.getByRole('article', { name: 'Keep this question' })).toBeVisible();
      await expect(page.getByText('Loading the job…')).toHaveCount(0);
      await expect(jobRow(page, 'Delete this question')).toHaveCount(0);
      return page.getByRole('status').filter({ hasText: "Deleted 'Delete this question'." });
    };

    // Undo brings it back: nothing was deleted.
    const toast = await remove();
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(toast).toHaveCount(0);
    await expect(jobRow(page, 'Delete this question')).toBeVisible();
    expect(await jobsBehindThePage(page)).toHaveLength(2);

    // Without undo it is gone once the window ends.
    const again = await remove();
    await expect(again).toBeVisible();
    await expect(again).toHaveCount(0, { timeout: 15_000 });
    await expect
      .poll(async () => (await jobsBehindThePage(page)).map((job) => job.title))
      .toEqual(['Keep this question']);
    await page.reload();
    await expect(jobRow(page, 'Keep this question')).toBeVisible();
    await expect(jobRow(page, 'Delete this question')).toHaveCount(0);

    // What was spent stays spent.
    await expect(await spendTotal()).toHaveText(spent);
  });
});
