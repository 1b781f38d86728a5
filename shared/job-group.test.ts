import { describe, expect, it } from 'vitest';
import { groupModelsText, groupTotals } from './job-group.js';

describe('groupTotals', () => {
  it('adds the known costs and counts the jobs still without one', () => {
    expect(
      groupTotals([
        { status: 'completed', cost: 0.5 },
        { status: 'in_progress', cost: null },
        { status: 'failed', cost: 0.25 },
      ]),
    ).toEqual({ jobs: 3, settled: 2, cost: 0.75, unpriced: 1 });
  });
});

describe('groupModelsText', () => {
  it('names each model once, with its effort, in order', () => {
    expect(
      groupModelsText([
        { model: 'gpt-5-pro', effort: 'high' },
        { model: 'o3-pro', effort: null },
        { model: 'gpt-5', effort: 'high' },
        { model: 'gpt-5', effort: 'high' },
      ]),
    ).toBe('gpt-5-pro (high), o3-pro and gpt-5 (high)');
  });
});
