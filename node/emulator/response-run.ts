// One background response on the emulated server: it generates on its own clock whether or not
// anyone is listening, keeps its event log, and wakes the stream connections that follow it.
import { frameOf, initialProgress, renumberedFrame } from './plan-events.js';
import type { PlannedEvent, ResponsePlan } from './response-plan.js';
import type { ResponseObject } from './response-object.js';
import type { ResponseScript, StreamFault } from './script.js';

/** A fault fired at a position of the stream (every kind but `reset-before-headers`). */
export type PositionedFault = Extract<StreamFault, { afterSeq: number }>;

const terminalStatuses = new Set(['completed', 'incomplete', 'failed', 'cancelled']);

export interface RunOptions {
  plan: ResponsePlan;
  script: ResponseScript;
  /** Virtual time runs this many times faster than the wall clock. */
  speed: number;
  stream: boolean;
  background: boolean;
  now?: () => number;
}

export class ResponseRun {
  readonly id: string;
  readonly script: ResponseScript;
  readonly createdStreaming: boolean;
  readonly background: boolean;
  readonly createdRealMs: number;
  readonly speed: number;
  /** Stream faults not yet fired, in the order given. */
  readonly pendingStreamFaults: StreamFault[];
  expired = false;
  restreamMaxAgeMs: number | undefined;
  pollAfterMs: number | undefined;

  /** The response as the create answered it, before anything happened. */
  readonly initialSnapshot: ResponseObject;

  private events: PlannedEvent[];
  private cancelAfter: ResponsePlan['cancelAfter'];
  private insertListeners = new Set<(at: number) => void>();
  private released = 0;
  private closed = false;
  private snapshotNow: ResponseObject;
  private timer: NodeJS.Timeout | undefined;
  private waiters: Array<() => void> = [];
  /** The signals of the connections waiting here, each with its one abort listener. */
  private readonly watched = new WeakSet<AbortSignal>();
  private readonly now: () => number;
  private readonly plan: ResponsePlan;

  constructor(opts: RunOptions) {
    this.plan = opts.plan;
    this.id = opts.plan.id;
    this.script = opts.script;
    this.events = opts.plan.events;
    this.cancelAfter = opts.plan.cancelAfter && { ...opts.plan.cancelAfter };
    this.speed = opts.speed;
    this.createdStreaming = opts.stream;
    this.background = opts.background;
    this.now = opts.now ?? Date.now;
    this.createdRealMs = this.now();
    this.pendingStreamFaults = [...opts.script.streamFaults];
    this.restreamMaxAgeMs = opts.script.restreamMaxAgeMs;
    this.pollAfterMs = opts.script.pollAfterMs;
    const first = this.events[0]?.snapshot;
    if (first === undefined) throw new Error('a plan starts with response.created');
    this.snapshotNow = first;
    this.initialSnapshot = first;
    this.releaseDue();
  }

  get releasedCount(): number {
    return this.released;
  }
  /** True once no further event will ever be released. */
  get isClosed(): boolean {
    return this.closed;
  }
  get snapshot(): ResponseObject {
    return this.snapshotNow;
  }
  get isTerminal(): boolean {
    return terminalStatuses.has(this.snapshotNow.status);
  }
  /** False when events carry no sequence number: the server keeps no log to re-stream from. */
  get sequenced(): boolean {
    return this.plan.sequenced;
  }
  get totalTokens(): number {
    return this.plan.totalTokens;
  }
  /** Age in virtual ms. */
  get virtualAgeMs(): number {
    return (this.now() - this.createdRealMs) * this.speed;
  }

  event(seq: number): PlannedEvent | undefined {
    return seq < this.released ? this.events[seq] : undefined;
  }

  /** The next event even if not released yet (for a cut-off frame); undefined past the end. */
  upcomingEvent(seq: number): PlannedEvent | undefined {
    return this.events[seq];
  }

  /**
   * Resolves when more events are released, the log closes or `signal` aborts. A connection waits
   * once per event, so its signal gets one listener for its lifetime, not one per wait (a
   * thousand streams made that the emulator's largest cost after the socket writes); the abort
   * wakes every waiter, and each looks again at what it waits for.
   */
  waitForChange(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    if (!this.watched.has(signal)) {
      this.watched.add(signal);
      signal.addEventListener('abort', () => this.wakeAll(), { once: true });
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** The index of the first event numbered above `seq` (a resume with `starting_after=seq`). */
  indexAfter(seq: number): number {
    let i = Math.max(0, Math.min(seq + 1, this.events.length));
    while (i > 0 && (this.events[i - 1] as PlannedEvent).seq > seq) i--;
    while (i < this.events.length && (this.events[i] as PlannedEvent).seq <= seq) i++;
    return i;
  }

  /** Takes the first pending fault a connection positioned after event `lastWritten` must fire. */
  takeStreamFault(lastWritten: number): PositionedFault | undefined {
    const index = this.pendingStreamFaults.findIndex(
      (f) => 'afterSeq' in f && f.afterSeq === lastWritten,
    );
    if (index < 0) return undefined;
    return this.pendingStreamFaults.splice(index, 1)[0] as PositionedFault;
  }

  /** Takes a pending `reset-before-headers` fault, if any: the next reply must never start. */
  takeHeaderFault(): boolean {
    const index = this.pendingStreamFaults.findIndex((f) => f.kind === 'reset-before-headers');
    if (index < 0) return false;
    this.pendingStreamFaults.splice(index, 1);
    return true;
  }

  /** The lowest `afterSeq` of a pending fault in [from, to], for cutting write batches there. */
  nextFaultSeq(from: number, to: number): number | undefined {
    let best: number | undefined;
    for (const f of this.pendingStreamFaults) {
      if (!('afterSeq' in f)) continue;
      if (f.afterSeq >= from && f.afterSeq <= to && (best === undefined || f.afterSeq < best))
        best = f.afterSeq;
    }
    return best;
  }

  /**
   * Inserts an event into the log at index `at` (at most the released count), released at once:
   * it takes the next sequence number and every later event moves up by one, as a real error frame
   * does. Returns the inserted event.
   */
  insertEvent(at: number, type: string, data: Record<string, unknown>): PlannedEvent {
    const before = this.events[at - 1];
    const seq = before === undefined ? 0 : before.seq + 1;
    const payload = this.sequenced ? { type, sequence_number: seq, ...data } : { type, ...data };
    const event: PlannedEvent = {
      seq,
      type,
      frame: frameOf(type, payload),
      dueMs: before?.dueMs ?? 0,
      progress: before?.progress ?? initialProgress(),
    };
    const later = this.events.slice(at).map((e) => {
      const moved = e.seq + 1;
      return {
        ...e,
        seq: moved,
        frame: this.sequenced ? renumberedFrame(e.frame, moved) : e.frame,
      };
    });
    this.events = [...this.events.slice(0, at), event, ...later];
    if (at <= this.released) this.released++;
    if (this.cancelAfter && at <= this.cancelAfter.events) this.cancelAfter.events++;
    for (const listener of [...this.insertListeners]) listener(at);
    this.wakeAll();
    return event;
  }

  /** Calls `listener(at)` after each insertion, so open connections keep their place. */
  onInsert(listener: (at: number) => void): () => void {
    this.insertListeners.add(listener);
    return () => this.insertListeners.delete(listener);
  }

  /** Cancel as the API does: stop generating and end the log with no further event. */
  cancel(): ResponseObject {
    if (this.isTerminal || this.script.cancel === 'ignore') return this.snapshotNow;
    // Says cancelled, but generation carries on: a later GET tells the truth.
    if (this.script.cancel === 'lie') return { ...this.snapshotNow, status: 'cancelled' };
    this.stopAt(this.released);
    return this.snapshotNow;
  }

  /** Stop generating for good (delete, server shutdown). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.closed = true;
    this.wakeAll();
  }

  private stopAt(eventCount: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.events = this.events.slice(0, eventCount);
    this.released = Math.min(this.released, eventCount);
    this.snapshotNow = this.plan.cancelledAt(this.events[eventCount - 1]?.progress);
    this.closed = true;
    this.wakeAll();
  }

  private dueRealMs(event: { dueMs: number }): number {
    return this.createdRealMs + event.dueMs / this.speed;
  }

  private releaseDue(): void {
    this.timer = undefined;
    const now = this.now();
    const cancelAfter = this.cancelAfter;
    const before = this.released;
    while (this.released < this.events.length) {
      const next = this.events[this.released] as PlannedEvent;
      if (this.dueRealMs(next) > now) break;
      this.released++;
      if (next.snapshot) this.snapshotNow = next.snapshot;
    }
    if (this.released === this.events.length) {
      if (cancelAfter === undefined) {
        this.closed = true;
      } else if (this.dueRealMs(cancelAfter) <= now) {
        this.stopAt(cancelAfter.events);
        return;
      }
    }
    if (this.released > before || this.closed) this.wakeAll();
    if (!this.closed) {
      const nextDue =
        this.released < this.events.length
          ? this.dueRealMs(this.events[this.released] as PlannedEvent)
          : this.dueRealMs(cancelAfter ?? { dueMs: 0 });
      this.timer = setTimeout(() => this.releaseDue(), Math.max(0, nextDue - now));
    }
  }

  private wakeAll(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
