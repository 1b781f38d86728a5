// One prompt to three models in one submit: three create requests, one per model, and a
// side-by-side view of the answers with each one's status, tokens and cost and the group's total,
// reached from the board row.
import { expect, test } from './fixtures/app.js';
import { badgeOf } from './support/board-ui.js';

test('a comparison of three models shows the answers side by side with each cost and the total', async ({
  page,
  emulator,
}, testInfo) => {
  await page.setViewportSize({ width: 1500, height: 860 });
  await page.keyboard.press('n');
  const composer = page.getByRole('form', { name: 'New job' });
  await composer.getByLabel('Prompt', { exact: true }).fill('Which sorting algorithm is stable?');
  await composer.getByText('Compare with other models').click();
  await composer.getByRole('checkbox', { name: 'GPT-5', exact: true }).check();
  await composer.getByRole('checkbox', { name: 'o3-pro', exact: true }).check();
  await composer.getByRole('button', { name: 'Submit 3 jobs' }).click();

  // The first job opens; its comparison link shows the group.
  const view = page.getByRole('article', { name: 'Which sorting algorithm is stable?' });
  await expect(badgeOf(view)).toHaveText('Completed', { timeout: 20_000 });
  await view.getByRole('link', { name: /Comparison of 3 models/u }).click();

  const comparison = page.getByRole('article', { name: /^Comparison:/u });
  const columns = comparison.getByRole('region', { name: /^Answer of / });
  await expect(columns).toHaveCount(3);
  for (const column of await columns.all()) {
    await expect(badgeOf(column)).toHaveText('Completed', { timeout: 20_000 });
  }
  const creates = (await emulator.control.requests({ kind: 'create' })).map(
    (request) => request.body as { model: string; input: unknown },
  );
  expect(creates.map((body) => body.model).sort()).toEqual(['gpt-5', 'gpt-5-pro', 'o3-pro']);
  expect(new Set(creates.map((body) => JSON.stringify(body.input))).size).toBe(1);

  // Side by side: the columns share one row.
  const boxes = await Promise.all((await columns.all()).map((column) => column.boundingBox()));
  expect(new Set(boxes.map((box) => Math.round(box?.y ?? -1))).size).toBe(1);

  // Each column's cost, and the group total is their sum.
  let sum = 0;
  for (const column of await columns.all()) {
    const text = (await column.getByLabel('Cost').textContent()) ?? '';
    expect(text).toMatch(/^\$/u);
    sum += Number(text.replace(/[$,]/gu, ''));
    await expect(column.locator('.markdown')).not.toBeEmpty();
  }
  const total = comparison.getByLabel('Group total');
  await expect(total).toHaveText(/ in all$/u);
  const totalText = (await total.textContent()) ?? '';
  expect(Number(totalText.replace(/[$,]|in all/gu, '').trim())).toBeCloseTo(sum, 2);

  // The board rows say so too.
  const row = page.locator('.job-row', { hasText: 'Which sorting algorithm' }).first();
  await expect(row.getByRole('link', { name: /Comparison of 3 models/u })).toContainText(totalText);

  // README's screenshot (docs/screenshots/ with MULL_SCREENSHOTS=1).
  await comparison.getByRole('heading', { name: /^Comparison:/u }).scrollIntoViewIfNeeded();
  await page.screenshot({
    path:
      process.env.MULL_SCREENSHOTS === '1'
        ? 'docs/screenshots/comparison.png'
        : testInfo.outputPath('comparison.png'),
  });
});
