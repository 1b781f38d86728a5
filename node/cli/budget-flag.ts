// `mull submit` and the budgets set in the app's Settings: a submit whose estimate passes the
// per-job cap or the monthly budget is refused with the numbers, storing and sending nothing,
// unless --over-budget is given. The same check as the composer's (shared/budget.ts), where the
// person is asked instead.
import { checkBudget } from '../../shared/budget.js';
import type { CostRange } from '../../shared/cost.js';
import type { NewJob } from '../../shared/job.js';
import { estimateJobCost } from '../../shared/job-estimate.js';
import { findModel } from '../../shared/models.js';
import type { JobManager } from '../core/engine/index.js';

export const budgetFlagHelp = `  --over-budget              send even past the monthly budget or the per-job cap set in
                             the app's Settings (without it such a submit is refused)`;

export class OverBudgetError extends Error {
  override readonly name = 'OverBudgetError';
}

/** Each job's estimate at the price it will be billed, or null when a model's price is unknown. */
function estimatesOf(manager: JobManager, inputs: readonly NewJob[]): CostRange[] | null {
  const ranges: CostRange[] = [];
  for (const input of inputs) {
    const model = findModel(input.model);
    const standard = manager.settings.price(input.model);
    if (!model || !standard) return null;
    const price = input.serviceTier === 'flex' ? (model.flexPrice ?? standard) : standard;
    ranges.push(estimateJobCost(model, input, price));
  }
  return ranges;
}

/** Throws OverBudgetError when the submit passes a budget and --over-budget was not given. */
export function refuseOverBudget(
  manager: JobManager,
  inputs: readonly NewJob[],
  overBudget: boolean | undefined,
): void {
  if (overBudget === true) return;
  const limits = manager.settings.budgetLimits();
  if (limits.monthlyBudgetUsd === null && limits.perJobCapUsd === null) return;
  const check = checkBudget(limits, manager.spentThisMonth(), estimatesOf(manager, inputs));
  if (check.sentence === null) return;
  throw new OverBudgetError(
    `${check.sentence} Nothing was sent; give --over-budget to send anyway, or change the budget in the app's Settings.`,
  );
}
