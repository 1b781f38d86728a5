// One background response on the emulated server: it generates on its own clock whether or not
// anyone is listening, keeps its event log, and wakes the stream connections that follow it.
import type { PlannedEvent, ResponsePlan } from './response-plan.js';
import type { ResponseObject } from './response-object.js';
import type { ResponseScript, StreamFault } from './script.js';

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

  private events: PlannedEvent[];
  private released = 0;
  private closed = false;
  private snapshotNow: ResponseObject;
  private timer: NodeJS.Timeout | undefined;
  private waiters = new Set<() => void>();
  private readonly now: () => number;
  private readonly plan: ResponsePlan;

  constructor(opts: RunOptions) {
    this.plan = opts.plan;
    this.id = opts.plan.id;
    this.script = opts.script;
    this.events = opts.plan.events;
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

  /** Resolves when more events are released or the log closes. */
  waitForChange(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.waiters.delete(wake);
        signal.removeEventListener('abort', wake);
        resolve();
      };
      this.waiters.add(wake);
      signal.addEventListener('abort', wake, { once: true });
    });
  }

  /** Takes the first pending fault a connection positioned after event `lastWritten` must fire. */
  takeStreamFault(lastWritten: number): StreamFault | undefined {
    const index = this.pendingStreamFaults.findIndex((f) => f.afterSeq === lastWritten);
    if (index < 0) return undefined;
    return this.pendingStreamFaults.splice(index, 1)[0];
  }

  /** The lowest `afterSeq` of a pending fault in [from, to], for cutting write batches there. */
  nextFaultSeq(from: number, to: number): number | undefined {
    let best: number | undefined;
    for (const f of this.pendingStreamFaults) {
      if (f.afterSeq >= from && f.afterSeq <= to && (best === undefined || f.afterSeq < best))
        best = f.afterSeq;
    }
    return best;
  }

  /** Cancel as the API does: stop generating and end the log with no further event. */
  cancel(): ResponseObject {
    if (this.script.cancel === 'ignore' || this.isTerminal) return this.snapshotNow;
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
    const cancelAfter = this.plan.cancelAfter;
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
    for (const wake of [...this.waiters]) wake();
  }
}
