import { describe, expect, it } from 'vitest';
import { findModel } from '../../../shared/models.js';
import { comparedOptions, composeComparison, effortFor } from './composer-comparison.js';
import { estimateEachJob, estimateJobsCost, type ComposerOptions } from './composer-jobs.js';

const first: ComposerOptions = {
  model: 'gpt-5-pro',
  providerId: 'openai',
  effort: 'high',
  reasoningSummary: true,
  maxOutputTokens: undefined,
};
const known = (id: string) => {
  const model = findModel(id);
  if (!model) throw new Error(`no model ${id}`);
  return model;
};

describe('a comparison from the composer', () => {
  it('groups each prompt’s jobs across the models, one new group per prompt', () => {
    let groups = 0;
    const perModel = comparedOptions(first, [known('o3-pro'), known('gpt-5')], 'high', {
      webSearch: false,
      codeInterpreter: false,
    });
    const jobs = composeComparison(['A', 'B'], 1, perModel, () => `g${(groups += 1)}`);
    expect(jobs.map((job) => [job.prompt, job.model, job.groupId])).toEqual([
      ['A', 'gpt-5-pro', 'g1'],
      ['A', 'o3-pro', 'g1'],
      ['A', 'gpt-5', 'g1'],
      ['B', 'gpt-5-pro', 'g2'],
      ['B', 'o3-pro', 'g2'],
      ['B', 'gpt-5', 'g2'],
    ]);
  });

  it('makes no group for one model', () => {
    const jobs = composeComparison(['A'], 2, [first], () => 'never');
    expect(jobs.map((job) => job.groupId)).toEqual([undefined, undefined]);
  });

  it('gives each model the effort asked for when it takes it, else its own default', () => {
    const gpt41 = known('gpt-4.1');
    expect(effortFor(gpt41, 'high')).toBeNull();
    const o3pro = known('o3-pro');
    expect(o3pro.efforts).not.toContain('xhigh');
    expect(effortFor(o3pro, 'xhigh')).toBe(o3pro.defaultEffort);
    expect(effortFor(o3pro, 'low')).toBe('low');
  });

  it('estimates each job of every model, copies included', () => {
    const models = [known('gpt-5-pro'), known('gpt-5')];
    const ranges = estimateEachJob(['A prompt', 'Another'], 2, models, 1000, undefined);
    expect(ranges).toHaveLength(8);
    const each = models.map((model) => estimateJobsCost(['A prompt', 'Another'], 2, model, 1000));
    const sum = (ends: number[]) => ends.reduce((a, b) => a + b, 0);
    expect(sum((ranges ?? []).map((range) => range.high))).toBeCloseTo(
      (each[0]?.high ?? 0) + (each[1]?.high ?? 0),
    );
    expect(estimateEachJob(['A'], 1, [models[0], undefined], 1000, undefined)).toBeNull();
  });
});
