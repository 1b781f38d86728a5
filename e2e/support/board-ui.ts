// Steps and checks on the renderer that the board's e2e specs share: composing jobs, finding a
// job's row and badge, reading the jobs behind the page, and guarding against anything leaving
// loopback or any dialog opening.
import { expect, type Locator, type Page } from '@playwright/test';
import type { JobPage } from '../../shared/job-query.js';
import type { TokenUsage } from '../../shared/job.js';
import type { RunningEmulator } from '../../node/emulator/index.js';
import { callFromPage } from './page-api.js';

/** Opens the composer with `n`, writes the prompts (split at `---` lines) and submits them. */
export async function submitPrompts(
  page: Page,
  prompts: readonly string[],
  options: { model?: string } = {},
): Promise<void> {
  await page.locator('body').press('Escape');
  await page.keyboard.press('n');
  const composer = page.getByRole('form', { name: 'New job' });
  await expect(composer).toBeVisible();
  await composer.getByLabel('Prompt', { exact: true }).fill(prompts.join('\n---\n'));
  if (prompts.length > 1) await composer.getByLabel(/Several prompts/).check();
  if (options.model)
    await composer.getByLabel('Model', { exact: true }).selectOption(options.model);
  await composer
    .getByRole('button', { name: prompts.length > 1 ? `Submit ${prompts.length} jobs` : 'Submit' })
    .click();
}

export function jobRow(page: Page, title: string): Locator {
  return page
    .getByRole('listbox', { name: /^Jobs/ })
    .getByRole('option')
    .filter({ hasText: title });
}

export function badgeOf(scope: Locator): Locator {
  return scope.locator('.status-badge__label').first();
}

/** The jobs as the backend has them, read through the page's own session. */
export async function jobsBehindThePage(page: Page): Promise<JobPage['jobs']> {
  const envelope = await callFromPage<{ ok: boolean; value: JobPage }>(page, 'jobs:list', {
    limit: 500,
  });
  expect(envelope.ok).toBe(true);
  return envelope.value.jobs;
}

/** The usage the emulator reported for a response, in Mull's shape. */
export function emulatorUsage(emulator: RunningEmulator, responseId: string): TokenUsage {
  const run = emulator.state.allRuns().find((candidate) => candidate.id === responseId);
  const usage = run?.snapshot.usage;
  if (!usage) throw new Error(`The emulator has no usage for ${responseId}.`);
  return {
    inputTokens: usage.input_tokens,
    cachedTokens: usage.input_tokens_details.cached_tokens,
    outputTokens: usage.output_tokens,
    reasoningTokens: usage.output_tokens_details.reasoning_tokens,
    totalTokens: usage.total_tokens,
  };
}

/**
 * Records every request that leaves loopback, every dialog (alert, confirm...) that opens, and
 * everything the Content-Security-Policy refused (an inline style or script the page tried).
 */
export function guardPage(page: Page): {
  offLoopback: string[];
  dialogs: string[];
  cspViolations: string[];
} {
  const offLoopback: string[] = [];
  const dialogs: string[] = [];
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (!(url.protocol === 'http:' && loopback)) offLoopback.push(request.url());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { offLoopback, dialogs, cspViolations };
}

/** Submits one job through the page's own session (setup that is not itself under test). */
export async function submitThroughApi(
  page: Page,
  job: { prompt: string; model: string; providerId: string; reasoningSummary?: 'auto' },
): Promise<void> {
  const { ok } = await callFromPage<{ ok: boolean }>(page, 'jobs:submit', { jobs: [job] });
  expect(ok).toBe(true);
}
