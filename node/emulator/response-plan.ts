// Turns one create request and its script into the response's whole future: every event with its
// sequence number, the moment (virtual ms after creation) it becomes visible, and the response
// object a poll sees after it. The live run (response-run.ts) then releases it over time.
import { citedAnswer } from './cited-answer.js';
import { PlanLog, type PlannedEvent, type Progress } from './plan-events.js';
import {
  closeMessage,
  messageAt,
  openMessage,
  streamMessage,
  type PlannedMessage,
} from './plan-message.js';
import { toolContext, writeCalls, writeListings } from './plan-tool-steps.js';
import {
  newResponseObject,
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
import { topicOf } from './tool-content.js';
import { itemId } from './tool-items.js';
import { planToolRun, type ToolRunPlan } from './tool-run.js';

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
  /** The request's `include` (tool sources, outputs, results). */
  include?: readonly string[];
  /** The model is a deep-research one: its tool run is long (tool-run.ts). */
  deepResearchModel?: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The tool run of a request, if its tools make any call (and the script does not refuse). */
function toolRunOf(req: PlanRequest, script: ResponseScript): ToolRunPlan | undefined {
  if (script.refusal !== undefined) return undefined;
  return planToolRun(
    {
      tools: (req.fields.tools ?? []).filter(isRecord),
      include: req.include ?? [],
      maxToolCalls: req.fields.maxToolCalls ?? null,
      promptText: req.promptText,
      deepResearch: script.deepResearch ?? req.deepResearchModel ?? false,
      toolCallMs: script.timing.toolCallMs,
    },
    script.toolRun,
  );
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

  // With tools, the answer reports what they found and cites it (unless built by repetition).
  const toolRunPlanned = toolRunOf(req, script);
  const cited =
    toolRunPlanned && script.answerDeltas === undefined
      ? citedAnswer(toolRunPlanned, topicOf(req.promptText), script.answer)
      : undefined;
  const answerUnit =
    script.refusal ?? cited?.text ?? script.answer ?? defaultAnswer(req.promptText);
  const answerDeltas =
    script.answerDeltas === undefined
      ? splitIntoDeltas(answerUnit, script.deltaChars)
      : deltasOfLength(answerUnit, script.answerDeltas, script.deltaChars);
  const commentaryDeltas =
    script.commentary === undefined ? [] : splitIntoDeltas(script.commentary, script.deltaChars);

  // Tokens: reasoning is spent first and counts against max_output_tokens, as on the real API.
  const inputTokens =
    script.usage.inputTokens ??
    estimateTokens((req.fields.instructions ?? '') + req.promptText) + 8 + req.previousTokens;
  const cachedTokens = script.usage.cachedTokens ?? 0;
  const toolCallCount = toolRunPlanned?.calls.length ?? 0;
  let reasoningTokens =
    script.usage.reasoningTokens ??
    (req.reasoningModel ? 64 + 4 * summaryDeltaCount + 64 * toolCallCount : 0);
  const budget = req.fields.maxOutputTokens;
  let answerLimit = answerDeltas.length;
  let ending: Ending = script.ending;
  if (budget !== null && reasoningTokens + commentaryDeltas.length + answerDeltas.length > budget) {
    reasoningTokens = Math.min(reasoningTokens, budget);
    answerLimit = Math.max(0, budget - reasoningTokens - commentaryDeltas.length);
    ending = { kind: 'incomplete', reason: 'max_output_tokens' };
  }
  if (ending.kind !== 'completed') {
    const scripted = 'afterDeltas' in ending ? ending.afterDeltas : undefined;
    answerLimit = Math.min(answerLimit, scripted ?? Math.floor(answerDeltas.length / 2));
  }
  // The commentary is out once the answer has started (it comes first).
  const usageAfter = (p: Progress): Usage =>
    usageOf(
      inputTokens,
      cachedTokens,
      p.answerDeltas + (p.messageStarted ? commentaryDeltas.length : 0),
      reasoningTokens,
    );

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

  // An `error` ending before any answer delta fails straight away, before any output (as recorded).
  const failsAtOnce = ending.kind === 'error' && answerLimit === 0;
  const toolRun = failsAtOnce ? undefined : toolRunPlanned;
  const tools = toolRun && toolContext(log, toolRun, t, script.deltaChars);
  const leadCount = tools
    ? writeListings(tools, (item) => {
        progress.leadItems = [...progress.leadItems, item];
      })
    : 0;
  const reasoningId = itemId('rs');
  const reasoningIndex = req.reasoningModel && !failsAtOnce ? leadCount : -1;
  const finishedMid = (item: OutputItem) => {
    progress.midItems = [...progress.midItems, item];
  };

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

  let nextIndex = Math.max(leadCount, reasoningIndex + 1);
  const phased = commentaryDeltas.length > 0 && !failsAtOnce;
  if (phased) {
    const commentary: PlannedMessage = {
      id: itemId('msg'),
      outputIndex: nextIndex++,
      deltas: commentaryDeltas,
      refusal: false,
      phase: 'commentary',
      annotations: [],
    };
    const hooks = {
      deltaIntervalMs: t.deltaIntervalMs,
      beforeDelta: () => {},
      beforeAnnotation: () => {},
    };
    openMessage(log, commentary);
    streamMessage(log, commentary, commentaryDeltas.length, hooks);
    finishedMid(closeMessage(log, commentary, commentaryDeltas.length, 0, 'completed'));
  }
  if (tools) nextIndex = writeCalls(tools, nextIndex, req.reasoningModel, finishedMid);

  const message: PlannedMessage = {
    id: itemId('msg'),
    outputIndex: nextIndex,
    deltas: answerDeltas,
    refusal: script.refusal !== undefined,
    phase: phased ? 'final_answer' : undefined,
    annotations: cited?.annotations ?? [],
  };
  const outputAt = (p: Progress, messageStatus: string): OutputItem[] => {
    const items: OutputItem[] = [...p.leadItems];
    if (reasoningIndex >= 0) items.push(reasoningItem(reasoningId, summaryAt(p.summaryDeltas)));
    items.push(...p.midItems);
    if (p.messageStarted)
      items.push(messageAt(message, p.answerDeltas, p.annotations, messageStatus));
    return items;
  };

  let announced = 0;
  if (answerLimit > 0 || ending.kind === 'completed') {
    progress.messageStarted = true;
    openMessage(log, message);
    announced = streamMessage(log, message, answerLimit, {
      deltaIntervalMs: t.deltaIntervalMs,
      beforeDelta: () => progress.answerDeltas++,
      beforeAnnotation: () => progress.annotations++,
    });
  }
  const close = (status: string) => {
    if (progress.messageStarted) closeMessage(log, message, answerLimit, announced, status);
  };
  const completedAt = Math.floor(req.fields.createdAt + log.clock / 1000);
  const terminal = (status: ResponseStatus, extra: Partial<ResponseObject>): ResponseObject => ({
    ...base,
    status,
    output: outputAt(progress, status === 'completed' ? 'completed' : 'incomplete'),
    usage: usageAfter(progress),
    completed_at: status === 'completed' ? completedAt : null,
    ...extra,
  });
  // The tier actually used shows once a response finishes; a failed one keeps the requested one.
  const tier = { service_tier: servedTier(req.fields.serviceTier) };

  let cancelAfter: ResponsePlan['cancelAfter'];
  switch (ending.kind) {
    case 'completed':
      close('completed');
      lifecycle('response.completed', terminal('completed', tier));
      break;
    case 'incomplete':
      close('incomplete');
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
      usage: usageAfter(p),
    };
  };
  return {
    id,
    events: log.events,
    sequenced: script.sequenceNumbers,
    cancelAfter,
    cancelledAt,
    totalTokens: inputTokens + reasoningTokens + commentaryDeltas.length + answerLimit,
  };
}
