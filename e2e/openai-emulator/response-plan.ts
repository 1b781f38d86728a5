// Turns one create request and its script into the response's whole future: every event with its
// sequence number, the moment (virtual ms after creation) it becomes visible, and the response
// object a poll sees after it. The live run (response-run.ts) then releases it over time.
import { randomBytes } from 'node:crypto';
import {
  messageItem,
  newResponseObject,
  outputTextPart,
  reasoningItem,
  usageOf,
  withShuffledKeys,
  type OutputItem,
  type ResponseFields,
  type ResponseObject,
  type ResponseStatus,
  type Usage,
} from './response-object.js';
import type { ResponseScript } from './script.js';
import { deltasOfLength, estimateTokens, splitIntoDeltas } from './text-deltas.js';

export interface PlannedEvent {
  seq: number;
  type: string;
  /** The SSE frame, serialized once. */
  frame: string;
  /** Virtual ms after creation when the event becomes visible. */
  dueMs: number;
  /** What a poll returns once this event is out (lifecycle events only). */
  snapshot?: ResponseObject;
  /** How far generation got once this event is out; used to build the output of a cancel. */
  progress: Progress;
}

interface Progress {
  started: boolean;
  summaryDeltas: number;
  messageStarted: boolean;
  answerDeltas: number;
}

export interface ResponsePlan {
  id: string;
  events: PlannedEvent[];
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
}

const defaultSummary = [
  '**Understanding the question**\n\nI restate the problem and note what a complete answer must cover.',
  '**Checking the approach**\n\nI compare two ways to solve it and keep the one with fewer assumptions.',
];

export function defaultAnswer(promptText: string): string {
  const firstLine = promptText.split('\n')[0]?.slice(0, 200) ?? '';
  return [
    `## Answer\n\nYou asked: *${firstLine}*\n\n`,
    'Here is a worked answer from the Mull emulator, with a table and some code:\n\n',
    '| step | result |\n|---|---|\n| think | done |\n| answer | written |\n\n',
    '```ts\nconst answer = 6 * 7; // 42\n```\n\n',
    'Multi-byte text survives too: 日本語のテキスト, emoji 🧠✨, and e\u0301 with a combining accent.',
  ].join('');
}

function itemId(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString('hex')}`;
}

function frameOf(type: string, data: unknown): string {
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
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
  let ending = script.ending;
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

  const events: PlannedEvent[] = [];
  const progress: Progress = {
    started: false,
    summaryDeltas: 0,
    messageStarted: false,
    answerDeltas: 0,
  };
  let clock = 0;
  const push = (
    type: string,
    data: Record<string, unknown>,
    extra?: { snapshot?: ResponseObject; order?: 'seq-first' },
  ) => {
    const seq = events.length;
    const payload =
      extra?.order === 'seq-first'
        ? { type, sequence_number: seq, ...data }
        : { type, ...data, sequence_number: seq };
    events.push({
      seq,
      type,
      frame: frameOf(type, payload),
      dueMs: clock,
      snapshot: extra?.snapshot,
      progress: { ...progress },
    });
  };

  const queued = base;
  push('response.created', { response: queued }, { snapshot: queued });
  push('response.queued', { response: queued }, { snapshot: queued });
  clock += t.queuedMs;
  const inProgress: ResponseObject = { ...base, status: 'in_progress' };
  progress.started = true;
  push(
    'response.in_progress',
    { response: withShuffledKeys(inProgress) },
    { snapshot: inProgress, order: 'seq-first' },
  );

  const reasoningId = itemId('rs');
  const messageId = itemId('msg');
  let outputIndex = 0;
  const reasoningIndex = req.reasoningModel ? outputIndex++ : -1;
  if (req.reasoningModel) {
    push('response.output_item.added', {
      item: reasoningItem(reasoningId, []),
      output_index: reasoningIndex,
    });
  }
  clock += t.thinkMs;
  summaryParts.forEach((deltas, summaryIndex) => {
    const where = {
      item_id: reasoningId,
      output_index: reasoningIndex,
      summary_index: summaryIndex,
    };
    push('response.reasoning_summary_part.added', {
      ...where,
      part: { type: 'summary_text', text: '' },
    });
    for (const delta of deltas) {
      clock += t.deltaIntervalMs;
      progress.summaryDeltas++;
      push('response.reasoning_summary_text.delta', { ...where, delta });
    }
    const text = deltas.join('');
    push('response.reasoning_summary_text.done', { ...where, text });
    push('response.reasoning_summary_part.done', {
      ...where,
      part: { type: 'summary_text', text },
    });
  });
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
  if (req.reasoningModel) {
    push('response.output_item.done', {
      item: reasoningItem(reasoningId, summaryTexts),
      output_index: reasoningIndex,
    });
  }

  const outputAt = (p: Progress, messageStatus: string): OutputItem[] => {
    const items: OutputItem[] = [];
    if (req.reasoningModel) items.push(reasoningItem(reasoningId, summaryAt(p.summaryDeltas)));
    if (p.messageStarted) {
      items.push(
        messageItem(messageId, answerDeltas.slice(0, p.answerDeltas).join(''), messageStatus),
      );
    }
    return items;
  };

  const messageIndex = outputIndex;
  const where = { item_id: messageId, output_index: messageIndex, content_index: 0 };
  if (answerLimit > 0 || ending.kind === 'completed') {
    progress.messageStarted = true;
    push('response.output_item.added', {
      item: messageItem(messageId, null, 'in_progress'),
      output_index: messageIndex,
    });
    push('response.content_part.added', {
      item_id: messageId,
      content_index: 0,
      part: outputTextPart(''),
      output_index: messageIndex,
    });
    for (let i = 0; i < answerLimit; i++) {
      clock += t.deltaIntervalMs;
      progress.answerDeltas++;
      push('response.output_text.delta', { delta: answerDeltas[i], logprobs: [], ...where });
    }
  }
  const text = answerDeltas.slice(0, answerLimit).join('');
  const closeMessage = (status: string) => {
    if (!progress.messageStarted) return;
    push('response.output_text.done', { text, logprobs: [], ...where });
    push('response.content_part.done', {
      item_id: messageId,
      content_index: 0,
      part: outputTextPart(text),
      output_index: messageIndex,
    });
    push('response.output_item.done', {
      item: messageItem(messageId, text, status),
      output_index: messageIndex,
    });
  };
  const completedAt = Math.floor(req.fields.createdAt + clock / 1000);
  const terminal = (status: ResponseStatus, extra: Partial<ResponseObject>): ResponseObject => ({
    ...base,
    status,
    output: outputAt(progress, status === 'completed' ? 'completed' : 'incomplete'),
    usage: usageAfter(progress.answerDeltas),
    completed_at: status === 'completed' ? completedAt : null,
    ...extra,
  });

  let cancelAfter: ResponsePlan['cancelAfter'];
  switch (ending.kind) {
    case 'completed': {
      closeMessage('completed');
      const done = terminal('completed', {});
      push(
        'response.completed',
        { response: withShuffledKeys(done) },
        { snapshot: done, order: 'seq-first' },
      );
      break;
    }
    case 'incomplete': {
      closeMessage('incomplete');
      const done = terminal('incomplete', { incomplete_details: { reason: ending.reason } });
      push(
        'response.incomplete',
        { response: withShuffledKeys(done) },
        { snapshot: done, order: 'seq-first' },
      );
      break;
    }
    case 'failed': {
      const message =
        ending.message ??
        (ending.code === 'rate_limit_exceeded'
          ? 'Rate limit reached. Please try again later.'
          : 'The server had an error while processing your response. Sorry about that! Please retry your request.');
      const done = terminal('failed', { error: { code: ending.code, message } });
      push(
        'response.failed',
        { response: withShuffledKeys(done) },
        { snapshot: done, order: 'seq-first' },
      );
      break;
    }
    case 'cancelled':
      cancelAfter = { events: events.length, dueMs: clock };
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
    events,
    cancelAfter,
    cancelledAt,
    totalTokens: inputTokens + reasoningTokens + answerLimit,
  };
}
