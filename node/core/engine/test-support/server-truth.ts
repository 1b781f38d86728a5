// What the emulator (the server) says a response is, in Mull's terms, to compare jobs against.
import { expect } from 'vitest';
import type { RunningEmulator } from '../../../emulator/index.js';
import { outputText } from '../../../emulator/test-support/sse.js';
import { costOf } from '../../../../shared/cost.js';
import type { Job, TokenUsage } from '../../../../shared/job.js';
import { priceFor } from '../../../../shared/models.js';

export interface ServerTruth {
  status: string;
  answer: string;
  usage: TokenUsage | null;
}

export async function serverTruth(
  emulator: RunningEmulator,
  responseId: string,
): Promise<ServerTruth> {
  const { response } = await emulator.control.response(responseId);
  const usage = response.usage;
  return {
    status: response.status,
    answer: outputText(response),
    usage: usage
      ? {
          inputTokens: usage.input_tokens,
          cachedTokens: usage.input_tokens_details.cached_tokens,
          outputTokens: usage.output_tokens,
          reasoningTokens: usage.output_tokens_details.reasoning_tokens,
          totalTokens: usage.total_tokens,
        }
      : null,
  };
}

/** The job ended as the server says: same status, the exact text, the same usage, its cost. */
export async function expectJobMatchesServer(
  emulator: RunningEmulator,
  job: Job,
): Promise<ServerTruth> {
  expect(job.responseId).not.toBeNull();
  const truth = await serverTruth(emulator, job.responseId ?? '');
  expect(job.status).toBe(truth.status);
  expect(Buffer.from(job.answer, 'utf8').equals(Buffer.from(truth.answer, 'utf8'))).toBe(true);
  expect(job.answer).toBe(truth.answer);
  expect(job.usage).toEqual(truth.usage);
  const price = priceFor(job.model);
  expect(job.cost).toBe(truth.usage && price ? costOf(truth.usage, price) : null);
  return truth;
}
