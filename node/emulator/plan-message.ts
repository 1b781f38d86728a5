// The events of one assistant message in a plan: opened (`output_item.added`, `content_part.added`),
// its deltas with any annotations announced as the cited text goes out, and closed (`.done`
// events). Output text as in the recordings; a refusal as real/mira-refusal.json (no logprobs,
// no obfuscation on its deltas); a phase as real/vercel-phase-codex.json.
import type { PlacedAnnotation } from './cited-answer.js';
import type { PlanLog } from './plan-events.js';
import {
  messageItem,
  outputTextPart,
  refusalPart,
  type MessageShape,
  type OutputItem,
} from './response-object.js';

export interface PlannedMessage {
  id: string;
  outputIndex: number;
  deltas: readonly string[];
  refusal: boolean;
  phase?: MessageShape['phase'];
  annotations: readonly PlacedAnnotation[];
}

function where(m: PlannedMessage) {
  return { item_id: m.id, output_index: m.outputIndex, content_index: 0 };
}

/** The message as it stands after `deltaCount` deltas and `annotationCount` annotations. */
export function messageAt(
  m: PlannedMessage,
  deltaCount: number,
  annotationCount: number,
  status: string,
): OutputItem {
  return messageItem(m.id, m.deltas.slice(0, deltaCount).join(''), status, {
    refusal: m.refusal,
    phase: m.phase,
    annotations: m.annotations.slice(0, annotationCount).map((a) => a.annotation),
  });
}

export function openMessage(log: PlanLog, m: PlannedMessage): void {
  log.push('response.output_item.added', {
    item: messageItem(m.id, null, 'in_progress', { phase: m.phase }),
    output_index: m.outputIndex,
  });
  log.push('response.content_part.added', {
    item_id: m.id,
    content_index: 0,
    part: m.refusal ? refusalPart('') : outputTextPart(''),
    output_index: m.outputIndex,
  });
}

export interface StreamHooks {
  deltaIntervalMs: number;
  /** Called before each delta event is written (to advance the plan's progress). */
  beforeDelta(): void;
  beforeAnnotation(): void;
}

/**
 * Writes the first `count` deltas; each annotation follows the delta that completes its span, as
 * in the recording. Returns how many annotations were announced.
 */
export function streamMessage(
  log: PlanLog,
  m: PlannedMessage,
  count: number,
  hooks: StreamHooks,
): number {
  let length = 0;
  let announced = 0;
  for (let i = 0; i < count; i++) {
    log.clock += hooks.deltaIntervalMs;
    hooks.beforeDelta();
    const delta = m.deltas[i] as string;
    length += delta.length;
    if (m.refusal) log.push('response.refusal.delta', { ...where(m), delta });
    else log.delta('response.output_text.delta', { delta, logprobs: [], ...where(m) });
    while (announced < m.annotations.length && (m.annotations[announced]?.at ?? 0) <= length) {
      hooks.beforeAnnotation();
      log.push('response.output_text.annotation.added', {
        ...where(m),
        annotation_index: announced,
        annotation: m.annotations[announced]?.annotation,
      });
      announced++;
    }
  }
  return announced;
}

/** The `.done` events of a message that got `count` deltas and `announced` annotations. */
export function closeMessage(
  log: PlanLog,
  m: PlannedMessage,
  count: number,
  announced: number,
  status: string,
): OutputItem {
  const text = m.deltas.slice(0, count).join('');
  const annotations = m.annotations.slice(0, announced).map((a) => a.annotation);
  if (m.refusal) log.push('response.refusal.done', { ...where(m), refusal: text });
  else log.push('response.output_text.done', { text, logprobs: [], ...where(m) });
  log.push('response.content_part.done', {
    item_id: m.id,
    content_index: 0,
    part: m.refusal ? refusalPart(text) : outputTextPart(text, annotations),
    output_index: m.outputIndex,
  });
  const item = messageAt(m, count, announced, status);
  log.push('response.output_item.done', { item, output_index: m.outputIndex });
  return item;
}
