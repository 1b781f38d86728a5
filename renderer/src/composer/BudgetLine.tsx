// What is left of the month's budget and the per-job cap, under the cost estimate; when this
// submit would pass one, the sentence that says so (submit then asks first).
import { formatUsd } from '../../../shared/cost.js';
import type { BudgetCheck, BudgetLimits } from '../../../shared/budget.js';

export function BudgetLine({ limits, check }: { limits: BudgetLimits; check: BudgetCheck }) {
  const { monthlyBudgetUsd, perJobCapUsd } = limits;
  if (monthlyBudgetUsd === null && perJobCapUsd === null) return null;
  const parts: string[] = [];
  if (monthlyBudgetUsd !== null && check.leftThisMonth !== null) {
    parts.push(
      `${formatUsd(check.leftThisMonth)} left of ${formatUsd(monthlyBudgetUsd)} this month`,
    );
  }
  if (perJobCapUsd !== null) parts.push(`per-job cap ${formatUsd(perJobCapUsd)}`);
  return (
    <div className="budget-line" role="status">
      <p className="muted">Budget: {parts.join(' · ')}</p>
      {check.sentence && (
        <p className="field__error budget-line__over">
          {check.sentence} Submit asks before sending.
        </p>
      )}
    </div>
  );
}
