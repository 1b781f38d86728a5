// The job board in a real browser against the web host and the emulator: jobs move through their
// badges with the server's usage and cost, cancel reaches the server, a refused key pauses jobs
// until a new one is entered, model output cannot run script or reach the network, and the
// screenshots in docs/ come from here.
import { readFileSync } from 'node:fs';
import { costOf, formatUsd, sumUsd } from '../shared/cost.js';
import { findModel } from '../shared/models.js';
import { expect, test, testProviderId } from './fixtures/app.js';
import { xssInputs } from '../renderer/src/test-support/xss-cases.js';
import {
  badgeOf,
  emulatorUsage,
  guardPage,
  jobRow,
  jobsBehindThePage,
  submitPrompts,
} from './support/board-ui.js';

/** What the page's elements look like from here (this side has no DOM types). */
interface DomElement {
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  attributes: ArrayLike<{ name: string; value: string }>;
}

/** The page's clipboard as seen from here. */
interface PageWithClipboard {
  navigator: { clipboard: { readText(): Promise<string> } };
}

const dangerousElements =
  'script, iframe, frame, object, embed, img, video, audio, form, link, meta, base';
const navigatingAttributes = 'a[href], [src], [srcset], [action], [formaction]';

const gpt5Price = findModel('gpt-5')?.price;
if (!gpt5Price) throw new Error('gpt-5 is in the model registry');

test.describe('three jobs from queued to completed', () => {
  test.use({
    emulatorOptions: {
      config: {
        defaultScript: {
          timing: { queuedMs: 2_500, thinkMs: 2_000, deltaIntervalMs: 40 },
          reasoningSummary: ['**Thinking**\n\nWeighing it up.'],
          usage: { inputTokens: 1_234, cachedTokens: 200, reasoningTokens: 512 },
        },
      },
    },
  });

  test('badges move queued, in progress, completed; usage and cost are the server’s', async ({
    page,
    emulator,
  }) => {
    const titles = ['Alpha question', 'Beta question', 'Gamma question'];
    await submitPrompts(page, titles, { model: 'gpt-5' });

    for (const title of titles) await expect(badgeOf(jobRow(page, title))).toHaveText('Queued');
    for (const title of titles) {
      await expect(badgeOf(jobRow(page, title))).toHaveText('In progress', { timeout: 15_000 });
    }
    for (const title of titles) {
      await expect(badgeOf(jobRow(page, title))).toHaveText('Completed', { timeout: 30_000 });
    }

    const jobs = await jobsBehindThePage(page);
    expect(jobs).toHaveLength(3);
    for (const job of jobs) {
      const usage = emulatorUsage(emulator, job.responseId ?? '');
      const cost = costOf(usage, gpt5Price);
      expect(job.usage).toEqual(usage);
      expect(job.cost).toBe(cost);
      await expect(jobRow(page, job.title).locator('.job-row__cost')).toHaveText(formatUsd(cost));

      await jobRow(page, job.title).click();
      const view = page.getByRole('article', { name: job.title });
      const table = view.getByRole('table', { name: 'Token usage and cost' });
      const row = (part: string) => table.getByRole('row', { name: new RegExp(`^${part} `) });
      const count = (value: number) => value.toLocaleString('en-US');
      await expect(row('Input')).toContainText(count(usage.inputTokens - usage.cachedTokens));
      await expect(row('Cached input')).toContainText(count(usage.cachedTokens));
      await expect(row('Output')).toContainText(count(usage.outputTokens - usage.reasoningTokens));
      await expect(row('Reasoning')).toContainText(count(usage.reasoningTokens));
      await expect(row('Total')).toContainText(formatUsd(cost));
      await expect(view.getByText('Weighing it up.')).toBeAttached();
    }

    // Spend adds up what the jobs cost.
    await page.getByRole('button', { name: 'Spend', exact: true }).click();
    const total = sumUsd(jobs.map((job) => job.cost ?? 0));
    await expect(page.getByRole('region', { name: 'Spend' }).locator('dd').first()).toHaveText(
      formatUsd(total),
    );
  });
});

test.describe('cancel', () => {
  test.use({
    emulatorOptions: { config: { defaultScript: { timing: { thinkMs: 120_000 } } } },
  });

  test('asks first, reaches the server, and the badge says cancelled', async ({
    page,
    emulator,
  }) => {
    await submitPrompts(page, ['A long think']);
    const view = page.getByRole('article', { name: 'A long think' });
    await expect(badgeOf(view)).toHaveText('In progress', { timeout: 15_000 });

    await view.getByRole('button', { name: 'Cancel job' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this job?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel job' }).click();

    await expect(badgeOf(jobRow(page, 'A long think'))).toHaveText('Cancelled', {
      timeout: 15_000,
    });
    await expect(badgeOf(view)).toHaveText('Cancelled');
    const [job] = await jobsBehindThePage(page);
    const cancels = emulator.state.log.list({ kind: 'cancel' });
    expect(cancels.map((request) => request.responseId)).toEqual([job?.responseId]);
  });
});

test('a refused key shows "Needs key"; a new key in settings lets the job finish', async ({
  page,
  emulator,
}) => {
  const newKey = 'sk-test-e2e-key-9876';
  emulator.state.setKeys({ allowed: [newKey] });
  await submitPrompts(page, ['Needs a key']);
  await expect(badgeOf(jobRow(page, 'Needs a key'))).toHaveText('Needs key', { timeout: 15_000 });

  // The job view says what to do, and takes the person there.
  await jobRow(page, 'Needs a key').click();
  await page.getByRole('button', { name: 'Open settings' }).click();
  const card = page.getByRole('listitem').filter({ hasText: 'Emulator' });
  await card.getByLabel(/API key/).fill(newKey);
  await card.getByRole('button', { name: 'Save key' }).click();
  await expect(card.getByText('Key set, ending in 9876')).toBeVisible();
  await expect(card.getByLabel(/API key/)).toHaveValue('');
  expect(await page.content()).not.toContain(newKey);

  await expect(badgeOf(jobRow(page, 'Needs a key'))).toHaveText('Completed', { timeout: 20_000 });
  expect(emulator.state.log.list().some((request) => request.keyLast4 === '9876')).toBe(true);
  expect(testProviderId).toBe('emulator');
});

test('no markdown-it XSS case runs script, opens a dialog or leaves loopback', async ({
  page,
  emulator,
}) => {
  const cases = xssInputs(readFileSync('e2e/fixtures/xss/markdown-it-xss.txt', 'utf8'));
  const guard = guardPage(page);
  const titles = cases.map((_, index) => `xss case ${String(index).padStart(2, '0')}`);
  cases.forEach((answer, index) =>
    emulator.state.addRule({ match: { promptIncludes: titles[index] }, script: { answer } }),
  );
  await submitPrompts(page, titles, { model: 'gpt-5' });

  for (const title of titles) {
    await expect(badgeOf(jobRow(page, title))).toHaveText('Completed', { timeout: 30_000 });
  }
  for (const title of titles) {
    await jobRow(page, title).click();
    await expect(page.getByRole('article', { name: title })).toBeVisible();
    const answer = page.getByRole('region', { name: 'Answer' });
    // Some cases render to nothing at all (a lone link reference definition).
    await expect(answer.locator('.markdown')).toBeAttached();
    await expect(answer.locator(dangerousElements)).toHaveCount(0);
    await expect(answer.locator(navigatingAttributes)).toHaveCount(0);
    const attributes = await answer.evaluate((root: DomElement) =>
      Array.from(root.querySelectorAll('*')).flatMap((node) =>
        Array.from(node.attributes).map(({ name, value }) => ({ name, value })),
      ),
    );
    const dangerous = attributes.filter(
      ({ name, value }) => /^on/i.test(name) || /^\s*(javascript|vbscript|data):/i.test(value),
    );
    expect(dangerous, title).toEqual([]);
    // Every link-looking thing is clickable without effect beyond asking the main process.
    for (const button of await answer.locator('button.md-link').all()) await button.click();
  }
  expect(guard.dialogs).toEqual([]);
  expect(guard.offLoopback).toEqual([]);
  expect(guard.cspViolations).toEqual([]);
});

test('the keyboard alone: search with highlighted snippets, move, open, close', async ({
  page,
}) => {
  await submitPrompts(page, ['First topic: tidal locking', 'Second topic: orbital resonance']);
  await expect(badgeOf(jobRow(page, 'Second topic'))).toHaveText('Completed', {
    timeout: 20_000,
  });
  await expect(badgeOf(jobRow(page, 'First topic'))).toHaveText('Completed', { timeout: 20_000 });
  await page.locator('body').press('Escape');

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search jobs' })).toBeFocused();
  await page.keyboard.type('resonance');
  const results = page.getByRole('region', { name: 'Search results for resonance' });
  await expect(results.locator('mark').first()).toHaveText(/resonance/i);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('searchbox', { name: 'Search jobs' })).toHaveValue('');

  await page.keyboard.press('Escape'); // leaves the search box
  await page.keyboard.press('j');
  const list = page.getByRole('listbox', { name: /^Jobs/ });
  await expect(list).toBeFocused();
  const selected = list.getByRole('option', { selected: true });
  // Both were created in the same submit: the order between them is the server's (by id).
  const [top = '', next = ''] = await list.locator('.job-row__title').allTextContents();
  await expect(selected).toContainText(next);
  await page.keyboard.press('k');
  await expect(selected).toContainText(top);
  await page.keyboard.press('ArrowDown');
  await expect(selected).toContainText(next);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: next })).toBeVisible();
  // The focus moves to what opened, so a screen reader reads it.
  await expect(page.locator('[data-pane="job"]')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('article')).toHaveCount(0);

  await page.keyboard.press('n');
  const composer = page.getByRole('form', { name: 'New job' });
  await expect(composer).toBeVisible();
  await expect(composer.getByLabel('Prompt', { exact: true })).toBeFocused();
});

test('first run without a key: the onboarding explains and takes a key', async ({ page }) => {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const card = page.getByRole('listitem').filter({ hasText: 'Emulator' });
  await expect(card.getByText('Key set, ending in 0001')).toBeVisible();
  await card.getByRole('button', { name: 'Clear key' }).click();
  await expect(card.getByText('No API key set.')).toBeVisible();

  await page.keyboard.press('Escape');
  const welcome = page.getByRole('region', { name: 'Welcome to Mull' });
  await expect(welcome).toBeVisible();
  await expect(welcome).toContainText('npm run demo');
  await welcome.getByLabel('Emulator API key').fill('sk-test-e2e-key-0001');
  await welcome.getByRole('button', { name: 'Save key' }).click();
  await expect(welcome).toHaveCount(0);
});

test('a finished job: follow up in a thread, export, copy, delete', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await submitPrompts(page, ['Opening question']);
  const first = page.getByRole('article', { name: 'Opening question' });
  await expect(badgeOf(first)).toHaveText('Completed', { timeout: 20_000 });

  await first.getByLabel('Ask a follow-up question').fill('And a follow-up');
  await first.getByRole('button', { name: 'Send follow-up' }).click();
  const second = page.getByRole('article', { name: 'And a follow-up' });
  await expect(badgeOf(second)).toHaveText('Completed', { timeout: 20_000 });
  const thread = second.getByRole('region', { name: 'Conversation' });
  await expect(thread.getByRole('listitem')).toHaveText([
    /Start.*Opening question/,
    /Follow-up 1.*And a follow-up/,
  ]);

  const download = page.waitForEvent('download');
  await second.getByRole('button', { name: 'Export Markdown' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.md$/);
  const exported = readFileSync(await file.path(), 'utf8');
  expect(exported).toContain('And a follow-up');

  await second.getByRole('button', { name: 'Copy answer' }).click();
  await expect(second.getByText('Answer copied.')).toBeVisible();
  const copied = await page.evaluate(() =>
    (globalThis as unknown as PageWithClipboard).navigator.clipboard.readText(),
  );
  const [job] = (await jobsBehindThePage(page)).filter(
    (candidate) => candidate.title === 'And a follow-up',
  );
  expect(copied.length).toBeGreaterThan(0);
  expect(job?.answerPreview.startsWith(copied.slice(0, 20).replace(/\s+/g, ' '))).toBe(true);

  await second.getByRole('button', { name: 'Delete' }).click();
  await page
    .getByRole('dialog', { name: /Delete this job/ })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(jobRow(page, 'And a follow-up')).toHaveCount(0);
  await expect(second).toHaveCount(0);
  await expect(jobRow(page, 'Opening question')).toHaveCount(1);
});
