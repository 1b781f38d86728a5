// The 80 % and 100 % notices of the monthly budget: checked each time a job ends, said once per
// month each. What was said is stored beside the settings, so a restart does not say it again;
// a changed budget starts over (80 % of a raised budget is news).
import { z } from 'zod';
import { budgetThresholdsReached, localMonthKey } from '../../shared/budget.js';
import type { EventOf } from '../../shared/ipc/contract.js';
import type { JobManager } from '../core/engine/index.js';

const announcedKey = 'budgetAlerts';

const Announced = z.object({
  month: z.string(),
  budgetUsd: z.number(),
  percents: z.array(z.number()),
});
type Announced = z.infer<typeof Announced>;

/**
 * The notice to give now, or undefined. Only the highest new threshold is said: a job that takes
 * the month from 70 % to 105 % is one notice (100 %), not two.
 */
export function budgetAlertDue(
  manager: JobManager,
  now = Date.now(),
): EventOf<'budget:reached'> | undefined {
  const { monthlyBudgetUsd } = manager.settings.budgetLimits();
  if (monthlyBudgetUsd === null) return undefined;
  const spentUsd = manager.spentThisMonth(now);
  const month = localMonthKey(now);
  const stored = Announced.safeParse(manager.appSetting(announcedKey));
  const said: Announced =
    stored.success && stored.data.month === month && stored.data.budgetUsd === monthlyBudgetUsd
      ? stored.data
      : { month, budgetUsd: monthlyBudgetUsd, percents: [] };
  const fresh = budgetThresholdsReached(monthlyBudgetUsd, spentUsd).filter(
    (percent) => !said.percents.includes(percent),
  );
  const percent = fresh.at(-1);
  if (percent === undefined) return undefined;
  manager.setAppSetting(announcedKey, { ...said, percents: [...said.percents, ...fresh] });
  return { percent, spentUsd, budgetUsd: monthlyBudgetUsd };
}
