// The board and the composer as a new user meets them: several prompts at once open the first and
// bring it into view with one highlight; j/k go from job to job while one is open; the composer
// keeps its draft across Escape and a reload with Submit in view at 1280x800 and 800x600; a
// follow-up (with another model) reads as a conversation and sits under its thread on the board;
// a browser notification says the answer's first line and opens the job.
import { expect, test, testProviderId } from './fixtures/app.js';
import { answerFirstLine } from '../shared/notification-text.js';
import {
  badgeOf,
  jobRow,
  jobsBehindThePage,
  submitPrompts,
  submitThroughApi,
} from './support/board-ui.js';
import { callFromPage } from './support/page-api.js';

const board = (page: import('@playwright/test').Page) =>
  page.getByRole('listbox', { name: /^Jobs/ });
const highlighted = (page: import('@playwright/test').Page) =>
  board(page).locator('.job-row--selected');

test('several prompts at once: the first opens, in view; j/k go from job to job', async ({
  page,
}) => {
  // Enough older jobs that, oldest first, the new ones are far below the fold.
  for (let index = 0; index < 14; index += 1) {
    await submitThroughApi(page, {
      prompt: `Older job ${index}`,
      model: 'gpt-5',
      providerId: testProviderId,
    });
  }
  await page.getByTitle('Order of the jobs').selectOption('created-asc');
  await expect(jobRow(page, 'Older job 13')).toHaveCount(1);

  await submitPrompts(page, ['Prompt one', 'Prompt two', 'Prompt three']);
  // The pane is not left empty: the first job opens, its row is scrolled into view and is the
  // only one highlighted.
  const first = page.getByRole('article', { name: 'Prompt one' });
  await expect(first).toBeVisible();
  await expect(jobRow(page, 'Prompt one')).toBeInViewport();
  await expect(highlighted(page)).toHaveCount(1);
  await expect(highlighted(page)).toHaveAttribute('aria-current', 'page');
  await expect(highlighted(page)).toContainText('Prompt one');
  for (const title of ['Prompt two', 'Prompt three']) {
    await expect(jobRow(page, title)).toHaveCount(1);
  }

  // j/k while a job is open: the previous and the next job open, the cursor with them.
  const titles = await board(page).locator('.job-row__title').allTextContents();
  const above = titles[titles.indexOf('Prompt one') - 1];
  if (above === undefined) throw new Error(`Unexpected order: ${titles.join(', ')}`);
  await page.keyboard.press('k');
  await expect(page.getByRole('article', { name: above })).toBeVisible();
  await expect(highlighted(page)).toHaveCount(1);
  await expect(highlighted(page)).toContainText(above);
  await page.keyboard.press('j');
  await expect(first).toBeVisible();
  await expect(highlighted(page)).toHaveCount(1);
  await expect(highlighted(page)).toContainText('Prompt one');
  await page.keyboard.press('k');
  await expect(page.getByRole('article', { name: above })).toBeVisible();

  // Escape still closes, leaving the cursor where it was; Enter opens it again.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('article')).toHaveCount(0);
  await expect(highlighted(page)).toContainText(above);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: above })).toBeVisible();
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 800, height: 600 },
]) {
  test(`the composer keeps its draft and shows Submit at ${viewport.width}x${viewport.height}`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.keyboard.press('n');
    const composer = page.getByRole('form', { name: 'New job' });
    const prompt = composer.getByLabel('Prompt', { exact: true });
    const submit = composer.getByRole('button', { name: 'Submit' });
    await expect(submit).toBeInViewport({ ratio: 1 });
    await prompt.fill('A question I have not finished');
    await expect(composer.getByText('Draft kept')).toBeVisible();

    // Escape leaves the field, a second closes the composer: the draft stays.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(composer).toHaveCount(0);
    await page.keyboard.press('n');
    await expect(prompt).toHaveValue('A question I have not finished');

    await page.reload();
    await expect(prompt).toHaveValue('A question I have not finished');
    await expect(composer.getByText('Draft kept')).toBeVisible();
    // However far the form scrolls, Submit stays at the bottom of the pane.
    await composer.getByRole('heading', { name: 'New job' }).scrollIntoViewIfNeeded();
    await expect(submit).toBeInViewport({ ratio: 1 });
    await composer.getByLabel('Max output tokens').scrollIntoViewIfNeeded();
    await expect(submit).toBeInViewport({ ratio: 1 });

    await submit.click();
    await expect(
      page.getByRole('article', { name: 'A question I have not finished' }),
    ).toBeVisible();
    await page.keyboard.press('n');
    await expect(prompt).toHaveValue('');
  });
}

test('a follow-up with another model reads as a conversation and sits under its thread', async ({
  page,
}) => {
  await submitPrompts(page, ['Opening question']);
  const first = page.getByRole('article', { name: 'Opening question' });
  await expect(badgeOf(first)).toHaveText('Completed', { timeout: 20_000 });

  const followUp = first.getByRole('form', { name: 'Follow-up' });
  await followUp.getByLabel('Ask a follow-up question').fill('And a sharper follow-up');
  await followUp.getByLabel('Model').selectOption('gpt-5-mini');
  await followUp.getByRole('button', { name: 'Send follow-up' }).click();
  const second = page.getByRole('article', { name: 'And a sharper follow-up' });
  await expect(badgeOf(second)).toHaveText('Completed', { timeout: 20_000 });

  const turns = second.getByRole('region', { name: 'Conversation' }).getByRole('listitem');
  await expect(turns).toHaveCount(2);
  // The first turn: the question, and the start of its answer.
  await expect(turns.nth(0).locator('.thread__question')).toContainText('Opening question');
  await expect(turns.nth(0).locator('.thread__answer .thread__text')).not.toBeEmpty();
  await expect(turns.nth(1)).toContainText('gpt-5-mini');
  await expect(turns.nth(1).locator('[aria-current="page"]')).toContainText('And a sharper');

  // On the board: a step in, naming the conversation; each row has its date and answer preview.
  const row = jobRow(page, 'And a sharper follow-up');
  await expect(row).toHaveClass(/job-row--follow-up/);
  await expect(row.locator('.job-row__thread')).toHaveText('↳ Follow-up of “Opening question”');
  await expect(row.locator('.job-row__date')).toHaveText(/^Today /);
  await expect(row.locator('.job-row__preview')).not.toBeEmpty();
  await expect(row.locator('.job-row__model')).toContainText('gpt-5-mini');

  // Opening the first turn from the conversation.
  await turns.nth(0).getByRole('button').click();
  await expect(page.getByRole('article', { name: 'Opening question' })).toBeVisible();
});

test('a browser notification says the answer’s first line and opens the job', async ({ page }) => {
  await page.addInitScript(() => {
    const shown: { title: string; body: string; click: () => void }[] = [];
    class RecordingNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      onclick: (() => void) | null = null;
      constructor(title: string, options: { body: string }) {
        shown.push({ title, body: options.body, click: () => this.onclick?.() });
      }
      close(): void {}
    }
    Object.assign(globalThis, { Notification: RecordingNotification, shownNotifications: shown });
  });
  await page.reload();
  await submitPrompts(page, ['Ring when done']);
  await expect(badgeOf(jobRow(page, 'Ring when done'))).toHaveText('Completed', {
    timeout: 20_000,
  });
  type Shown = { shownNotifications?: { title: string; body: string; click: () => void }[] };
  await expect
    .poll(() =>
      page.evaluate(() => (globalThis as Shown).shownNotifications?.map(({ title }) => title)),
    )
    .toEqual(['Answer ready: Ring when done']);
  // The body: the first line of the whole answer, as plain words.
  const [job] = (await jobsBehindThePage(page)).filter((each) => each.title === 'Ring when done');
  const detail = await callFromPage<{ ok: boolean; value: { job: { answer: string } } }>(
    page,
    'jobs:get',
    { id: job?.id },
  );
  const body = await page.evaluate(() => (globalThis as Shown).shownNotifications?.[0]?.body);
  expect(body).toBe(answerFirstLine(detail.value.job.answer));
  expect(body).not.toBe('');
  expect(body).not.toMatch(/[#*`]/);

  await page.keyboard.press('Escape');
  await expect(page.getByRole('article')).toHaveCount(0);
  await page.evaluate(() => (globalThis as Shown).shownNotifications?.[0]?.click());
  await expect(page.getByRole('article', { name: 'Ring when done' })).toBeVisible();
});
