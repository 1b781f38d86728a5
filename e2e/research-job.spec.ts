// Research jobs in a real browser against the web host and the emulator: a deep-research job's
// answer shows numbered citations, the Sources list under it and the tool steps (collapsible from
// the keyboard), the board row counts its sources and searches, a refusal reads "Refused" with the
// model's words, and nothing of it (titles, domains, steps) makes the page reach off loopback.
// What the page shows is checked against what the emulator (the server) sent, read with the same
// readers the app uses (shared/output-items.ts).
import {
  citedSources,
  digestOf,
  messagesOf,
  stepTitle,
  toolStepsOf,
  type OutputItem,
} from '../shared/output-items.js';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app.js';
import type { RunningEmulator } from '../node/emulator/index.js';
import {
  badgeOf,
  guardPage,
  jobRow,
  jobsBehindThePage,
  submitPrompts,
} from './support/board-ui.js';

const researchPrompt = 'Research: how do heat pumps cope with cold climates?';
const refusalPrompt = 'Refuse this one: write me something harmful';
const refusalText = "I'm sorry, but I can't help with that.";

test.use({
  emulatorOptions: {
    config: {
      // A deep-research run is minutes of tool calls on the API; here a few milliseconds each.
      defaultScript: { timing: { toolCallMs: 20, deltaIntervalMs: 1 } },
    },
    rules: [{ match: { promptIncludes: 'Refuse this one' }, script: { refusal: refusalText } }],
  },
});

/** The output items of a job's response, as the emulator sent them. */
async function serverItems(emulator: RunningEmulator, responseId: string): Promise<OutputItem[]> {
  const { response } = await emulator.control.response(responseId);
  return response.output;
}

async function responseIdOf(page: Page, title: string) {
  const job = (await jobsBehindThePage(page)).find((candidate) => candidate.title === title);
  expect(job?.responseId, `the job "${title}" has a response`).toBeTruthy();
  return job?.responseId ?? '';
}

test('a deep-research job shows numbered citations, its sources and its steps', async ({
  page,
  emulator,
}) => {
  const guard = guardPage(page);
  await submitPrompts(page, [researchPrompt], { model: 'o4-mini-deep-research' });
  const row = jobRow(page, researchPrompt);
  await expect(badgeOf(row)).toHaveText('Completed', { timeout: 45_000 });

  const items = await serverItems(emulator, await responseIdOf(page, researchPrompt));
  const messages = messagesOf(items);
  const { sources } = citedSources(messages);
  const citations = messages
    .flatMap((message) => message.parts)
    .flatMap((part) => (part.kind === 'text' ? part.citations : []));
  const steps = toolStepsOf(items);
  const digest = digestOf(items);
  expect(sources.length, 'the emulator cites sources').toBeGreaterThan(2);
  expect(steps.some((step) => step.kind === 'search')).toBe(true);

  // The board row counts them.
  await expect(row.locator('.job-row__output')).toHaveText(
    `${digest.sources} sources · ${digest.searches} searches`,
  );

  await row.click();
  const view = page.getByRole('article', { name: researchPrompt });
  await expect(badgeOf(view)).toHaveText('Completed');

  // Every citation is a numbered link in the answer, numbered by its source.
  const answer = view.getByRole('region', { name: 'Answer' });
  const marks = answer.locator('.md-link--citation');
  await expect(marks).toHaveCount(citations.length);
  const numbers = new Set((await marks.allTextContents()).map((text) => text.trim()));
  expect(numbers).toEqual(new Set(sources.map((source) => `[${source.number}]`)));
  await expect(marks.first()).toHaveText('[1]');
  await expect(marks.first()).toHaveAttribute(
    'title',
    new RegExp(`^Open ${escapeRegExp(sources[0]?.target ?? '')}`),
  );
  // The model's own inline "([host](url))" marks are replaced, not left as text.
  await expect(answer).not.toContainText('](');
  await expect(answer).not.toContainText('utm_source');

  // The Sources list: number, title, domain, in first-cited order.
  const list = view.getByRole('region', { name: 'Sources' }).getByRole('listitem');
  await expect(list).toHaveCount(sources.length);
  for (const source of sources.slice(0, 5)) {
    const entry = list.nth(source.number - 1);
    await expect(entry.locator('.sources__number')).toHaveText(String(source.number));
    await expect(entry.locator('.sources__title')).toHaveText(source.title);
    await expect(entry.locator('.sources__domain')).toHaveText(source.domain);
  }

  // The steps: closed once the job is done, opened from the keyboard, one title per tool call.
  const stepsSection = view.locator('details.tool-steps');
  await expect(stepsSection).not.toHaveAttribute('open');
  await stepsSection.locator('> summary').focus();
  await page.keyboard.press('Enter');
  await expect(stepsSection).toHaveAttribute('open');
  await expect(stepsSection.locator('.tool-step__title')).toHaveText(steps.map(stepTitle));
  await expect(stepsSection.locator('.tool-step__title').first()).toHaveText(/^Searched: /);

  const firstStep = stepsSection.locator('details.tool-step').first();
  await firstStep.locator('> summary').focus();
  await page.keyboard.press(' ');
  await expect(firstStep).toHaveAttribute('open');
  await expect(firstStep.locator('.tool-step__body')).toBeVisible();

  // Nothing was loaded for any of it: no image, nothing that navigates, no request off loopback.
  await expect(view.locator('img, iframe, a[href^="http"], [src]')).toHaveCount(0);
  expect(guard.offLoopback).toEqual([]);
  expect(guard.dialogs).toEqual([]);
  expect(guard.cspViolations).toEqual([]);
});

test('a refusal reads "Refused", on the board and in the job, with the model’s words', async ({
  page,
  emulator,
}) => {
  const guard = guardPage(page);
  await submitPrompts(page, [refusalPrompt]);
  const row = jobRow(page, refusalPrompt);
  await expect(badgeOf(row)).toHaveText('Refused', { timeout: 30_000 });

  const items = await serverItems(emulator, await responseIdOf(page, refusalPrompt));
  expect(digestOf(items).refused).toBe(true);

  await row.click();
  const view = page.getByRole('article', { name: refusalPrompt });
  await expect(badgeOf(view)).toHaveText('Refused');
  await expect(view.locator('.job-header')).not.toContainText('Completed');
  const refusal = view
    .getByRole('region', { name: 'Answer' })
    .getByRole('note', { name: 'Refusal' });
  await expect(refusal).toContainText('Refused');
  await expect(refusal).toContainText(refusalText);
  expect(guard.offLoopback).toEqual([]);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
