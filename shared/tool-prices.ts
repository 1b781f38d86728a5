// What a job's hosted tool calls cost, on top of its tokens: web search and file search per 1,000
// calls, code interpreter per container. Computed in integer nano-dollars like shared/cost.ts, so
// a job's tool lines and its token parts add up to the cent.
//
// This file imports nothing of Mull's own (shared/job.ts and shared/output-items.ts import it):
// the model family that decides the web search price is read from the model id here, not from
// the registry in shared/models.ts.
import { z } from 'zod';

/**
 * A job's billable tool calls, counted from its response's output items: `web_search_call`
 * items whose action is a search, `file_search_call` items, and the distinct container ids of
 * `code_interpreter_call` items.
 */
export const ToolCallCounts = z.object({
  webSearchCalls: z.number().int().min(0),
  fileSearchCalls: z.number().int().min(0),
  codeInterpreterContainers: z.number().int().min(0),
});
export type ToolCallCounts = z.infer<typeof ToolCallCounts>;

/**
 * The built-in tool prices, from OpenAI's pricing page ("Built-in tools",
 * https://platform.openai.com/docs/pricing; a stored copy of the page read 2026-12-02):
 * - Web search: Mull sends `web_search_preview` (node/core/engine/create-body.ts), billed
 *   $10.00 / 1k calls for gpt-5 and the o-series (reasoning models) and $25.00 / 1k calls for
 *   gpt-4o, gpt-4.1, gpt-4o-mini and gpt-4.1-mini (non-reasoning; their search content tokens
 *   are free). The newer `web_search` tool is $10.00 / 1k calls for every model.
 * - File search: $2.50 / 1k tool calls (Responses API). Vector store storage ($0.10 / GB per
 *   day, first GB free) is billed per project, not per job, and is not counted here.
 * - Code interpreter: $0.03 / container, the price of the default 1 GB container (Mull sends
 *   `container: {type: 'auto'}`, no memory limit). Not confirmed on OpenAI's own page for
 *   2026: third-party reports say containers have been billed per 20-minute session by memory
 *   size since 2026-03-31 (1 GB $0.03) and per minute with a 5-minute minimum since 2026-06-02,
 *   so a short session may cost less than this. Correct it here when the page says otherwise.
 * Search content tokens and file search result tokens are billed as input tokens and are already
 * in the job's usage.
 */
export const toolPrices = {
  checkedOn: '2026-12-02',
  webSearchReasoningUsdPer1000Calls: 10,
  webSearchNonReasoningUsdPer1000Calls: 25,
  fileSearchUsdPer1000Calls: 2.5,
  codeInterpreterUsdPerContainer: 0.03,
} as const;

const nanoUsdPerUsd = 1_000_000_000;

/** USD as integer nano-dollars (every price here has at most a few decimals). */
function nanoUsd(usd: number): number {
  return Math.round(usd * nanoUsdPerUsd);
}

/** The date suffix of a pinned snapshot name, e.g. `-2025-04-14` in `gpt-4.1-2025-04-14`. */
const snapshotDateSuffix = /-\d{4}-\d{2}-\d{2}$/;

/** Web search preview's family: the pricing page prices gpt-4o / gpt-4.1 apart from gpt-5 / o-series. */
export type WebSearchFamily = 'reasoning' | 'non-reasoning';

/**
 * The web search price family of a model id or snapshot name; undefined for a model Mull cannot
 * place (a custom deployment name), whose web search calls then have no price.
 */
export function webSearchFamily(modelId: string): WebSearchFamily | undefined {
  const id = modelId.replace(snapshotDateSuffix, '');
  if (/^gpt-4o(-mini)?$/.test(id) || /^gpt-4\.1(-mini|-nano)?$/.test(id)) return 'non-reasoning';
  if (/^gpt-5(\.\d+)?(-|$)/.test(id) || /^o\d+(-|$)/.test(id)) return 'reasoning';
  return undefined;
}

export type ToolCostKind = 'web_search' | 'file_search' | 'code_interpreter';

/** One tool's line in a job's bill. */
export interface ToolCostLine {
  tool: ToolCostKind;
  /** "Web search", "File search", "Code interpreter". */
  label: string;
  /** Calls, or containers for code interpreter. */
  count: number;
  /** What one unit costs, e.g. "$10.00 / 1,000 calls"; "no price for this model" when unknown. */
  unit: string;
  /** USD; null when the model's web search price is unknown. */
  cost: number | null;
}

const usd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});

function lineNanoUsd(line: { count: number; nanoUsdPerUnit: number | null }): number | null {
  return line.nanoUsdPerUnit === null ? null : line.count * line.nanoUsdPerUnit;
}

interface PricedLine {
  tool: ToolCostKind;
  label: string;
  count: number;
  unit: string;
  nanoUsdPerUnit: number | null;
}

function pricedLines(counts: ToolCallCounts, modelId: string): PricedLine[] {
  const lines: PricedLine[] = [];
  if (counts.webSearchCalls > 0) {
    const family = webSearchFamily(modelId);
    const per1000 =
      family === 'reasoning'
        ? toolPrices.webSearchReasoningUsdPer1000Calls
        : family === 'non-reasoning'
          ? toolPrices.webSearchNonReasoningUsdPer1000Calls
          : null;
    lines.push({
      tool: 'web_search',
      label: 'Web search',
      count: counts.webSearchCalls,
      unit: per1000 === null ? 'no price for this model' : `${usd.format(per1000)} / 1,000 calls`,
      nanoUsdPerUnit: per1000 === null ? null : nanoUsd(per1000) / 1000,
    });
  }
  if (counts.fileSearchCalls > 0) {
    lines.push({
      tool: 'file_search',
      label: 'File search',
      count: counts.fileSearchCalls,
      unit: `${usd.format(toolPrices.fileSearchUsdPer1000Calls)} / 1,000 calls`,
      nanoUsdPerUnit: nanoUsd(toolPrices.fileSearchUsdPer1000Calls) / 1000,
    });
  }
  if (counts.codeInterpreterContainers > 0) {
    lines.push({
      tool: 'code_interpreter',
      label: 'Code interpreter',
      count: counts.codeInterpreterContainers,
      unit: `${usd.format(toolPrices.codeInterpreterUsdPerContainer)} / container`,
      nanoUsdPerUnit: nanoUsd(toolPrices.codeInterpreterUsdPerContainer),
    });
  }
  return lines;
}

/** One line per tool the job used (none for a job without tool calls), in a fixed order. */
export function toolCostLines(counts: ToolCallCounts, modelId: string): ToolCostLine[] {
  return pricedLines(counts, modelId).map(({ nanoUsdPerUnit, ...line }) => {
    const nano = lineNanoUsd({ count: line.count, nanoUsdPerUnit });
    return { ...line, cost: nano === null ? null : nano / nanoUsdPerUsd };
  });
}

/**
 * The tool calls' cost in integer nano-dollars: 0 without tool calls; null when a call has no
 * known price (web search on a model Mull cannot place).
 */
export function toolCostInNanoUsd(counts: ToolCallCounts, modelId: string): number | null {
  let total = 0;
  for (const line of pricedLines(counts, modelId)) {
    const nano = lineNanoUsd(line);
    if (nano === null) return null;
    total += nano;
  }
  return total;
}

/** The tool calls' cost in USD (see toolCostInNanoUsd). */
export function toolCostOf(counts: ToolCallCounts, modelId: string): number | null {
  const nano = toolCostInNanoUsd(counts, modelId);
  return nano === null ? null : nano / nanoUsdPerUsd;
}
