// The building blocks of a response plan: one planned event (its SSE frame serialized once), and
// the log a plan is written into, which numbers events (or not) and pads deltas as the real API.
import { randomBytes } from 'node:crypto';
import type { OutputItem, ResponseObject } from './response-object.js';

/** How far generation got once an event is out; used to build the output of a cancel. */
export interface Progress {
  started: boolean;
  summaryDeltas: number;
  messageStarted: boolean;
  answerDeltas: number;
  /** Finished items before the first reasoning item (MCP tool listings). Replaced, never mutated. */
  leadItems: readonly OutputItem[];
  /** Finished items between the first reasoning item and the answer. Replaced, never mutated. */
  midItems: readonly OutputItem[];
  /** Annotations of the answer announced so far. */
  annotations: number;
}

export function initialProgress(): Progress {
  return {
    started: false,
    summaryDeltas: 0,
    messageStarted: false,
    answerDeltas: 0,
    leadItems: [],
    midItems: [],
    annotations: 0,
  };
}

export interface PlannedEvent {
  /** The event's sequence number (or, in a log without numbers, its place in the log). */
  seq: number;
  type: string;
  /** The SSE frame, serialized once. */
  frame: string;
  /** Virtual ms after creation when the event becomes visible. */
  dueMs: number;
  /** What a poll returns once this event is out (lifecycle events only). */
  snapshot?: ResponseObject;
  progress: Progress;
}

export function frameOf(type: string, data: unknown): string {
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The frame of an event moved to another sequence number (its only top-level number field). */
export function renumberedFrame(frame: string, seq: number): string {
  return frame.replace(/"sequence_number":\d+/, `"sequence_number":${seq}`);
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
let obfuscationState = randomBytes(4).readUInt32LE(0) || 1;

/**
 * Random letters that pad `delta` to a multiple of 16 characters, as on the real API (every
 * recorded delta plus its `obfuscation` is 16, 32, 48, ... code points long; 0 extra at a multiple).
 */
export function obfuscationFor(delta: string): string {
  const length = (16 - (Array.from(delta).length % 16)) % 16;
  let out = '';
  for (let i = 0; i < length; i++) {
    // xorshift32: cheap enough for benchmark-sized answers.
    let x = obfuscationState;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    obfuscationState = x >>> 0;
    out += alphabet.charAt(obfuscationState % alphabet.length);
  }
  return out;
}

export interface PlanLogOptions {
  /** false: no `sequence_number` on any event. */
  sequenceNumbers: boolean;
  /** Add the `obfuscation` field to text deltas. */
  obfuscation: boolean;
}

/** The events of a plan as they are written, on the plan's virtual clock. */
export class PlanLog {
  readonly events: PlannedEvent[] = [];
  /** Virtual ms after creation of the next event. */
  clock = 0;
  readonly progress: Progress = initialProgress();

  constructor(private readonly opts: PlanLogOptions) {}

  /** Whether this stream's deltas carry `obfuscation`. */
  get obfuscates(): boolean {
    return this.opts.obfuscation;
  }

  push(
    type: string,
    data: Record<string, unknown>,
    extra?: { snapshot?: ResponseObject; order?: 'seq-first' },
  ): void {
    const seq = this.events.length;
    const payload = !this.opts.sequenceNumbers
      ? { type, ...data }
      : extra?.order === 'seq-first'
        ? { type, sequence_number: seq, ...data }
        : { type, ...data, sequence_number: seq };
    this.events.push({
      seq,
      type,
      frame: frameOf(type, payload),
      dueMs: this.clock,
      snapshot: extra?.snapshot,
      progress: { ...this.progress },
    });
  }

  /** A text delta event, with the `obfuscation` padding when this stream has it. */
  delta(type: string, data: Record<string, unknown> & { delta: string }): void {
    this.push(
      type,
      this.opts.obfuscation ? { ...data, obfuscation: obfuscationFor(data.delta) } : data,
    );
  }
}
