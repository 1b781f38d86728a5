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
  /** A mid-stream `error` frame (flat shape); the nested shape arrives as a thrown APIError. */
  | { kind: 'error-frame'; reason: string }
  /** Opening or reading the stream threw. */
  | { kind: 'failed'; error: unknown }
  | { kind: 'interrupted'; why: Interruption };

export interface AttemptResult {
  end: AttemptEnd;
  /** Whether at least one new event was applied (a reconnect that makes progress resets backoff). */
  progressed: boolean;
}

export interface AttemptContext {
  fold: StreamFold;
  stallMs: number;
  /** Registers the attempt's abort function, so the driver can interrupt it. */
  setInterrupt(interrupt: ((why: Interruption) => void) | undefined): void;
  /** Called after each applied event, with what changed. */
  onApplied(
    outcome: Exclude<FoldOutcome, 'ignored' | 'gap' | 'error'>,
    event: ResponseStreamEvent,
  ): void;
}

export async function readStream(
  open: (signal: AbortSignal) => Promise<Streamed>,
  ctx: AttemptContext,
): Promise<AttemptResult> {
  const controller = new AbortController();
  const interrupt = (why: Interruption) => controller.abort(why);
  const watchdog = new StallWatchdog(ctx.stallMs, () => interrupt('stalled'));
  ctx.setInterrupt(interrupt);
  let progressed = false;
  const interrupted = (): AttemptResult => ({
    end: { kind: 'interrupted', why: controller.signal.reason as Interruption },
    progressed,
  });
  try {
    // Waiting for the response headers counts as silence too.
    watchdog.start();
    const { events } = await open(controller.signal);
    for await (const event of events) {
      if (controller.signal.aborted) return interrupted();
      watchdog.touch();
      const outcome = ctx.fold.apply(event);
      switch (outcome) {
        case 'ignored':
          continue;
        case 'gap':
          return { end: { kind: 'gap' }, progressed };
        case 'error': {
          const frame = event as unknown as { code?: unknown; message?: unknown };
          return {
            end: { kind: 'error-frame', reason: `${String(frame.code)}: ${String(frame.message)}` },
            progressed,
          };
        }
        default:
          progressed = true;
          ctx.onApplied(outcome, event);
          if (outcome === 'terminal') return { end: { kind: 'terminal' }, progressed };
      }
    }
    return controller.signal.aborted ? interrupted() : { end: { kind: 'ended' }, progressed };
  } catch (error) {
    if (controller.signal.aborted) return interrupted();
    return { end: { kind: 'failed', error }, progressed };
  } finally {
    watchdog.stop();
    ctx.setInterrupt(undefined);
    // Leaving the loop early must close the HTTP stream: abort is idempotent.
    if (!controller.signal.aborted) controller.abort('stop');
  }
}
