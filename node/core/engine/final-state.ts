// A job's terminal state from the server's terminal response object: the server has the last word.
import type { JobStatus } from '../../../shared/job.js';
import { costOf, sumUsd } from '../../../shared/cost.js';
import type { ModelPrice } from '../../../shared/models.js';
import { digestOf, OutputItem, type OutputDigest } from '../../../shared/output-items.js';
import { toolCostOf } from '../../../shared/tool-prices.js';
import { priceForServedTier } from '../../../shared/tier-price.js';
import { holdsAt } from '../../../shared/text-prefix.js';
import type { JobPatch } from '../store/index.js';
import type { ServerResponse } from '../provider/responses-client.js';
import { finalTextsOf, usageOf } from './final-text.js';

const terminalServerStatuses = new Set(['completed', 'incomplete', 'failed', 'cancelled']);

export function isTerminalResponse(response: ServerResponse): boolean {
  return isTerminalServerStatus(response.status);
}

export function isTerminalServerStatus(status: string | null | undefined): boolean {
  return terminalServerStatuses.has(status ?? '');
}

export interface FinalState {
  patch: JobPatch;
  /** The output items to keep: the server's final output (or the streamed ones, see below). */
  items: OutputItem[];
  /** Set when the streamed text differs from the server's: logged, should never happen. */
  anomaly?: string;
}

/**
 * The patch that ends a job. `assembled` is what the stream gave us; `streamedToEnd` says whether
 * we saw every event (then any difference is an anomaly; after polling, the text may be partial).
 */
export function finalStateOf(
  response: ServerResponse,
  assembled: { answer: string; reasoningSummary: string; items: readonly OutputItem[] },
  streamedToEnd: boolean,
  price: ModelPrice | undefined,
  now: number,
  modelId: string,
): FinalState {
  const server = finalTextsOf(response);
  const status = response.status as JobStatus;
  // A failed or cancelled response may come back with no output at all; the text and items that
  // already streamed are then kept rather than thrown away.
  const keepAssembled =
    (status === 'failed' || status === 'cancelled') &&
    server.answer === '' &&
    server.reasoningSummary === '' &&
    response.output.length === 0;
  const answer = keepAssembled ? assembled.answer : server.answer;
  const reasoningSummary = keepAssembled ? assembled.reasoningSummary : server.reasoningSummary;
  const items = keepAssembled
    ? [...assembled.items]
    : response.output.map((item) => OutputItem.parse(item));
  const outputDigest = items.length > 0 ? digestOf(items) : null;
  const usage = usageOf(response);
  // Billed at the tier the server reports it served (flex is about half price), not the one asked.
  const servedTier = response.service_tier ?? null;
  const billedPrice = priceForServedTier(price, modelId, servedTier);
  const differs = answer !== assembled.answer || reasoningSummary !== assembled.reasoningSummary;
  const partialBeforePoll =
    !streamedToEnd &&
    holdsAt(answer, assembled.answer) &&
    holdsAt(reasoningSummary, assembled.reasoningSummary);
  const anomaly =
    differs && !partialBeforePoll
      ? `streamed text (${assembled.answer.length} chars, summary ${assembled.reasoningSummary.length}) differs from the server's (${answer.length}, ${reasoningSummary.length}); the server's is kept`
      : undefined;
  const error = response.error
    ? { code: response.error.code, message: response.error.message }
    : null;
  return {
    items,
    patch: {
      status,
      serverStatus: response.status ?? null,
      answer,
      reasoningSummary,
      usage,
      cost: jobCost(usage, billedPrice, outputDigest, modelId),
      priceUsed: billedPrice ?? null,
      servedTier,
      outputDigest,
      error,
      incompleteReason: response.incomplete_details?.reason ?? null,
      resolvedModel: response.model,
      finishedAt: now,
    },
    anomaly,
  };
}

/**
 * Tokens at the model's price plus tool calls at the tool price table (shared/tool-prices.ts);
 * null when either is unknown, so a bill is never shown with a part silently missing.
 */
function jobCost(
  usage: ReturnType<typeof usageOf>,
  price: ModelPrice | undefined,
  digest: OutputDigest | null,
  modelId: string,
): number | null {
  if (!usage || !price) return null;
  const tools = digest ? toolCostOf(digest.toolCalls, modelId) : 0;
  return tools === null ? null : sumUsd([costOf(usage, price), tools]);
}
