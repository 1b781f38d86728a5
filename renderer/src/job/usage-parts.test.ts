import { describe, expect, it } from 'vitest';
import { costOf } from '../../../shared/cost.js';
import { findModel } from '../../../shared/models.js';
import { partsTotal, usageParts } from './usage-parts.js';

const usage = {
  inputTokens: 12_000,
  cachedTokens: 2_000,
  outputTokens: 9_000,
  reasoningTokens: 6_000,
  totalTokens: 21_000,
};

describe('usageParts', () => {
  it('splits input into uncached and cached, output into visible and reasoning', () => {
    const parts = usageParts(usage, undefined);
    expect(parts.map((part) => [part.label, part.tokens])).toEqual([
      ['Input', 10_000],
      ['Cached input', 2_000],
      ['Output', 3_000],
      ['Reasoning', 6_000],
    ]);
    expect(partsTotal(parts)).toBeNull();
  });

  it('adds up to the cost of the whole usage', () => {
    const price = findModel('gpt-5')?.price;
    if (!price) throw new Error('gpt-5 is in the registry');
    const parts = usageParts(usage, price);
    expect(parts[1]?.usdPerMillion).toBe(0.125);
    expect(partsTotal(parts)).toBe(costOf(usage, price));
  });

  it('bills cached tokens at the input price when the model has no cached discount', () => {
    const price = findModel('gpt-5-pro')?.price;
    if (!price) throw new Error('gpt-5-pro is in the registry');
    const [, cached] = usageParts(usage, price);
    expect(cached?.usdPerMillion).toBe(15);
    expect(partsTotal(usageParts(usage, price))).toBe(costOf(usage, price));
  });

  it('never shows a negative part when the server over-reports', () => {
    const odd = { ...usage, cachedTokens: 20_000, reasoningTokens: 20_000 };
    for (const part of usageParts(odd, undefined)) expect(part.tokens).toBeGreaterThanOrEqual(0);
  });
});
