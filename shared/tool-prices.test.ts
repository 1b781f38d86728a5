import { describe, expect, it } from 'vitest';
import { sumUsd } from './cost.js';
import {
  ToolCallCounts,
  toolCostInNanoUsd,
  toolCostLines,
  toolCostOf,
  toolPrices,
  webSearchFamily,
} from './tool-prices.js';

const none = { webSearchCalls: 0, fileSearchCalls: 0, codeInterpreterContainers: 0 };

describe('ToolCallCounts', () => {
  it('takes whole counts from 0 up', () => {
    expect(ToolCallCounts.parse({ ...none, webSearchCalls: 3 })).toEqual({
      ...none,
      webSearchCalls: 3,
    });
    expect(ToolCallCounts.safeParse({ ...none, fileSearchCalls: -1 }).success).toBe(false);
    expect(ToolCallCounts.safeParse({ ...none, codeInterpreterContainers: 1.5 }).success).toBe(
      false,
    );
  });
});

describe('the tool price table', () => {
  it('holds the pricing page’s built-in tool prices, with the date they were checked', () => {
    expect(toolPrices).toEqual({
      checkedOn: '2026-12-02',
      webSearchReasoningUsdPer1000Calls: 10,
      webSearchNonReasoningUsdPer1000Calls: 25,
      fileSearchUsdPer1000Calls: 2.5,
      codeInterpreterUsdPerContainer: 0.03,
    });
  });

  it.each([
    ['gpt-5', 'reasoning'],
    ['gpt-5-pro-2025-10-06', 'reasoning'],
    ['gpt-5.2', 'reasoning'],
    ['gpt-5.1-codex-max', 'reasoning'],
    ['o3', 'reasoning'],
    ['o3-deep-research-2025-06-26', 'reasoning'],
    ['o4-mini', 'reasoning'],
    ['gpt-4o', 'non-reasoning'],
    ['gpt-4o-mini-2024-07-18', 'non-reasoning'],
    ['gpt-4.1', 'non-reasoning'],
    ['gpt-4.1-mini', 'non-reasoning'],
    ['gpt-4.1-nano', 'non-reasoning'],
    ['my-azure-deployment', undefined],
    ['gpt-50', undefined],
    ['gpt-4o-search-preview', undefined],
  ])('%s searches the web at the %s price', (model, family) => {
    expect(webSearchFamily(model)).toBe(family);
  });
});

describe('toolCostLines', () => {
  it('has no line for a job without tool calls', () => {
    expect(toolCostLines(none, 'gpt-5')).toEqual([]);
    expect(toolCostOf(none, 'gpt-5')).toBe(0);
    expect(toolCostOf(none, 'my-azure-deployment')).toBe(0);
  });

  it('has one line per tool used, with its count, unit and cost', () => {
    const counts = { webSearchCalls: 7, fileSearchCalls: 3, codeInterpreterContainers: 2 };
    expect(toolCostLines(counts, 'o3-deep-research')).toEqual([
      {
        tool: 'web_search',
        label: 'Web search',
        count: 7,
        unit: '$10.00 / 1,000 calls',
        cost: 0.07,
      },
      {
        tool: 'file_search',
        label: 'File search',
        count: 3,
        unit: '$2.50 / 1,000 calls',
        cost: 0.0075,
      },
      {
        tool: 'code_interpreter',
        label: 'Code interpreter',
        count: 2,
        unit: '$0.03 / container',
        cost: 0.06,
      },
    ]);
    expect(toolCostInNanoUsd(counts, 'o3-deep-research')).toBe(137_500_000);
    expect(toolCostOf(counts, 'o3-deep-research')).toBe(0.1375);
  });

  it('prices web search by model family: $25 / 1,000 calls for gpt-4o and gpt-4.1', () => {
    const counts = { ...none, webSearchCalls: 4 };
    expect(toolCostLines(counts, 'gpt-4.1-2025-04-14')).toEqual([
      {
        tool: 'web_search',
        label: 'Web search',
        count: 4,
        unit: '$25.00 / 1,000 calls',
        cost: 0.1,
      },
    ]);
    expect(toolCostOf(counts, 'gpt-5-mini')).toBe(0.04);
  });

  it('has no web search price for a model it cannot place, but still prices the other tools', () => {
    const counts = { webSearchCalls: 2, fileSearchCalls: 1000, codeInterpreterContainers: 0 };
    const lines = toolCostLines(counts, 'my-azure-deployment');
    expect(lines.map((line) => [line.label, line.unit, line.cost])).toEqual([
      ['Web search', 'no price for this model', null],
      ['File search', '$2.50 / 1,000 calls', 2.5],
    ]);
    expect(toolCostOf(counts, 'my-azure-deployment')).toBeNull();
    expect(toolCostOf({ ...counts, webSearchCalls: 0 }, 'my-azure-deployment')).toBe(2.5);
  });

  it('adds up to the cent with no float drift', () => {
    // 0.1 + 0.2 style: 3 x $0.0025 + 1 x $0.03 + 1 x $0.01 in floats is 0.047499999...
    const counts = { webSearchCalls: 1, fileSearchCalls: 3, codeInterpreterContainers: 1 };
    expect(toolCostOf(counts, 'gpt-5')).toBe(0.0475);
    const lines = toolCostLines(counts, 'gpt-5');
    expect(sumUsd(lines.map((line) => line.cost ?? 0))).toBe(0.0475);
    // Many calls: 333,333 file searches at $2.50 / 1,000 is exactly $833.3325.
    expect(toolCostOf({ ...none, fileSearchCalls: 333_333 }, 'gpt-5')).toBe(833.3325);
    // 1,000,001 web searches at $25 / 1,000.
    expect(toolCostOf({ ...none, webSearchCalls: 1_000_001 }, 'gpt-4o')).toBe(25_000.025);
  });
});
