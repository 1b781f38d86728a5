import { describe, expect, it } from 'vitest';
import {
  costInNanoUsd,
  costOf,
  estimateCostRange,
  estimatePromptTokens,
  formatUsd,
  lowEstimateOutputTokens,
  sumUsd,
} from './cost.js';
import type { TokenUsage } from './job.js';
import type { ModelInfo, ModelPrice } from './models.js';
import { findModel } from './models.js';

function usage(input: number, cached: number, output: number, reasoning = 0): TokenUsage {
  return {
    inputTokens: input,
    cachedTokens: cached,
    outputTokens: output,
    reasoningTokens: reasoning,
    totalTokens: input + output,
  };
}

function model(id: string): ModelInfo {
  const found = findModel(id);
  if (!found) throw new Error(`no model ${id}`);
  return found;
}

const gpt5 = model('gpt-5').price; // 1.25 / 0.125 / 10
const gpt5Pro = model('gpt-5-pro').price; // 15 / - / 120

describe('costOf', () => {
  it('bills uncached input, cached input and output at their own prices', () => {
    // 10,000 uncached x 1.25 + 2,000 cached x 0.125 + 5,000 x 10, per 1M tokens
    expect(costOf(usage(12_000, 2_000, 5_000), gpt5)).toBe(0.06275);
  });

  it('does not bill reasoning tokens again: they are part of the output', () => {
    expect(costOf(usage(1_000, 0, 9_000, 8_000), gpt5)).toBe(costOf(usage(1_000, 0, 9_000), gpt5));
  });

  it('bills cached tokens at the input price when the model has no cached price', () => {
    expect(costOf(usage(1_000_000, 400_000, 0), gpt5Pro)).toBe(15);
  });

  it('is zero for no tokens', () => {
    expect(costOf(usage(0, 0, 0), gpt5Pro)).toBe(0);
  });

  it('a gpt-5-pro job with a long answer', () => {
    // 20,000 x 15 + 150,000 x 120 per 1M = 0.3 + 18
    expect(costOf(usage(20_000, 0, 150_000, 140_000), gpt5Pro)).toBe(18.3);
  });

  it('is exact where float arithmetic drifts', () => {
    const o4mini = model('o4-mini').price; // 1.1 / 0.275 / 4.4
    // (1 x 1.1 + 4 x 4.4) / 1e6 in floats is 0.000018700000000000004.
    expect(costOf(usage(1, 0, 4), o4mini)).toBe(0.0000187);
    expect(costInNanoUsd(usage(3, 1, 7), o4mini)).toBe(2 * 1100 + 1 * 275 + 7 * 4400);
  });

  it('never bills a negative uncached part when the server reports more cached than input', () => {
    expect(costOf(usage(100, 150, 0), gpt5)).toBe(costOf(usage(100, 100, 0), gpt5));
  });

  it('uses an overridden price', () => {
    const cheaper: ModelPrice = { ...gpt5Pro, outputUsdPerMillion: 60 };
    expect(costOf(usage(0, 0, 1_000_000), cheaper)).toBe(60);
  });
});

describe('sumUsd', () => {
  it('adds amounts without float drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumUsd([0.1, 0.2])).toBe(0.3);
    expect(sumUsd(Array.from({ length: 1_000 }, () => 0.0000033))).toBe(0.0033);
  });

  it('is zero for nothing', () => {
    expect(sumUsd([])).toBe(0);
  });
});

describe('formatUsd', () => {
  it.each([
    [0, '$0.00'],
    [0.00001, '<$0.0001'],
    [0.0000999, '<$0.0001'],
    [0.0001, '$0.0001'],
    [0.00042, '$0.0004'],
    [0.0042, '$0.0042'],
    [0.00423, '$0.0042'],
    [0.0099996, '$0.01'],
    [0.0123, '$0.012'],
    [0.05, '$0.05'],
    [0.5, '$0.50'],
    [0.999, '$1.00'],
    [1, '$1.00'],
    [1.234, '$1.23'],
    [18.3, '$18.30'],
    [1234.5, '$1,234.50'],
    [-1.5, '-$1.50'],
    [Number.NaN, '—'],
    [Number.POSITIVE_INFINITY, '—'],
  ])('%d -> %s', (amount, shown) => {
    expect(formatUsd(amount)).toBe(shown);
  });
});

describe('estimatePromptTokens', () => {
  it.each([
    ['', 0],
    ['a', 1],
    ['abcd', 1],
    ['abcde', 2],
    ['x'.repeat(4_000), 1_000],
  ])('%j -> %d tokens', (text, tokens) => {
    expect(estimatePromptTokens(text)).toBe(tokens);
  });
});

describe('estimateCostRange', () => {
  it('low: the prompt and a short answer; high: the prompt and the model’s max output', () => {
    // gpt-5-pro: 15 in / 120 out per 1M; max output 272,000
    expect(lowEstimateOutputTokens).toBe(1_000);
    expect(estimateCostRange(model('gpt-5-pro'), 10_000)).toEqual({ low: 0.27, high: 32.79 });
  });

  it('high uses the given max output tokens', () => {
    expect(estimateCostRange(model('gpt-5'), 100_000, 20_000)).toEqual({ low: 0.135, high: 0.325 });
  });

  it('low never assumes more output than the cap', () => {
    const range = estimateCostRange(model('gpt-5'), 0, 100);
    expect(range.low).toBe(range.high);
    expect(range.high).toBe(0.001);
  });

  it('the output cap never exceeds the model’s max output', () => {
    expect(estimateCostRange(model('o3'), 0, 500_000).high).toBe(
      estimateCostRange(model('o3'), 0).high,
    );
  });

  it('the output cap never exceeds what is left of the context window', () => {
    // o3: 200k context, 100k max output; a 150k prompt leaves 50k for the answer.
    expect(estimateCostRange(model('o3'), 150_000).high).toBe(0.7);
  });

  it('falls back to the context window when the max output is not documented', () => {
    // gpt-5.2-pro: 400k context, 21 in / 168 out
    expect(estimateCostRange(model('gpt-5.2-pro'), 100_000).high).toBe(52.5);
  });

  it('a prompt larger than the context window leaves no room for output', () => {
    const range = estimateCostRange(model('o3'), 250_000);
    expect(range).toEqual({ low: 0.5, high: 0.5 });
  });

  it('uses a given price (e.g. with the person’s overrides)', () => {
    const price: ModelPrice = {
      ...model('o3').price,
      inputUsdPerMillion: 0,
      outputUsdPerMillion: 1,
    };
    expect(estimateCostRange(model('o3'), 1_000, 1_000_000, price).high).toBe(0.1);
  });

  it.each([
    [-1, undefined],
    [1.5, undefined],
    [Number.NaN, undefined],
    [0, -5],
  ])('refuses promptTokens %d with maxOutputTokens %s', (prompt, maxOutput) => {
    expect(() => estimateCostRange(model('o3'), prompt, maxOutput)).toThrow(RangeError);
  });
});
