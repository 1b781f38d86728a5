// The screenshots in docs/screenshots/ (MULL_SCREENSHOTS=1 npx playwright test screenshots): the
// board and a job view, light and dark, from a board with jobs in several states (the emulator
// scripts each one by its prompt); a job with a follow-up (its conversation); the composer at
// 800x600.
import { expect, test, testProviderId } from './fixtures/app.js';
import { badgeOf, guardPage, jobRow, submitThroughApi } from './support/board-ui.js';

const richAnswer = String.raw`## Euclid’s proof

Suppose there are finitely many primes $p_1, p_2, \dots, p_n$ and let

$$N = p_1 p_2 \cdots p_n + 1.$$

No $p_i$ divides $N$ (each leaves remainder 1), so $N$ has a prime factor outside the list: a contradiction.

| Step | Claim | Why |
|---|---|---|
| 1 | $N > 1$ | a product of primes, plus one |
| 2 | $p_i \nmid N$ | the remainder is 1 |
| 3 | some prime $q \mid N$ | every integer above 1 has a prime factor |

~~~python
def primes_up_to(n: int) -> list[int]:
    sieve = [True] * (n + 1)
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i :: i] = [False] * len(sieve[i * i :: i])
    return [i for i in range(2, n + 1) if sieve[i]]
~~~

See also [the prime number theorem](https://en.wikipedia.org/wiki/Prime_number_theorem).
`;

const summary = [
  '**Choosing a proof**\n\nEuclid’s argument is the shortest; a sieve makes it concrete.',
  '**Checking each step**\n\nThe remainder argument needs only that every integer above 1 has a prime factor.',
];

/** Oldest first: the board lists the newest on top. */
const jobs = [
  {
    prompt: 'Translate the design document into German',
    script: { ending: { kind: 'cancelled' as const, afterDeltas: 3 } },
  },
  {
    prompt: 'Refactor the payment service to remove the global lock',
    script: {
      ending: { kind: 'failed' as const, message: 'The model could not finish this request.' },
    },
  },
  {
    prompt: 'Estimate the Kolmogorov complexity of a random string',
    script: { ending: { kind: 'incomplete' as const } },
  },
  {
    prompt: 'Compare B-trees and LSM-trees for a write-heavy workload',
    script: { usage: { inputTokens: 2_400, cachedTokens: 1_024, reasoningTokens: 9_000 } },
  },
  {
    prompt: 'Prove that there are infinitely many primes',
    script: {
      answer: richAnswer,
      reasoningSummary: summary,
      usage: { inputTokens: 1_850, reasoningTokens: 14_336 },
    },
  },
  {
    prompt: 'Summarize the recent literature on protein folding',
    script: { timing: { queuedMs: 600_000 } },
  },
  {
    prompt: 'Draft a migration plan for the billing database',
    script: { timing: { thinkMs: 600_000 } },
  },
];

test.use({ viewport: { width: 1280, height: 800 } });

/** docs/screenshots/ with MULL_SCREENSHOTS=1; otherwise the test's own output folder, so a test
 *  run does not rewrite the committed pictures (their times and dates differ every run). */
function screenshotPath(name: string, outputPath: (name: string) => string): string {
  return process.env.MULL_SCREENSHOTS === '1' ? `docs/screenshots/${name}` : outputPath(name);
}

test('the board, a job view (light and dark), a thread and the composer', async ({
  page,
  emulator,
  host,
}, testInfo) => {
  const guard = guardPage(page);
  for (const job of jobs) {
    emulator.state.addRule({ match: { promptIncludes: job.prompt }, script: job.script });
    await submitThroughApi(page, {
      prompt: job.prompt,
      model: 'gpt-5',
      providerId: testProviderId,
      reasoningSummary: 'auto',
    });
    // A distinct creation time for each, so the order on the board is the order above.
    await page.waitForTimeout(20);
  }
  await expect(badgeOf(jobRow(page, 'Prove that there'))).toHaveText('Completed', {
    timeout: 20_000,
  });
  await expect(badgeOf(jobRow(page, 'Translate'))).toHaveText('Cancelled', { timeout: 20_000 });
  await expect(badgeOf(jobRow(page, 'Draft a migration'))).toHaveText('In progress');

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await page.goto(`${host.origin}/#/`);
    await expect(badgeOf(jobRow(page, 'Summarize'))).toHaveText('Queued');
    await page.screenshot({
      path: screenshotPath(`board-${colorScheme}.png`, (name) => testInfo.outputPath(name)),
    });

    await jobRow(page, 'Prove that there').click();
    const view = page.getByRole('article', { name: 'Prove that there are infinitely many primes' });
    await expect(view.locator('.katex').first()).toBeVisible();
    await expect(view.locator('.hljs-keyword').first()).toBeVisible();
    await page.screenshot({
      path: screenshotPath(`job-${colorScheme}.png`, (name) => testInfo.outputPath(name)),
    });
  }
  // A follow-up, with a stronger model: the conversation reads question, answer, question.
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto(`${host.origin}/#/`);
  await jobRow(page, 'Prove that there').click();
  const proof = page.getByRole('article', { name: 'Prove that there are infinitely many primes' });
  const followUp = proof.getByRole('form', { name: 'Follow-up' });
  await followUp
    .getByLabel('Ask a follow-up question')
    .fill('Does the same argument show there are infinitely many primes of the form 4k+3?');
  await followUp.getByLabel('Model').selectOption('gpt-5-pro');
  await followUp.getByRole('button', { name: 'Send follow-up' }).click();
  const thread = page.getByRole('article', { name: /^Does the same argument/ });
  await expect(badgeOf(thread)).toHaveText('Completed', { timeout: 20_000 });
  await expect(thread.getByRole('region', { name: 'Conversation' })).toBeVisible();
  await expect(jobRow(page, 'Does the same argument').locator('.job-row__thread')).toBeVisible();
  await page.screenshot({
    path: screenshotPath('job-thread-light.png', (name) => testInfo.outputPath(name)),
  });

  // The composer in a small window: Submit in its sticky footer, the draft kept.
  await page.setViewportSize({ width: 800, height: 600 });
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  const composer = page.getByRole('form', { name: 'New job' });
  await composer
    .getByLabel('Prompt', { exact: true })
    .fill('Find the bug in this retry loop and explain why it only shows under load.');
  await expect(composer.getByText('Draft kept')).toBeVisible();
  await expect(composer.getByRole('button', { name: 'Submit' })).toBeInViewport({ ratio: 1 });
  await page.screenshot({
    path: screenshotPath('composer-800x600.png', (name) => testInfo.outputPath(name)),
  });

  // Math, tables and highlighted code render under the real CSP, loading nothing remote.
  expect(guard.cspViolations).toEqual([]);
  expect(guard.offLoopback).toEqual([]);
});
