// A job is billed at the tier its terminal response reports: the flex price for `flex`, the
// standard price (with overrides) for anything else.
import { describe, expect, it } from 'vitest';
import { costOf } from './cost.js';
import { findModel, modelRegistry, priceFor } from './models.js';
import type { ModelPrice } from './model-price.js';
import { priceForServedTier, supportsFlex, waitsForFlexCapacity } from './tier-price.js';

const usage = {
  inputTokens: 10_000,
  cachedTokens: 2_000,
  outputTokens: 50_000,
  reasoningTokens: 40_000,
  totalTokens: 60_000,
};

describe('the price of the served tier', () => {
  it('bills a flex-served o3 job at the flex price, half the standard', () => {
    const standard = priceFor('o3');
    const flex = priceForServedTier(standard, 'o3-2025-04-16', 'flex');
    expect(flex).toEqual(findModel('o3')?.flexPrice);
    if (!standard || !flex) throw new Error('no price');
    // standard: 8,000 x $2 + 2,000 x $0.50 + 50,000 x $8 per 1M = $0.417
    expect(costOf(usage, standard)).toBe(0.417);
    expect(costOf(usage, flex)).toBe(0.2085);
  });

  it.each(['default', 'auto', 'priority', null, undefined])(
    'keeps the standard price (overrides included) for %s',
    (tier) => {
      const overridden: ModelPrice = { ...(priceFor('o3') as ModelPrice), outputUsdPerMillion: 9 };
      expect(priceForServedTier(overridden, 'o3', tier)).toBe(overridden);
    },
  );

  it('keeps the standard price for a flex-served model without a flex price', () => {
    const standard = priceFor('gpt-4.1');
    expect(priceForServedTier(standard, 'gpt-4.1', 'flex')).toBe(standard);
    expect(priceForServedTier(undefined, 'my-deployment', 'flex')).toBeUndefined();
  });

  it('gives every flex model a dated flex price, at most the standard price', () => {
    const flexModels = modelRegistry.filter((m) => supportsFlex(m)).map((m) => m.id);
    expect(flexModels).toEqual(['gpt-5', 'gpt-5-mini', 'o3', 'o4-mini']);
    for (const model of modelRegistry) {
      if (!model.flexPrice) continue;
      expect(model.flexPrice.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(model.flexPrice.inputUsdPerMillion).toBe(model.price.inputUsdPerMillion / 2);
      expect(model.flexPrice.outputUsdPerMillion).toBe(model.price.outputUsdPerMillion / 2);
    }
  });
});

describe('waiting for flex capacity', () => {
  const note = { code: 'flex_capacity', message: 'Waiting for flex capacity.' };
  it('is a pending job with the capacity note, nothing else', () => {
    expect(waitsForFlexCapacity({ status: 'pending', error: note })).toBe(true);
    expect(waitsForFlexCapacity({ status: 'submitting', error: note })).toBe(false);
    expect(waitsForFlexCapacity({ status: 'pending', error: null })).toBe(false);
    expect(waitsForFlexCapacity({ status: 'failed', error: { ...note, code: 'x' } })).toBe(false);
  });
});
