// A long answer (about 600 KB of Markdown with headings, math, code and tables), opened when it
// has finished: its start is shown formatted at once, all of its text is in the page (so the
// browser's find-in-page finds any of it), and the part a reader scrolls to is shown formatted,
// down to its last heading. Only the parts near the viewport are rendered, so the page holds a
// few thousand elements rather than the ~50,000 the whole answer renders to. Streamed into the open
// view, the answer ends the same way: the parts it rendered while short leave once it is long.
import { expect, test, testProviderId } from './fixtures/app.js';
import { badgeOf, jobRow, submitPrompts, submitThroughApi } from './support/board-ui.js';

const sections = 240;

function longAnswer(): string {
  const parts: string[] = [];
  for (let n = 1; n <= sections; n++) {
    parts.push(
      `## Section ${n}`,
      `Paragraph ${n} weighs the **evidence** with \`code\`, a [link](https://example.com/${n}) and $a_${n} + b^2$. `.repeat(
        6,
      ),
      '- first point\n- second point\n  - nested detail',
      '```ts\nconst step = (x: number) => x * 2;\n```',
      `| quantity | value |\n| --- | ---: |\n| alpha ${n} | ${n}.5 |`,
    );
  }
  parts.push('The very last words of the long answer.');
  return parts.join('\n\n');
}

test('a long answer is shown formatted where the reader is, with all its text in the page', async ({
  page,
  emulator,
}) => {
  const answerText = longAnswer();
  await emulator.control.addScript({
    match: { promptIncludes: 'Long answer' },
    script: { answer: answerText },
  });
  await submitThroughApi(page, {
    prompt: 'Long answer',
    model: 'gpt-5',
    providerId: testProviderId,
  });
  await expect(badgeOf(jobRow(page, 'Long answer'))).toHaveText('Completed', { timeout: 30_000 });

  await jobRow(page, 'Long answer').click();
  const answer = page
    .getByRole('article', { name: 'Long answer' })
    .getByRole('region', { name: 'Answer' });
  await expect(answer.getByRole('heading', { name: 'Section 1', exact: true })).toBeVisible();
  await expect(answer.locator('.markdown[aria-busy]')).toHaveCount(0, { timeout: 30_000 });
  // Every word is in the page, the far parts as plain text.
  await expect(answer).toContainText('The very last words of the long answer.');
  await expect(answer).toContainText(`Paragraph ${sections - 1} weighs`);
  expect(await answer.locator('*').count()).toBeLessThan(10_000);

  // At the end (End in the pane, then up to the answer's last words, as find-in-page goes to
  // them), the end is formatted: its last words are a paragraph, its last table a table.
  await page.locator('.pane[data-pane]').focus();
  await page.keyboard.press('End');
  await answer.getByText('The very last words of the long answer.').scrollIntoViewIfNeeded();
  const lastWords = answer.getByRole('paragraph').filter({ hasText: 'The very last words' });
  await expect(lastWords).toBeInViewport();
  await expect(answer.getByRole('cell', { name: `alpha ${sections}` })).toBeVisible();
  await expect(answer.locator('.katex').last()).toBeVisible();
  // And back at the top, the start is formatted again (Home in the pane, as at the end).
  await page.locator('.pane[data-pane]').focus();
  await page.keyboard.press('Home');
  await expect(answer.getByRole('heading', { name: 'Section 1', exact: true })).toBeInViewport();
});

test('a long answer streamed into the open view keeps only the parts near the reader rendered', async ({
  page,
  emulator,
}) => {
  const answerText = longAnswer();
  await emulator.control.addScript({
    match: { promptIncludes: 'Streamed long answer' },
    // About 300 deltas of 2,000 characters, 10 ms apart: rendered whole until it grows long.
    script: { answer: answerText, deltaChars: 2_000, timing: { deltaIntervalMs: 10 } },
  });
  await submitPrompts(page, ['Streamed long answer']);
  const view = page.getByRole('article', { name: 'Streamed long answer' });
  await expect(badgeOf(view)).toHaveText('Completed', { timeout: 30_000 });
  const answer = view.getByRole('region', { name: 'Answer' });
  await expect(answer.locator('.markdown[aria-busy]')).toHaveCount(0, { timeout: 30_000 });
  await expect(answer.getByRole('heading', { name: 'Section 1', exact: true })).toBeVisible();
  await expect(answer).toContainText('The very last words of the long answer.');
  // The far parts leave a few per task: the page ends as small as the answer opened finished.
  await expect.poll(() => answer.locator('*').count(), { timeout: 15_000 }).toBeLessThan(10_000);
});
