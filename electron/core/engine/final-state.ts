// A job's terminal state from the server's terminal response object: the server has the last word.
import type { JobStatus } from '../../../shared/job.js';
import { costOf } from '../../../shared/cost.js';
import type { ModelPrice } from '../../../shared/models.js';
import type { JobPatch } from '../store/index.js';
import type { ServerResponse } from '../provider/responses-client.js';
import { finalTextsOf, usageOf } from './final-text.js';

const terminalServerStatuses = new Set(['completed', 'incomplete', 'failed', 'cancelled']);

export function isTerminalResponse(response: ServerResponse): boolean {
  return terminalServerStatuses.has(response.status ?? '');
}

export interface FinalState {
  patch: JobPatch;
  /** Set when the streamed text differs from the server's: logged, should never happen. */
  anomaly?: string;
}

/**
 * The patch that ends a job. `assembled` is what the stream gave us; `streamedToEnd` says whether
 * we saw every event (then any difference is an anomaly; after polling, the text may be partial).
 */
export function finalStateOf(
  response: ServerResponse,
  assembled: { answer: string; reasoningSummary: string },
  streamedToEnd: boolean,
  price: ModelPrice | undefined,
  now: number,
): FinalState {
  const server = finalTextsOf(response);
  const status = response.status as JobStatus;
  // A failed or cancelled response may come back with no output at all; the text that already
  // streamed is then kept rather than thrown away.
  const keepAssembled =
    (status === 'failed' || status === 'cancelled') &&
    server.answer === '' &&
    server.reasoningSummary === '';
  const answer = keepAssembled ? assembled.answer : server.answer;
  const reasoningSummary = keepAssembled ? assembled.reasoningSummary : server.reasoningSummary;
  const usage = usageOf(response);
  const differs = answer !== assembled.answer || reasoningSummary !== assembled.reasoningSummary;
  const partialBeforePoll =
    !streamedToEnd &&
    answer.startsWith(assembled.answer) &&
    reasoningSummary.startsWith(assembled.reasoningSummary);
  const anomaly =
    differs && !partialBeforePoll
      ? `streamed text (${assembled.answer.length} chars, summary ${assembled.reasoningSummary.length}) differs from the server's (${answer.length}, ${reasoningSummary.length}); the server's is kept`
      : undefined;
  const error = response.error
    ? { code: response.error.code, message: response.error.message }
    : null;
  return {
    patch: {
      status,
      serverStatus: response.status ?? null,
      answer,
      reasoningSummary,
      usage,
      cost: usage && price ? costOf(usage, price) : null,
      error,
      incompleteReason: response.incomplete_details?.reason ?? null,
      resolvedModel: response.model,
      finishedAt: now,
    },
    anomaly,
  };
}
