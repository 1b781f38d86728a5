// One attempt at reading a response's event stream (the create stream, or a resume from the
// cursor) into the job's fold, watched for stalls. It returns why it ended; the driver decides
// what comes next (the resume ladder).
import type { ResponseStreamEvent, Streamed } from '../provider/responses-client.js';
import { StallWatchdog } from './stall-watchdog.js';
import type { FoldOutcome, StreamFold } from './stream-fold.js';

/** Why the driver itself stopped a stream. */
export type Interruption = 'stalled' | 'stop' | 'cancel' | 'reconcile' | 'detach';

export type AttemptEnd =
  /** The terminal event arrived and was applied. */
  | { kind: 'terminal' }
  /** The body ended without a terminal event: a disconnect, however clean it looked. */
  | { kind: 'ended' }
  /** A sequence number skipped ahead: resume from the cursor. */
  | { kind: 'gap' }
  /** A re-stream without sequence numbers: it cannot be spliced onto the cursor. */
  | { kind: 'unnumbered' }
  /** Opening or reading the stream threw. */
  | { kind: 'failed'; error: unknown }
  | { kind: 'interrupted'; why: Interruption };

export interface AttemptResult {
  end: AttemptEnd;
  /** Whether at least one new event was applied (a reconnect that makes progress resets backoff). */
  progressed: boolean;
  /** Whether the response headers arrived (HTTP 200 and an open event stream). */
  opened: boolean;
}

export interface AttemptContext {
  fold: StreamFold;
  stallMs: number;
  /** Registers the attempt's abort function, so the driver can interrupt it. */
  setInterrupt(interrupt: ((why: Interruption) => void) | undefined): void;
  /**
   * Called after each applied event, with what changed; for text (most events of a long answer)
   * and for status changes, once per batch for each (text first), after the last of them and
   * before an error or terminal event of the batch.
   */
  onApplied(
    outcome: Exclude<FoldOutcome, 'ignored' | 'gap' | 'unnumbered'>,
    event: ResponseStreamEvent,
  ): void;
}

export async function readStream(
  open: (signal: AbortSignal) => Promise<Streamed>,
  ctx: AttemptContext,
): Promise<AttemptResult> {
  const controller = new AbortController();
  // Read once: the getter is not free, and the loop below asks for every event.
  const { signal } = controller;
  const interrupt = (why: Interruption) => controller.abort(why);
  const watchdog = new StallWatchdog(ctx.stallMs, () => interrupt('stalled'));
  ctx.setInterrupt(interrupt);
  let opened = false;
  ctx.fold.beginStream();
  const startCursor = ctx.fold.cursor;
  // Progress is a moved cursor (an unnumbered error frame outside the log is not progress).
  const ended = (end: AttemptEnd): AttemptResult => ({
    end,
    progressed: ctx.fold.cursor > startCursor,
    opened,
  });
  const interrupted = () =>
    ended({ kind: 'interrupted', why: controller.signal.reason as Interruption });
  try {
    // Waiting for the response headers counts as silence too.
    watchdog.start();
    const { batches } = await open(controller.signal);
    opened = true;
    // The events of one network read, applied in one pass.
    for await (const batch of batches) {
      watchdog.touch();
      // Text is told once per batch, after its last piece (or before what else the batch holds):
      // telling is staging a write, and a long answer's batch is hundreds of deltas. So is a
      // status change (a write of its own): `response.created` and `.in_progress` come together.
      let untoldText: ResponseStreamEvent | undefined;
      let untoldStatus: ResponseStreamEvent | undefined;
      const tellUntold = () => {
        if (untoldText) ctx.onApplied('text', untoldText);
        if (untoldStatus) ctx.onApplied('status', untoldStatus);
        untoldText = untoldStatus = undefined;
      };
      try {
        for (const event of batch) {
          if (signal.aborted) return interrupted();
          const outcome = ctx.fold.apply(event);
          switch (outcome) {
            case 'ignored':
              continue;
            case 'gap':
            case 'unnumbered':
              return ended({ kind: outcome });
            case 'text':
              untoldText = event;
              continue;
            case 'status':
              untoldStatus = event;
              continue;
            default:
              tellUntold();
              // An error frame is applied and the stream read on: the real API follows it with
              // the terminal event (response.failed); one with nothing after it is a disconnect.
              ctx.onApplied(outcome, event);
              if (outcome === 'terminal') return ended({ kind: 'terminal' });
          }
        }
      } finally {
        // Also when the batch ends the attempt early: what was applied is told (written).
        tellUntold();
      }
    }
    return controller.signal.aborted ? interrupted() : ended({ kind: 'ended' });
  } catch (error) {
    if (controller.signal.aborted) return interrupted();
    return ended({ kind: 'failed', error });
  } finally {
    watchdog.stop();
    ctx.setInterrupt(undefined);
    // Leaving the loop early must close the HTTP stream: abort is idempotent.
    if (!controller.signal.aborted) controller.abort('stop');
  }
}
