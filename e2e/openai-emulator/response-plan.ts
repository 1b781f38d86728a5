// Turns one create request and its script into the response's whole future: every event with its
// sequence number, the moment (virtual ms after creation) it becomes visible, and the response
// object a poll sees after it. The live run (response-run.ts) then releases it over time.
import { randomBytes } from 'node:crypto';
import { PlanLog, type PlannedEvent, type Progress } from './plan-events.js';
import {
  messageItem,
  newResponseObject,
  outputTextPart,
  reasoningItem,
  servedTier,
  usageOf,
  withShuffledKeys,
  type OutputItem,
  type ResponseFields,
  type ResponseObject,
  type ResponseStatus,
  type Usage,
} from './response-object.js';
import type { Ending, ResponseScript } from './script.js';
import { defaultAnswer, defaultSummary, failureMessage } from './plan-texts.js';
import { deltasOfLength, estimateTokens, splitIntoDeltas } from './text-deltas.js';

export type { PlannedEvent, Progress } from './plan-events.js';

export interface ResponsePlan {
  id: string;
  events: PlannedEvent[];
  /** False when the events carry no sequence number: there is no log to re-stream from. */
  sequenced: boolean;
  /** The scripted `cancelled` ending: after this many events, at this moment, the run stops. */
  cancelAfter?: { events: number; dueMs: number };
  /** The response object cancelled at a given point of progress. */
  cancelledAt(progress: Progress | undefined): ResponseObject;
  /** Tokens of this response, for the input of a follow-up (`previous_response_id`). */
  totalTokens: number;
}

export interface PlanRequest {
  fields: Omit<ResponseFields, 'id'>;
  promptText: string;
  reasoningModel: boolean;
  /** Tokens carried over from the previous response of the conversation. */
  previousTokens: number;
  /** Whether the create asked for a stream (the obfuscation default depends on it). */
  stream: boolean;
  /** false when the request turned the delta obfuscation off. */
  includeObfuscation?: boolean;
}

function itemId(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString('hex')}`;
}

export function planResponse(id: string, req: PlanRequest, script: ResponseScript): ResponsePlan {
  const base = newResponseObject({ id, ...req.fields });
  const t = script.timing;
  const summaryWanted = req.reasoningModel && req.fields.reasoning.summary !== null;
  const summaryTexts = !summaryWanted
    ? []
    : typeof script.reasoningSummary === 'string'
      ? [script.reasoningSummary]
      : (script.reasoningSummary ?? defaultSummary);
  const summaryParts = summaryTexts.map((text) => splitIntoDeltas(text, script.deltaChars));
  const summaryDeltaCount = summaryParts.reduce((n, p) => n + p.length, 0);

  const answerUnit = script.answer ?? defaultAnswer(req.promptText);
  const answerDeltas =
    script.answerDeltas === undefined
      ? splitIntoDeltas(answerUnit, script.deltaChars)
      : deltasOfLength(answerUnit, script.answerDeltas, script.deltaChars);

  // Tokens: reasoning is spent first and counts against max_output_tokens, as on the real API.
  const inputTokens =
    script.usage.inputTokens ??
    estimateTokens((req.fields.instructions ?? '') + req.promptText) + 8 + req.previousTokens;
  const cachedTokens = script.usage.cachedTokens ?? 0;
  let reasoningTokens =
    script.usage.reasoningTokens ?? (req.reasoningModel ? 64 + 4 * summaryDeltaCount : 0);
  const budget = req.fields.maxOutputTokens;
  let answerLimit = answerDeltas.length;
  let ending: Ending = script.ending;
  if (budget !== null && reasoningTokens + answerDeltas.length > budget) {
    reasoningTokens = Math.min(reasoningTokens, budget);
    answerLimit = budget - reasoningTokens;
    ending = { kind: 'incomplete', reason: 'max_output_tokens' };
  }
  if (ending.kind !== 'completed') {
    const scripted = 'afterDeltas' in ending ? ending.afterDeltas : undefined;
    answerLimit = Math.min(answerLimit, scripted ?? Math.floor(answerDeltas.length / 2));
  }
  const usageAfter = (answerCount: number): Usage =>
    usageOf(inputTokens, cachedTokens, answerCount, reasoningTokens);

  // Recorded foreground streams pad deltas with `obfuscation`; the recorded background one does not.
  const obfuscation =
    req.includeObfuscation === false
      ? false
      : (script.obfuscation ?? (req.stream && !req.fields.background));
  const log = new PlanLog({ sequenceNumbers: script.sequenceNumbers, obfuscation });
  const { progress } = log;

  // A background response is created queued and says so; a foreground one starts in progress.
  const inProgress: ResponseObject = { ...base, status: 'in_progress' };
  if (req.fields.background) {
    log.push('response.created', { response: base }, { snapshot: base });
    log.push('response.queued', { response: base }, { snapshot: base });
  } else {
    log.push('response.created', { response: inProgress }, { snapshot: inProgress });
  }
  log.clock += t.queuedMs;
  progress.started = true;
  const lifecycle = (type: string, response: ResponseObject) =>
    log.push(
      type,
      { response: withShuffledKeys(response) },
      { snapshot: response, order: 'seq-first' },
    );
  lifecycle('response.in_progress', inProgress);

  const reasoningId = itemId('rs');
  const messageId = itemId('msg');
  // An `error` ending before any answer delta fails straight away, before any output (as recorded).
  const failsAtOnce = ending.kind === 'error' && answerLimit === 0;
  const reasoningIndex = req.reasoningModel && !failsAtOnce ? 0 : -1;
  const messageIndex = reasoningIndex + 1;

  const summaryAt = (count: number): string[] => {
    const out: string[] = [];
    let left = count;
    for (const deltas of summaryParts) {
      if (left <= 0) break;
      out.push(deltas.slice(0, left).join(''));
      left -= deltas.length;
    }
    return out;
  };
  const outputAt = (p: Progress, messageStatus: string): OutputItem[] => {
    const items: OutputItem[] = [];
    if (reasoningIndex >= 0) items.push(reasoningItem(reasoningId, summaryAt(p.summaryDeltas)));
    if (p.messageStarted) {
      items.push(
        messageItem(messageId, answerDeltas.slice(0, p.answerDeltas).join(''), messageStatus),
      );
    }
    return items;
  };

  if (reasoningIndex >= 0) {
    log.push('response.output_item.added', {
      item: reasoningItem(reasoningId, []),
      output_index: reasoningIndex,
    });
  }
  if (!failsAtOnce) log.clock += t.thinkMs;
  (reasoningIndex >= 0 ? summaryParts : []).forEach((deltas, summaryIndex) => {
    const where = {
      item_id: reasoningId,
      output_index: reasoningIndex,
      summary_index: summaryIndex,
    };
    log.push('response.reasoning_summary_part.added', {
      ...where,
      part: { type: 'summary_text', text: '' },
    });
    for (const delta of deltas) {
      log.clock += t.deltaIntervalMs;
      progress.summaryDeltas++;
      log.delta('response.reasoning_summary_text.delta', { ...where, delta });
    }
    const text = deltas.join('');
    log.push('response.reasoning_summary_text.done', { ...where, text });
    log.push('response.reasoning_summary_part.done', {
      ...where,
      part: { type: 'summary_text', text },
    });
  });
  if (reasoningIndex >= 0) {
    log.push('response.output_item.done', {
      item: reasoningItem(reasoningId, summaryTexts),
      output_index: reasoningIndex,
    });
  }

  const where = { item_id: messageId, output_index: messageIndex, content_index: 0 };
  if (answerLimit > 0 || ending.kind === 'completed') {
    progress.messageStarted = true;
    log.push('response.output_item.added', {
      item: messageItem(messageId, null, 'in_progress'),
      output_index: messageIndex,
    });
    log.push('response.content_part.added', {
      item_id: messageId,
      content_index: 0,
      part: outputTextPart(''),
      output_index: messageIndex,
    });
    for (let i = 0; i < answerLimit; i++) {
      log.clock += t.deltaIntervalMs;
      progress.answerDeltas++;
      const delta = answerDeltas[i] as string;
      log.delta('response.output_text.delta', { delta, logprobs: [], ...where });
    }
  }
  const text = answerDeltas.slice(0, answerLimit).join('');
  const closeMessage = (status: string) => {
    if (!progress.messageStarted) return;
    log.push('response.output_text.done', { text, logprobs: [], ...where });
    log.push('response.content_part.done', {
      item_id: messageId,
      content_index: 0,
      part: outputTextPart(text),
      output_index: messageIndex,
    });
    log.push('response.output_item.done', {
      item: messageItem(messageId, text, status),
      output_index: messageIndex,
    });
  };
  const completedAt = Math.floor(req.fields.createdAt + log.clock / 1000);
  const terminal = (status: ResponseStatus, extra: Partial<ResponseObject>): ResponseObject => ({
    ...base,
    status,
    output: outputAt(progress, status === 'completed' ? 'completed' : 'incomplete'),
    usage: usageAfter(progress.answerDeltas),
    completed_at: status === 'completed' ? completedAt : null,
    ...extra,
  });
  // The tier actually used shows once a response finishes; a failed one keeps the requested one.
  const tier = { service_tier: servedTier(req.fields.serviceTier) };

  let cancelAfter: ResponsePlan['cancelAfter'];
  switch (ending.kind) {
    case 'completed':
      closeMessage('completed');
      lifecycle('response.completed', terminal('completed', tier));
      break;
    case 'incomplete':
      closeMessage('incomplete');
      lifecycle(
        'response.incomplete',
        terminal('incomplete', { ...tier, incomplete_details: { reason: ending.reason } }),
      );
      break;
    case 'failed': {
      const message = ending.message ?? failureMessage(ending.code);
      lifecycle('response.failed', terminal('failed', { error: { code: ending.code, message } }));
      break;
    }
    case 'error': {
      const { code } = ending;
      const message = ending.message ?? failureMessage(code);
      log.push(
        'error',
        { error: { type: code, code, message, param: null } },
        { order: 'seq-first' },
      );
      const nothing = failsAtOnce ? { output: [], usage: null } : {};
      lifecycle('response.failed', terminal('failed', { error: { code, message }, ...nothing }));
      break;
    }
    case 'cancelled':
      cancelAfter = { events: log.events.length, dueMs: log.clock };
      break;
  }

  const cancelledAt = (p: Progress | undefined): ResponseObject => {
    if (p === undefined || !p.started) return { ...base, status: 'cancelled' };
    return {
      ...base,
      status: 'cancelled',
      output: outputAt(p, 'incomplete'),
      usage: usageAfter(p.answerDeltas),
    };
  };
  return {
    id,
    events: log.events,
    sequenced: script.sequenceNumbers,
    cancelAfter,
    cancelledAt,
    totalTokens: inputTokens + reasoningTokens + answerLimit,
  };
}
