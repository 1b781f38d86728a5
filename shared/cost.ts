// What a job cost, what it may cost, and how to show it.
//
// Money is computed in integer nano-dollars (1e-9 USD): a price of P USD per 1M tokens is
// P * 1000 nano-dollars per token, an integer for every price with at most three decimals (all
// current ones: the smallest step is 0.025). Integer arithmetic is exact, so a job's parts and
// a board's total add up to the cent with no 0.1 + 0.2 drift; only the final division to USD
// rounds. Safe up to Number.MAX_SAFE_INTEGER nano-dollars, about 9 million USD.
import type { TokenUsage } from './job.js';
import type { ModelInfo } from './models.js';
import type { ModelPrice } from './model-price.js';

/** Costs are computed and summed in whole nano-USD (1e-9 USD), so totals do not drift. */
export const nanoUsdPerUsd = 1_000_000_000;
const tokensPerMillion = 1_000_000;

/** USD per 1M tokens as integer nano-dollars per token (rounded past the third decimal). */
function nanoUsdPerToken(usdPerMillion: number): number {
  return Math.round((usdPerMillion * nanoUsdPerUsd) / tokensPerMillion);
}

/**
 * A usage's cost in integer nano-dollars. Cached tokens are part of input tokens and reasoning
 * tokens part of output tokens, so neither is added again.
 */
export function costInNanoUsd(usage: TokenUsage, price: ModelPrice): number {
  // A server reporting more cached than input tokens would otherwise make the uncached part negative.
  const cached = Math.min(usage.cachedTokens, usage.inputTokens);
  const uncached = usage.inputTokens - cached;
  const input = nanoUsdPerToken(price.inputUsdPerMillion);
  const cachedInput = nanoUsdPerToken(price.cachedInputUsdPerMillion ?? price.inputUsdPerMillion);
  const output = nanoUsdPerToken(price.outputUsdPerMillion);
  return uncached * input + cached * cachedInput + usage.outputTokens * output;
}

/** A usage's cost in USD. */
export function costOf(usage: TokenUsage, price: ModelPrice): number {
  return costInNanoUsd(usage, price) / nanoUsdPerUsd;
}

/** Adds USD amounts (e.g. `costOf` results) without float drift. */
export function sumUsd(amounts: Iterable<number>): number {
  let totalNanoUsd = 0;
  for (const amount of amounts) totalNanoUsd += Math.round(amount * nanoUsdPerUsd);
  return totalNanoUsd / nanoUsdPerUsd;
}

const smallestShownUsd = 0.0001;
const dollarsAndCents = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/**
 * USD for display: cents from $1 up ("$1,234.50"); below $1 two significant digits with two to
 * four decimals ("$0.50", "$0.012", "$0.0042"); "<$0.0001" for a tiny non-zero amount; "$0.00"
 * for zero. Not a number shows "—".
 */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '—';
  if (usd < 0) return `-${formatUsd(-usd)}`;
  if (usd === 0) return '$0.00';
  if (usd < smallestShownUsd) return `<$${smallestShownUsd.toFixed(4)}`;
  if (usd >= 1) return `$${dollarsAndCents.format(usd)}`;
  const decimals = Math.min(4, Math.max(2, 1 - Math.floor(Math.log10(usd))));
  // Rounding can leave zeros past the cents ("0.0100" for 0.0099996): drop them.
  return `$${usd.toFixed(decimals).replace(/(\.\d\d\d*?)0+$/, '$1')}`;
}

/**
 * Tokens in a text, roughly: about 4 characters per token, OpenAI's rule of thumb for English.
 * Code and non-Latin scripts (CJK especially) use more tokens per character, so this can be far
 * too low for them. Good enough for a cost estimate, never for enforcing a limit.
 */
export function estimatePromptTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** The answer length assumed for the low end of an estimate: a short reply with little reasoning. */
export const lowEstimateOutputTokens = 1_000;

export interface CostRange {
  low: number;
  high: number;
}

/**
 * A job's likely cost in USD before it is submitted. Both ends bill the whole prompt as uncached
 * input (a first submission rarely hits the cache).
 * - low: the prompt plus a short answer (`lowEstimateOutputTokens`, or the output cap if smaller).
 * - high: the prompt plus the full output cap: `maxOutputTokens` if given, else the model's own
 *   maximum; never more than the model's maximum nor what is left of the context window (which is
 *   also the cap when the model's maximum is not documented).
 * Not included: tool calls billed separately (web search), and for deep research the pages it
 * reads, which add input tokens far beyond the prompt: there the range is only a floor.
 */
export function estimateCostRange(
  model: Pick<ModelInfo, 'contextWindowTokens' | 'maxOutputTokens' | 'price'>,
  promptTokens: number,
  maxOutputTokens?: number,
  price: ModelPrice = model.price,
): CostRange {
  assertTokenCount('promptTokens', promptTokens);
  if (maxOutputTokens !== undefined) assertTokenCount('maxOutputTokens', maxOutputTokens);
  const contextLeft = Math.max(0, model.contextWindowTokens - promptTokens);
  const modelCap = model.maxOutputTokens ?? contextLeft;
  const outputCap = Math.min(maxOutputTokens ?? modelCap, modelCap, contextLeft);
  const costWithOutput = (outputTokens: number): number =>
    costOf(
      {
        inputTokens: promptTokens,
        cachedTokens: 0,
        outputTokens,
        reasoningTokens: 0,
        totalTokens: promptTokens + outputTokens,
      },
      price,
    );
  return {
    low: costWithOutput(Math.min(lowEstimateOutputTokens, outputCap)),
    high: costWithOutput(outputCap),
  };
}

function assertTokenCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number of tokens, 0 or more: got ${value}`);
  }
}
