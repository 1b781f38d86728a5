// A budget field's text: an amount in dollars ("25", "$25", "2.50"), or empty for none.
import { BudgetAmount } from '../../../shared/budget.js';

export type BudgetFieldValue = { amount: number | null } | { problem: string };

export function parseBudgetField(text: string): BudgetFieldValue {
  const trimmed = text.trim().replace(/^\$/u, '').trim();
  if (trimmed === '') return { amount: null };
  const amount = /^\d+(\.\d+)?$/u.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!BudgetAmount.safeParse(amount).success || amount === 0) {
    return { problem: 'An amount in dollars above 0 (at most 1,000,000), or empty for none.' };
  }
  return { amount };
}

export function budgetFieldText(amount: number | null): string {
  return amount === null ? '' : String(amount);
}
