import { describe, expect, it } from 'vitest';
import { costOf } from '../../../shared/cost.js';
import { findModel } from '../../../shared/models.js';
import { billPrice, billTotal, partsTotal, toolParts, usageParts } from './usage-parts.js';

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

describe('tool lines', () => {
  const toolCalls = { webSearchCalls: 3, fileSearchCalls: 0, codeInterpreterContainers: 1 };

  it('has none without tool calls', () => {
    expect(toolParts(null, 'gpt-5')).toEqual([]);
  });

  it('lists the tools used and adds them to the total, to the cent', () => {
    const price = findModel('gpt-5')?.price;
    if (!price) throw new Error('gpt-5 is in the registry');
    const tools = toolParts(toolCalls, 'gpt-5');
    expect(tools.map((line) => [line.label, line.count, line.unit, line.cost])).toEqual([
      ['Web search', 3, '$10.00 / 1,000 calls', 0.03],
      ['Code interpreter', 1, '$0.03 / container', 0.03],
    ]);
    const parts = usageParts(usage, price);
    // Tokens: 10,000 x $1.25 + 2,000 x $0.125 + 9,000 x $10 per 1M = $0.10275.
    expect(partsTotal(parts)).toBe(0.10275);
    expect(billTotal(parts, tools)).toBe(0.16275);
  });

  it('has no total when the model or a tool has no price', () => {
    const tools = toolParts(toolCalls, 'my-azure-deployment');
    expect(tools[0]?.cost).toBeNull();
    expect(billTotal(usageParts(usage, undefined), tools)).toBeNull();
    const price = findModel('gpt-5')?.price;
    if (!price) throw new Error('gpt-5 is in the registry');
    expect(billTotal(usageParts(usage, price), tools)).toBeNull();
  });
});

describe('billPrice', () => {
  const builtIn = findModel('gpt-5')?.price;
  if (!builtIn) throw new Error('gpt-5 is in the registry');
  const override = { ...builtIn, inputUsdPerMillion: 10, checkedOn: '2030-01-02' };

  it('prices a finished job at the price it ended with, and says a newer one exists', () => {
    const bill = billPrice({ priceUsed: builtIn, finishedAt: 5 }, override);
    expect(bill).toEqual({ price: builtIn, basis: 'used', newerPrice: true });
    // Rows and the stored cost agree, whatever the override says.
    expect(billTotal(usageParts(usage, bill.price), [])).toBe(costOf(usage, builtIn));
    expect(billPrice({ priceUsed: builtIn, finishedAt: 5 }, builtIn).newerPrice).toBe(false);
  });

  it('prices a running job at today’s price, as an estimate', () => {
    expect(billPrice({ priceUsed: null, finishedAt: null }, override)).toEqual({
      price: override,
      basis: 'estimate',
      newerPrice: false,
    });
  });

  it('prices a job from before prices were kept at today’s price', () => {
    expect(billPrice({ priceUsed: null, finishedAt: 5 }, override).basis).toBe('current');
  });
});
