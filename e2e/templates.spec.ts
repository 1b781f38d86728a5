// A template made in the composer: a prompt with a {{placeholder}}, instructions and two models
// saved under a name; later the composer starts from it, asks for the placeholder's value and
// sends the filled prompt to both models.
import { expect, test } from './fixtures/app.js';

test('a template saved in the composer starts a comparison with its placeholder filled in', async ({
  page,
  emulator,
}) => {
  await page.keyboard.press('n');
  let composer = page.getByRole('form', { name: 'New job' });
  await composer.getByLabel('Prompt', { exact: true }).fill('Explain {{topic}} to a new engineer.');
  await composer.getByText('Instructions', { exact: true }).click();
  await composer.getByLabel('Instructions for the model').fill('Be concrete about {{topic}}.');
  await composer.getByText('Compare with other models').click();
  await composer.getByRole('checkbox', { name: 'GPT-5', exact: true }).check();
  await composer.locator('summary', { hasText: /^Templates/u }).click();
  await composer.getByLabel('Save this prompt as a template').fill('Explainer');
  await composer.getByRole('button', { name: 'Save template' }).click();
  await expect(composer.getByText('Saved “Explainer”.')).toBeVisible();
  expect(await emulator.control.requests({ kind: 'create' })).toEqual([]);

  // A fresh composer: empty, then filled from the template.
  await composer.getByLabel('Prompt', { exact: true }).fill('');
  await page.keyboard.press('Escape');
  await page.locator('body').press('Escape');
  await page.keyboard.press('n');
  composer = page.getByRole('form', { name: 'New job' });
  await composer.locator('summary', { hasText: /^Templates/u }).click();
  await composer.getByLabel('Start from a template').selectOption('Explainer');
  const use = composer.getByRole('button', { name: 'Use template' });
  await expect(use).toBeDisabled();
  await composer.getByLabel('topic').fill('back-pressure');
  await use.click();
  await expect(composer.getByLabel('Prompt', { exact: true })).toHaveValue(
    'Explain back-pressure to a new engineer.',
  );
  await composer.getByRole('button', { name: 'Submit 2 jobs' }).click();

  await expect
    .poll(async () => (await emulator.control.requests({ kind: 'create' })).length)
    .toBe(2);
  const bodies = (await emulator.control.requests({ kind: 'create' })).map(
    (request) => request.body as { model: string; input: unknown; instructions?: string },
  );
  expect(bodies.map((body) => body.model).sort()).toEqual(['gpt-5', 'gpt-5-pro']);
  for (const body of bodies) {
    expect(body.input).toBe('Explain back-pressure to a new engineer.');
    expect(body.instructions).toBe('Be concrete about back-pressure.');
  }
});
