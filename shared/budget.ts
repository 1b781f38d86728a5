// Budgets: a monthly budget and a per-job cap (USD; null = none), checked against each job's
// estimated cost range before a submit is sent. Pure, so the composer and the CLI decide the same
// way.
//
// `monthSpendUsd` is what the caller counts as spent this calendar month (local time): the cost
// of jobs that finished this month (deleted ones included, as Spend counts them). Running jobs
// are not counted: their cost is unknown until they end, and adding their upper estimates would
// make the budget refuse far too early.
import { z } from 'zod';
import { formatUsd, sumUsd, type CostRange } from './cost.js';

/** A budget amount in USD, or null for none. */
export const BudgetAmount = z.number().positive().max(1_000_000).nullable();

export interface BudgetLimits {
  monthlyBudgetUsd: number | null;
  perJobCapUsd: number | null;
}

export const noBudget: BudgetLimits = { monthlyBudgetUsd: null, perJobCapUsd: null };

export interface BudgetCheck {
  /** What is left of the monthly budget (never below 0), or null without a monthly budget. */
  leftThisMonth: number | null;
  /** The submit's whole range (null when a job's price is unknown, or there are no jobs). */
  total: CostRange | null;
  /** A job's upper estimate is above the per-job cap. */
  overJobCap: boolean;
  /** This month's spend plus the submit's upper estimate is above the monthly budget. */
  overMonth: boolean;
  /** One sentence with the numbers when over a limit, else null. */
  sentence: string | null;
}

/**
 * Checks a submit: `estimates` holds each job's range, or is null when a job's price is unknown.
 * Then no estimate can be checked against the cap, but a month whose budget is already spent is
 * still over: any job adds to it.
 */
export function checkBudget(
  limits: BudgetLimits,
  monthSpendUsd: number,
  estimates: readonly CostRange[] | null,
): BudgetCheck {
  const { monthlyBudgetUsd, perJobCapUsd } = limits;
  const leftThisMonth =
    monthlyBudgetUsd === null ? null : Math.max(0, sumUsd([monthlyBudgetUsd, -monthSpendUsd]));
  const total =
    estimates === null || estimates.length === 0
      ? null
      : {
          low: sumUsd(estimates.map((range) => range.low)),
          high: sumUsd(estimates.map((range) => range.high)),
        };
  const largest = estimates === null ? 0 : Math.max(0, ...estimates.map((range) => range.high));
  const several = (estimates?.length ?? 0) > 1;
  const overJobCap = perJobCapUsd !== null && largest > perJobCapUsd;
  const overMonth =
    monthlyBudgetUsd !== null &&
    (total === null
      ? monthSpendUsd >= monthlyBudgetUsd
      : sumUsd([monthSpendUsd, total.high]) > monthlyBudgetUsd);
  const parts: string[] = [];
  if (overJobCap) {
    parts.push(
      `${several ? 'One job of this submit' : 'This job'} could cost up to ${formatUsd(largest)}, over the per-job cap of ${formatUsd(perJobCapUsd)}.`,
    );
  }
  if (overMonth) {
    parts.push(monthSentence(monthSpendUsd, monthlyBudgetUsd, total, several, overJobCap));
  }
  const sentence = parts.length === 0 ? null : parts.join(' ');
  return { leftThisMonth, total, overJobCap, overMonth, sentence };
}

/** Why the month's budget is passed; after a cap sentence about the same single job, "also". */
function monthSentence(
  monthSpendUsd: number,
  budgetUsd: number,
  total: CostRange | null,
  several: boolean,
  afterCapSentence: boolean,
): string {
  const spent = `${formatUsd(monthSpendUsd)} spent this month`;
  const budget = formatUsd(budgetUsd);
  if (total === null) return `With ${spent}, the monthly budget of ${budget} is used up.`;
  if (afterCapSentence && !several) {
    return `With ${spent}, it would also pass the monthly budget of ${budget}.`;
  }
  const jobs = several ? 'These jobs' : 'This job';
  return `${jobs} could cost up to ${formatUsd(total.high)}; with ${spent} that would pass the monthly budget of ${budget}.`;
}

/** The first moment of the local calendar month that holds `now`, as epoch milliseconds. */
export function startOfLocalMonth(now: number): number {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), 1).getTime();
}

/** A month key like "2026-12" (local time), for "once per month" notifications. */
export function localMonthKey(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export type BudgetThreshold = 80 | 100;

/**
 * The budget thresholds (80 %, 100 %) this month's spend has reached, highest last. A caller
 * remembers which it announced per month key and notifies each once.
 */
export function budgetThresholdsReached(
  monthlyBudgetUsd: number | null,
  monthSpendUsd: number,
): BudgetThreshold[] {
  if (monthlyBudgetUsd === null || monthlyBudgetUsd <= 0) return [];
  const reached: BudgetThreshold[] = [];
  if (monthSpendUsd >= monthlyBudgetUsd * 0.8) reached.push(80);
  if (monthSpendUsd >= monthlyBudgetUsd) reached.push(100);
  return reached;
}
