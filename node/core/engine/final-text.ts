// The server's last word: the texts and usage carried by a terminal response object.
import type { TokenUsage } from '../../../shared/job.js';
import type { ServerResponse } from '../provider/responses-client.js';
import { messageSeparator, summaryPartSeparator } from './stream-fold.js';

export interface FinalTexts {
  answer: string;
  reasoningSummary: string;
}

/**
 * The answer (every output_text and refusal part of every message; a message after some text is
 * set apart by messageSeparator, as the fold does when it starts) and the reasoning summary.
 */
export function finalTextsOf(response: ServerResponse): FinalTexts {
  let answer = '';
  const summary: string[] = [];
  for (const item of response.output) {
    if (item.type === 'message') {
      if (answer !== '') answer += messageSeparator;
      for (const part of item.content) {
        answer += part.type === 'output_text' ? part.text : part.refusal;
      }
    } else if (item.type === 'reasoning') {
      for (const part of item.summary) summary.push(part.text);
    }
  }
  return { answer, reasoningSummary: summary.join(summaryPartSeparator) };
}

export function usageOf(response: ServerResponse): TokenUsage | null {
  const usage = response.usage;
  if (!usage) return null;
  return {
    inputTokens: usage.input_tokens,
    cachedTokens: usage.input_tokens_details.cached_tokens,
    outputTokens: usage.output_tokens,
    reasoningTokens: usage.output_tokens_details.reasoning_tokens,
    totalTokens: usage.total_tokens,
  };
}
