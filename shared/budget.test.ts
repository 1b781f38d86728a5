import { describe, expect, it } from 'vitest';
import {
  budgetThresholdsReached,
  checkBudget,
  localMonthKey,
  startOfLocalMonth,
} from './budget.js';

const none = { monthlyBudgetUsd: null, perJobCapUsd: null };

describe('checkBudget', () => {
  it('without limits is never over and has nothing left to show', () => {
    expect(checkBudget(none, 500, [{ low: 1, high: 1000 }])).toEqual({
      leftThisMonth: null,
      total: { low: 1, high: 1000 },
      overJobCap: false,
      overMonth: false,
      sentence: null,
    });
  });

  it('says what is left this month, exactly to the cent', () => {
    const check = checkBudget({ monthlyBudgetUsd: 10, perJobCapUsd: null }, 9.7, [
      {
        low: 0.1,
        high: 0.2,
      },
    ]);
    expect(check.leftThisMonth).toBe(0.3);
    expect(check.overMonth).toBe(false);
  });

  it('never shows less than nothing left', () => {
    expect(
      checkBudget({ monthlyBudgetUsd: 10, perJobCapUsd: null }, 12, [{ low: 0, high: 0 }])
        .leftThisMonth,
    ).toBe(0);
  });

  it('flags an upper estimate over the per-job cap, with the numbers', () => {
    const check = checkBudget({ monthlyBudgetUsd: null, perJobCapUsd: 1 }, 0, [
      {
        low: 0.1,
        high: 2.5,
      },
    ]);
    expect(check.overJobCap).toBe(true);
    expect(check.overMonth).toBe(false);
    expect(check.sentence).toBe('This job could cost up to $2.50, over the per-job cap of $1.00.');
  });

  it('is not over the cap at exactly the cap', () => {
    expect(
      checkBudget({ monthlyBudgetUsd: 1, perJobCapUsd: 1 }, 0, [{ low: 0, high: 1 }]).sentence,
    ).toBeNull();
  });

  it('flags a job that would pass the monthly budget', () => {
    const check = checkBudget({ monthlyBudgetUsd: 20, perJobCapUsd: null }, 19, [
      {
        low: 0.5,
        high: 2,
      },
    ]);
    expect(check.overMonth).toBe(true);
    expect(check.sentence).toBe(
      'This job could cost up to $2.00; with $19.00 spent this month that would pass the monthly budget of $20.00.',
    );
  });

  it('names both limits in one sentence when both are passed', () => {
    const check = checkBudget({ monthlyBudgetUsd: 20, perJobCapUsd: 1 }, 19, [
      { low: 0.5, high: 2 },
    ]);
    expect(check.sentence).toBe(
      'This job could cost up to $2.00, over the per-job cap of $1.00. With $19.00 spent this month, it would also pass the monthly budget of $20.00.',
    );
  });
});

describe('checkBudget with several jobs or an unknown price', () => {
  const estimates = [
    { low: 0.1, high: 0.4 },
    { low: 0.2, high: 1.5 },
  ];

  it('holds the cap to each job and the month to their sum', () => {
    const check = checkBudget({ monthlyBudgetUsd: 10, perJobCapUsd: 1 }, 8.5, estimates);
    expect(check.total).toEqual({ low: 0.3, high: 1.9 });
    expect(check.overJobCap).toBe(true);
    expect(check.overMonth).toBe(true);
    expect(check.sentence).toBe(
      'One job of this submit could cost up to $1.50, over the per-job cap of $1.00. These jobs could cost up to $1.90; with $8.50 spent this month that would pass the monthly budget of $10.00.',
    );
  });

  it('is under a cap that every job fits, however much they add up to', () => {
    const check = checkBudget({ monthlyBudgetUsd: null, perJobCapUsd: 2 }, 0, estimates);
    expect(check.sentence).toBeNull();
  });

  it('cannot check an unknown price against the cap, but a spent month is still over', () => {
    const limits = { monthlyBudgetUsd: 10, perJobCapUsd: 0.01 };
    expect(checkBudget(limits, 9, null).sentence).toBeNull();
    const spent = checkBudget(limits, 10, null);
    expect(spent.overMonth).toBe(true);
    expect(spent.total).toBeNull();
    expect(spent.sentence).toBe(
      'With $10.00 spent this month, the monthly budget of $10.00 is used up.',
    );
  });
});

describe('budgetThresholdsReached', () => {
  it('reports 80 % and 100 % of the monthly budget', () => {
    expect(budgetThresholdsReached(null, 100)).toEqual([]);
    expect(budgetThresholdsReached(10, 7.99)).toEqual([]);
    expect(budgetThresholdsReached(10, 8)).toEqual([80]);
    expect(budgetThresholdsReached(10, 10)).toEqual([80, 100]);
  });
});

describe('local months', () => {
  it('starts the month at local midnight on the 1st and names it', () => {
    const now = new Date(2026, 11, 2, 13, 5).getTime();
    expect(startOfLocalMonth(now)).toBe(new Date(2026, 11, 1).getTime());
    expect(localMonthKey(now)).toBe('2026-12');
  });
});
