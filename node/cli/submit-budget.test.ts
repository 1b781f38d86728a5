// `mull submit` past a budget set in the app (the settings in the data directory), run as the real
// CLI against the emulator: refused with the numbers, nothing stored or sent, unless
// --over-budget is given.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobManager, appSettingsKey } from '../core/engine/index.js';
import { printedId, startCliHarness, type CliHarness } from './test-support/cli-harness.js';

let h: CliHarness;
beforeEach(async () => {
  h = await startCliHarness();
});
afterEach(() => h.close());

/** Sets the budgets as the app's Settings stores them. */
async function setBudget(budget: { monthlyBudgetUsd?: number; perJobCapUsd?: number }) {
  const manager = JobManager.open({
    dataDir: h.dataDir,
    drive: false,
    keys: { get: () => Promise.resolve(undefined) },
  });
  manager.setAppSetting(appSettingsKey, { notifications: false, ...budget });
  await manager.close();
}

async function listed(): Promise<unknown[]> {
  const list = await h.mull(['list', '--json']);
  return (JSON.parse(list.stdout) as { jobs: unknown[] }).jobs;
}

describe('mull submit with a budget', { timeout: 60_000 }, () => {
  it('refuses a job over the per-job cap with the numbers, and sends it with --over-budget', async () => {
    await setBudget({ perJobCapUsd: 0.01 });
    const refused = await h.mull(['submit', '-m', 'gpt-5-pro', 'Prove it']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^mull: This job could cost up to \$\d[\d,]*\.\d\d, over the per-job cap of \$0\.01\. Nothing was sent; give --over-budget to send anyway, or change the budget in the app's Settings\.\n$/u,
    );
    expect(await h.emulator.control.requests({ kind: 'create' })).toEqual([]);
    expect(await listed()).toEqual([]);

    const sent = await h.mull(['submit', '-m', 'gpt-5-pro', '--over-budget', 'Prove it']);
    expect(sent.code).toBe(0);
    printedId(sent);
    expect(await h.emulator.control.requests({ kind: 'create' })).toHaveLength(1);
  });

  it('holds a comparison to the monthly budget as a whole, storing none of its jobs', async () => {
    await setBudget({ monthlyBudgetUsd: 0.5, perJobCapUsd: 1000 });
    const refused = await h.mull(['submit', '-m', 'gpt-5-pro,o3-pro', 'Prove it']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /These jobs could cost up to \$[\d,.]+; with \$0\.00 spent this month that would pass the monthly budget of \$0\.50\./u,
    );
    expect(await listed()).toEqual([]);
  });

  it('sends a job that fits: a short answer under a generous cap', async () => {
    await setBudget({ monthlyBudgetUsd: 100, perJobCapUsd: 5 });
    const sent = await h.mull(['submit', '-m', 'gpt-5', '--max-output-tokens', '2000', 'Hi']);
    expect(sent.code).toBe(0);
    expect(sent.stderr).not.toMatch(/budget|cap/u);
  });
});
