// Budgets: a monthly budget and a per-job cap (USD; null = none), checked against a job's
// estimated cost range before it is sent. Pure, so the composer and the CLI decide the same way.
//
// `monthSpendUsd` is what the caller counts as spent this calendar month (local time): the cost
// of jobs that finished this month (deleted ones included, as Spend counts them). Running jobs
// are not counted: their cost is unknown until they end, and adding their upper estimates would
// make the budget refuse far too early.
import { formatUsd, sumUsd, type CostRange } from './cost.js';

export interface BudgetLimits {
  monthlyBudgetUsd: number | null;
  perJobCapUsd: number | null;
}

export interface BudgetCheck {
  /** What is left of the monthly budget (never below 0), or null without a monthly budget. */
  leftThisMonth: number | null;
  /** The estimate's upper end is above the per-job cap. */
  overJobCap: boolean;
  /** This month's spend plus the estimate's upper end is above the monthly budget. */
  overMonth: boolean;
  /** One sentence with the numbers when over a limit, else null. */
  sentence: string | null;
}

export function checkBudget(
  limits: BudgetLimits,
  monthSpendUsd: number,
  estimate: CostRange,
): BudgetCheck {
  const { monthlyBudgetUsd, perJobCapUsd } = limits;
  const leftThisMonth =
    monthlyBudgetUsd === null ? null : Math.max(0, sumUsd([monthlyBudgetUsd, -monthSpendUsd]));
  const overJobCap = perJobCapUsd !== null && estimate.high > perJobCapUsd;
  const overMonth =
    monthlyBudgetUsd !== null && sumUsd([monthSpendUsd, estimate.high]) > monthlyBudgetUsd;
  const parts: string[] = [];
  if (perJobCapUsd !== null && estimate.high > perJobCapUsd) {
    parts.push(
      `could cost up to ${formatUsd(estimate.high)}, over the per-job cap of ${formatUsd(perJobCapUsd)}`,
    );
  }
  if (monthlyBudgetUsd !== null && overMonth) {
    parts.push(
      `${overJobCap ? 'and' : 'could cost up to ' + formatUsd(estimate.high) + ','} with ${formatUsd(monthSpendUsd)} spent this month would pass the monthly budget of ${formatUsd(monthlyBudgetUsd)}`,
    );
  }
  const sentence = parts.length === 0 ? null : `This job ${parts.join(' ')}.`;
  return { leftThisMonth, overJobCap, overMonth, sentence };
}

/** The first spend of the local calendar month that holds `now`, as epoch milliseconds. */
export function startOfLocalMonth(now: number): number {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), 1).getTime();
}

/** A month key like "2026-12" (local time), for "once per month" notifications. */
export function localMonthKey(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/**
 * The budget thresholds (80 %, 100 %) this month's spend has reached, highest last. A caller
 * remembers which it announced per month key and notifies each once.
 */
export function budgetThresholdsReached(
  monthlyBudgetUsd: number | null,
  monthSpendUsd: number,
): (80 | 100)[] {
  if (monthlyBudgetUsd === null || monthlyBudgetUsd <= 0) return [];
  const reached: (80 | 100)[] = [];
  if (monthSpendUsd >= monthlyBudgetUsd * 0.8) reached.push(80);
  if (monthSpendUsd >= monthlyBudgetUsd) reached.push(100);
  return reached;
}
