// A job's bill in parts: uncached input, cached input, visible output and reasoning (billed as
// output), each with its tokens and, when the price is known, its cost at that price; then one
// line per hosted tool used (shared/tool-prices.ts).
import { costOf, sumUsd } from '../../../shared/cost.js';
import type { TokenUsage } from '../../../shared/job.js';
import type { ModelPrice } from '../../../shared/model-price.js';
import {
  toolCostLines,
  type ToolCallCounts,
  type ToolCostLine,
} from '../../../shared/tool-prices.js';

export interface UsagePart {
  label: string;
  tokens: number;
  usdPerMillion: number | null;
  cost: number | null;
}

const noTokens: TokenUsage = {
  inputTokens: 0,
  cachedTokens: 0,
  outputTokens: 0,
  reasoningTokens: 0,
  totalTokens: 0,
};

export function usageParts(usage: TokenUsage, price: ModelPrice | undefined): UsagePart[] {
  // Servers have reported more cached than input tokens, and more reasoning than output tokens:
  // clamp so no part goes negative (costOf clamps the same way).
  const cached = Math.min(usage.cachedTokens, usage.inputTokens);
  const reasoning = Math.min(usage.reasoningTokens, usage.outputTokens);
  const cost = (part: Partial<TokenUsage>) =>
    price ? costOf({ ...noTokens, ...part }, price) : null;
  return [
    {
      label: 'Input',
      tokens: usage.inputTokens - cached,
      usdPerMillion: price?.inputUsdPerMillion ?? null,
      cost: cost({ inputTokens: usage.inputTokens - cached }),
    },
    {
      label: 'Cached input',
      tokens: cached,
      usdPerMillion: price ? (price.cachedInputUsdPerMillion ?? price.inputUsdPerMillion) : null,
      cost: cost({ inputTokens: cached, cachedTokens: cached }),
    },
    {
      label: 'Output',
      tokens: usage.outputTokens - reasoning,
      usdPerMillion: price?.outputUsdPerMillion ?? null,
      cost: cost({ outputTokens: usage.outputTokens - reasoning }),
    },
    {
      label: 'Reasoning',
      tokens: reasoning,
      usdPerMillion: price?.outputUsdPerMillion ?? null,
      cost: cost({ outputTokens: reasoning }),
    },
  ];
}

export function partsTotal(parts: readonly UsagePart[]): number | null {
  if (parts.some((part) => part.cost === null)) return null;
  return sumUsd(parts.map((part) => part.cost ?? 0));
}

/** A job's tool lines (web search, file search, code interpreter), none without tool calls. */
export function toolParts(toolCalls: ToolCallCounts | null, modelId: string): ToolCostLine[] {
  return toolCalls ? toolCostLines(toolCalls, modelId) : [];
}

/** Token parts and tool lines together, to the cent; null when any of them has no price. */
export function billTotal(
  parts: readonly UsagePart[],
  tools: readonly ToolCostLine[],
): number | null {
  const tokens = partsTotal(parts);
  if (tokens === null || tools.some((line) => line.cost === null)) return null;
  return sumUsd([tokens, ...tools.map((line) => line.cost ?? 0)]);
}

/** Which price a job's bill is shown at, and what to say about it. */
export interface BillPrice {
  price: ModelPrice | undefined;
  /**
   * `used`: the price the job's cost was computed with when it ended (rows and total agree);
   * `estimate`: a running job at today's price (its cost is fixed when it ends);
   * `current`: a finished job from before prices were kept with jobs, at today's price.
   */
  basis: 'used' | 'estimate' | 'current';
  /** Today's price differs from the one used: an override since, which applies to new jobs. */
  newerPrice: boolean;
}

function samePrice(a: ModelPrice, b: ModelPrice): boolean {
  return (
    a.inputUsdPerMillion === b.inputUsdPerMillion &&
    a.cachedInputUsdPerMillion === b.cachedInputUsdPerMillion &&
    a.outputUsdPerMillion === b.outputUsdPerMillion
  );
}

export function billPrice(
  job: { priceUsed: ModelPrice | null; finishedAt: number | null },
  current: ModelPrice | undefined,
): BillPrice {
  if (job.priceUsed !== null) {
    return {
      price: job.priceUsed,
      basis: 'used',
      newerPrice: current !== undefined && !samePrice(current, job.priceUsed),
    };
  }
  return {
    price: current,
    basis: job.finishedAt === null ? 'estimate' : 'current',
    newerPrice: false,
  };
}
