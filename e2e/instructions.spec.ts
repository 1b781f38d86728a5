// Instructions (a system prompt), as a person sets them: a default in Settings that the composer
// starts with, changed per job, sent in the create request, shown with the job, and sent again
// with a follow-up (the API does not carry instructions over a previous_response_id).
import { expect, test } from './fixtures/app.js';
import { badgeOf } from './support/board-ui.js';

test('default instructions from Settings go out with a job and with its follow-up', async ({
  page,
  emulator,
}) => {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const defaults = page.getByLabel('Default instructions for new jobs');
  await defaults.fill('Answer as a careful reviewer.');
  await defaults.blur();
  await page.keyboard.press('Escape');

  await page.locator('body').press('Escape');
  await page.keyboard.press('n');
  const composer = page.getByRole('form', { name: 'New job' });
  const instructions = composer.getByLabel('Instructions for the model');
  await expect(instructions).toHaveValue('Answer as a careful reviewer.');
  await instructions.fill('Answer as a careful reviewer.\nCite line numbers.');
  await composer.getByLabel('Prompt', { exact: true }).fill('Review my patch');
  await composer.getByRole('button', { name: 'Submit' }).click();

  const view = page.getByRole('article', { name: 'Review my patch' });
  await expect(badgeOf(view)).toHaveText('Completed', { timeout: 20_000 });
  await expect(view.getByLabel('Instructions', { exact: true })).toHaveText(
    'Answer as a careful reviewer.\nCite line numbers.',
  );

  const followUp = view.getByRole('form', { name: 'Follow-up' });
  await followUp.getByLabel('Ask a follow-up question').fill('And the tests?');
  await followUp.getByRole('button', { name: 'Send follow-up' }).click();
  await expect(badgeOf(page.getByRole('article', { name: 'And the tests?' }))).toHaveText(
    'Completed',
    { timeout: 20_000 },
  );

  const creates = (await emulator.control.requests({ kind: 'create' })).map(
    (request) => request.body as { instructions?: string; previous_response_id?: string },
  );
  expect(creates.map((body) => body.instructions)).toEqual([
    'Answer as a careful reviewer.\nCite line numbers.',
    'Answer as a careful reviewer.\nCite line numbers.',
  ]);
  expect(creates[1]?.previous_response_id).toMatch(/^resp_/u);
});
