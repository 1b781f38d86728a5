// Budgets as a person meets them: a per-job cap and a monthly budget set in Settings; the composer
// says what is left and, for a job whose upper estimate passes the cap, asks before sending.
// "Don't submit" sends nothing; "Submit anyway" sends it.
import { expect, test } from './fixtures/app.js';
import { badgeOf } from './support/board-ui.js';

test('a submit over the per-job cap asks first, and sends only when told to', async ({
  page,
  emulator,
}) => {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const monthly = page.getByLabel('Monthly budget (USD)');
  await monthly.fill('$50');
  await monthly.blur();
  const cap = page.getByLabel('Per-job cap (USD)');
  await cap.fill('0.05');
  await cap.blur();
  await cap.fill('-3');
  await expect(page.getByText('An amount in dollars above 0')).toBeVisible();
  await cap.fill('0.05');
  await cap.blur();
  await page.keyboard.press('Escape');

  await page.locator('body').press('Escape');
  await page.keyboard.press('n');
  const composer = page.getByRole('form', { name: 'New job' });
  await expect(
    composer.getByText('Budget: $50.00 left of $50.00 this month · per-job cap $0.05'),
  ).toBeVisible();
  await composer.getByLabel('Prompt', { exact: true }).fill('Prove the four colour theorem');
  const over = composer
    .getByRole('status')
    .getByText(/^This job could cost up to \$[\d,.]+, over the per-job cap of \$0\.05\./u);
  await expect(over).toBeVisible();

  await composer.getByRole('button', { name: 'Submit' }).click();
  const ask = page.getByRole('dialog', { name: 'Over budget' });
  await expect(ask).toContainText('over the per-job cap of $0.05');
  await ask.getByRole('button', { name: 'Don’t submit' }).click();
  await expect(ask).toBeHidden();
  expect(await emulator.control.requests({ kind: 'create' })).toEqual([]);
  await expect(composer.getByLabel('Prompt', { exact: true })).toHaveValue(
    'Prove the four colour theorem',
  );

  await composer.getByRole('button', { name: 'Submit' }).click();
  await ask.getByRole('button', { name: 'Submit anyway' }).click();
  const view = page.getByRole('article', { name: 'Prove the four colour theorem' });
  await expect(badgeOf(view)).toHaveText('Completed', { timeout: 20_000 });
  const creates = await emulator.control.requests({ kind: 'create' });
  expect(creates).toHaveLength(1);

  // The job's cost now counts against the month: less than $50 is left.
  await page.keyboard.press('n');
  await expect(
    page
      .getByRole('form', { name: 'New job' })
      .getByText(/^Budget: \$49\.\d\d left of \$50\.00 this month/u),
  ).toBeVisible();

  // Spend sets the month against the budget.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Spend', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Spend' })).toContainText(
    /Monthly budget\s*\$50\.00 \(\d+ % spent\)/u,
  );
});
