// Attaching a background response by its id, as a person does it in the browser: one started by
// another tool (created here directly on the emulator) is attached through the header's dialog and
// completes on the board with its answer, usage and cost; an id the server does not know shows
// the server's refusal in the dialog and adds nothing; a job of unknown fate (its create request
// was cut before the answer's headers, yet the server runs it) is resolved from its own view.
import { costOf, formatUsd } from '../shared/cost.js';
import { findModel } from '../shared/models.js';
import { expect, test, testKey } from './fixtures/app.js';
import { badgeOf, emulatorUsage, jobRow, jobsBehindThePage } from './support/board-ui.js';
import { createsPerJob, plainAnswer } from './support/job-checks.js';
import { startOutsideResponse } from '../node/emulator/test-support/outside-response.js';

const price = findModel('gpt-5-pro')?.price;
if (!price) throw new Error('gpt-5-pro is in the model registry');

test.use({
  emulatorOptions: {
    config: { defaultScript: { timing: { thinkMs: 1_500, deltaIntervalMs: 20 } } },
  },
});

test('a response started elsewhere: attached through the dialog, it completes on the board with its answer', async ({
  page,
  emulator,
}) => {
  const answer = plainAnswer('Notebook', 40);
  await emulator.control.addScript({ match: { promptIncludes: 'notebook' }, script: { answer } });
  const { id: responseId } = await startOutsideResponse({
    baseURL: emulator.baseURL,
    apiKey: testKey,
    input: 'Asked from a notebook',
  });

  await page.getByRole('button', { name: 'Attach response…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Attach a response' });
  await expect(dialog).toBeVisible();
  const idField = dialog.getByLabel('Response id');
  await expect(idField).toBeFocused();
  await expect(dialog.getByLabel('Provider')).toHaveValue('emulator');
  await dialog.getByLabel('Title (optional)').fill('From the notebook');
  await idField.fill(responseId);
  await idField.press('Enter');

  // The dialog closes on success and the new job opens.
  await expect(dialog).toBeHidden();
  const view = page.getByRole('article', { name: 'From the notebook' });
  await expect(view).toBeVisible();
  await expect(badgeOf(jobRow(page, 'From the notebook'))).toHaveText('Completed', {
    timeout: 30_000,
  });
  await expect(badgeOf(view)).toHaveText('Completed');
  await expect(view.getByRole('region', { name: 'Answer' }).locator('.markdown')).toHaveText(
    answer,
  );

  const jobs = await jobsBehindThePage(page);
  expect(jobs).toHaveLength(1);
  const usage = emulatorUsage(emulator, responseId);
  expect(jobs[0]).toMatchObject({
    responseId,
    status: 'completed',
    model: 'gpt-5-pro',
    usage,
    cost: costOf(usage, price),
  });
  await expect(jobRow(page, 'From the notebook').locator('.job-row__cost')).toHaveText(
    formatUsd(costOf(usage, price)),
  );
  // Mull created nothing: the only create is the other tool's.
  expect(await emulator.control.requests({ kind: 'create' })).toHaveLength(1);
});

test('an id the server does not know: the refusal in the dialog, nothing added; Escape closes', async ({
  page,
  emulator,
}) => {
  await page.getByRole('button', { name: 'Attach response…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Attach a response' });
  const attach = dialog.getByRole('button', { name: 'Attach', exact: true });
  await expect(attach).toBeDisabled();
  await dialog.getByLabel('Response id').fill('resp_0000doesnotexist');
  await attach.click();

  await expect(dialog.getByRole('alert')).toHaveText(
    'Emulator does not know response resp_0000doesnotexist (check the id and the provider); nothing was attached.',
  );
  await expect(dialog).toBeVisible();
  await expect(attach).toBeEnabled();
  expect(await jobsBehindThePage(page)).toHaveLength(0);
  await expect(page.getByRole('listbox', { name: /^Jobs/ }).getByRole('option')).toHaveCount(0);
  expect(
    (await emulator.control.requests({ kind: 'poll' })).map((request) => request.responseId),
  ).toEqual(['resp_0000doesnotexist']);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Opened again, it starts empty.
  await page.getByRole('button', { name: 'Attach response…' }).click();
  await expect(dialog.getByLabel('Response id')).toHaveValue('');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
});

test('a job of unknown fate: its response id attached from its view, it completes, created once', async ({
  page,
  emulator,
}) => {
  const answer = plainAnswer('Recovered', 30);
  await emulator.control.addScript({
    match: { promptIncludes: 'Lost reply' },
    // The create's socket is reset before any response header: Mull cannot know whether the server
    // has the job, so it stops at "unknown"; the server runs it all the same.
    script: { answer, streamFaults: [{ kind: 'reset-before-headers' }] },
  });
  await page.locator('body').press('Escape');
  await page.keyboard.press('n');
  const composer = page.getByRole('form', { name: 'New job' });
  await composer.getByLabel('Prompt', { exact: true }).fill('Lost reply to a hard question');
  await composer.getByRole('button', { name: 'Submit' }).click();

  const view = page.getByRole('article', { name: 'Lost reply to a hard question' });
  await expect(badgeOf(view)).toHaveText('Unknown', { timeout: 20_000 });
  await expect(
    view.getByText(/Mull sent this job but never learned its response id/),
  ).toBeVisible();
  const [response] = await emulator.control.responses();
  if (!response) throw new Error('the server has no response');

  const form = view.getByRole('form', { name: "Attach this job's response id" });
  await form.getByLabel('Response id').fill(response.id);
  await form.getByRole('button', { name: 'Attach response id' }).click();

  await expect(badgeOf(view)).toHaveText('Completed', { timeout: 30_000 });
  await expect(view.getByRole('region', { name: 'Answer' }).locator('.markdown')).toHaveText(
    answer,
  );
  await expect(form).toHaveCount(0);
  const jobs = await jobsBehindThePage(page);
  expect(jobs).toHaveLength(1);
  const [job] = jobs;
  expect(job).toMatchObject({ responseId: response.id, status: 'completed', error: null });
  expect(await createsPerJob(emulator)).toEqual(new Map([[job?.id, 1]]));
});
