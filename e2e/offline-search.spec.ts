// Answers are kept locally: with the provider gone (the emulator closed) and Mull restarted, a
// word from an old answer still finds its job, and the answer opens with its whole text.
import { expect, test } from './fixtures/app.js';
import { badgeOf, jobRow, submitPrompts } from './support/board-ui.js';
import { plainAnswer } from './support/job-checks.js';

test('offline after a restart: search finds a word from an old answer and opens it', async ({
  page,
  emulator,
  restartHost,
}) => {
  const other = { title: 'Old question: the solar wind', answer: plainAnswer('Heliopause', 60) };
  const sought = { title: 'Old question: metal alloys', answer: plainAnswer('Quasicrystal', 60) };
  const jobs = [other, sought];
  for (const { title, answer } of jobs) {
    await emulator.control.addScript({ match: { promptIncludes: title }, script: { answer } });
  }
  await submitPrompts(page, [other.title, sought.title]);
  for (const { title } of jobs) {
    await expect(badgeOf(jobRow(page, title))).toHaveText('Completed', { timeout: 30_000 });
  }

  await emulator.close(); // the fixture's own close at teardown tolerates a second one
  await expect(fetch(`${emulator.url}/_emulator/health`)).rejects.toThrow();
  await restartHost();
  await page.reload();
  await expect(badgeOf(jobRow(page, sought.title))).toHaveText('Completed');

  await page.locator('body').press('Escape');
  await page.keyboard.press('/');
  // A prefix of a word that appears only in the second answer.
  await page.keyboard.type('quasicryst');
  const results = page.getByRole('region', { name: 'Search results for quasicryst' });
  await expect(results.getByRole('status')).toHaveText('1 job matches “quasicryst”.');
  const hit = results.getByRole('button', { name: new RegExp(`^${sought.title}`) });
  await expect(hit.locator('mark').first()).toHaveText(/^quasicryst/i);

  await hit.click();
  const view = page.getByRole('article', { name: sought.title });
  await expect(badgeOf(view)).toHaveText('Completed');
  await expect(view.getByRole('region', { name: 'Answer' }).locator('.markdown')).toHaveText(
    sought.answer,
  );
});
