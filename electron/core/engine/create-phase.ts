// The create phase of a job: sending the create request (marked sent, durably, the instant its
// bytes leave) and deciding, with create-window.ts, what a create that ended without a response
// id means: send again (nothing reached the server), wait and send again (the server refused it
// for now), pause for a key, fail, or "unknown" (it may be running on the server: never resent).
import type { Job } from '../../../shared/job.js';
import type { ResponsesClient, Streamed } from '../provider/responses-client.js';
import { reconnectDelayMs } from './backoff.js';
import type { AttachmentReader } from '../attachments/index.js';
import { createBodyFor } from './create-body.js';
import { decideCreate, type CreateTrouble } from './create-window.js';
import { flexCapacityCode, isFlexCapacityRefusal } from '../provider/flex-capacity.js';
import type { EngineOptions } from './engine-options.js';
import type { JobWriter, TimelineEntry } from './job-writer.js';
import type { AttemptResult } from './stream-attempt.js';
import type { StreamError } from './stream-fold.js';
import type { WakeSignal } from './wake-signal.js';
import type { DriverExit } from './job-driver.js';
import type { JobPatch } from '../store/index.js';

/** What the create phase needs from the job's driver. */
export interface CreateHost {
  readonly job: Job;
  readonly writer: JobWriter;
  readonly client: ResponsesClient;
  readonly previousResponseId: string | undefined;
  readonly readAttachment: AttachmentReader;
  readonly options: EngineOptions;
  readonly wake: WakeSignal;
  /** `mull submit`: a create that cannot go out now is left stored for the next driver. */
  readonly detached: boolean;
  now(): number;
  write(patch: JobPatch, entry?: TimelineEntry): void;
  /** Keeps the driver's copy of the job current after a write made here. */
  adopt(job: Job): void;
  markUnknown(message: string): void;
  fail(code: string, message: string): void;
  needsKey(reason: string): DriverExit;
}

export class CreatePhase {
  /** Creates refused by the server (HTTP 408, 409, 429, 5xx) in a row. */
  private refusals = 0;
  /** Creates that never reached the server in a row (offline, DNS). */
  private unreached = 0;
  /** Flex creates refused for lack of capacity in a row (not counted as refusals: see below). */
  private capacityWaits = 0;

  constructor(private readonly host: CreateHost) {}

  /** Marks the job submitting and sends the create; `submittedAt` is written as the bytes leave. */
  open(signal: AbortSignal): Promise<Streamed> {
    const host = this.host;
    // submittedAt is set only as the request's bytes leave: a crash before that leaves a job that
    // was never sent (sent again safely), one after it a job whose fate is unknown.
    // A flex job waiting for capacity loses its waiting note as it is sent again.
    const waiting = host.job.error?.code === flexCapacityCode;
    host.write({ status: 'submitting', submittedAt: null, ...(waiting ? { error: null } : {}) });
    return host.client.create(
      createBodyFor(host.job, host.previousResponseId, host.readAttachment),
      signal,
      () => {
        host.adopt(host.writer.writeDurably(host.job.id, { submittedAt: host.now() }));
      },
    );
  }

  /** The create stream ended before the server named the response. */
  async failed(
    result: AttemptResult,
    lastError: StreamError | undefined,
  ): Promise<DriverExit | undefined> {
    const host = this.host;
    const end = result.end;
    let trouble: CreateTrouble;
    if (end.kind === 'interrupted') {
      // Only a stall or a shutdown interrupts a create (never a cancel or a reconcile).
      if (end.why !== 'stalled') return undefined;
      trouble = { kind: 'stalled', stallMs: host.options.stallMs };
    } else if (end.kind === 'failed') {
      trouble = { kind: 'threw', error: end.error };
    } else if (lastError) {
      trouble = { kind: 'error-frame', ...lastError };
    } else {
      trouble = { kind: 'ended' };
    }
    const stage = host.job.submittedAt === null ? 'unsent' : result.opened ? 'streaming' : 'sent';
    const decision = decideCreate(trouble, stage);
    switch (decision.kind) {
      case 'resend':
        return this.sendAgainLater(decision.reason);
      case 'retry_later':
        if (
          trouble.kind === 'threw' &&
          host.job.serviceTier === 'flex' &&
          isFlexCapacityRefusal(trouble.error)
        ) {
          return this.waitForFlexCapacity(decision.reason, decision.retryAfterMs);
        }
        this.refusals++;
        if (this.refusals > host.options.createAttempts) {
          host.fail(
            'create_failed',
            `The provider kept refusing the job (${decision.reason}). Retry it later.`,
          );
          return 'settled';
        }
        host.write({ status: 'pending' }, { kind: 'disconnected', detail: decision.reason });
        await host.wake.sleep(
          reconnectDelayMs(host.options.backoff, this.refusals - 1, decision.retryAfterMs),
        );
        return undefined;
      case 'unknown':
        host.markUnknown(decision.message);
        return 'settled';
      case 'needs_key':
        return host.needsKey(decision.reason);
      case 'fail':
        host.fail(decision.code, decision.message);
        return 'settled';
    }
  }

  /**
   * Flex capacity was unavailable (HTTP 429, nothing started, nothing billed): the person chose to
   * wait for the cheaper tier, so this is not counted against createAttempts. The job stays pending
   * with a note the board shows ("Waiting for flex capacity") until a create is accepted, or the
   * person switches it to the standard tier (JobManager.useStandardTier), or cancels it.
   */
  private async waitForFlexCapacity(
    reason: string,
    retryAfterMs: number | undefined,
  ): Promise<DriverExit | undefined> {
    const host = this.host;
    this.capacityWaits++;
    host.write(
      {
        status: 'pending',
        error: {
          code: flexCapacityCode,
          message: `Waiting for flex capacity (${reason}); sent again with backoff. Use the standard tier to send it now at the standard price.`,
        },
      },
      { kind: 'disconnected', detail: `waiting for flex capacity: ${reason}` },
    );
    // A detached submit (`mull submit`) does not wait: the job stays pending for the next driver.
    if (host.detached) return 'detached';
    await host.wake.sleep(
      reconnectDelayMs(host.options.backoff, Math.min(this.capacityWaits - 1, 8), retryAfterMs),
    );
    return undefined;
  }

  /** The create never reached the server: back to pending, and send it again after a backoff. */
  private async sendAgainLater(reason: string): Promise<DriverExit | undefined> {
    const host = this.host;
    this.unreached++;
    host.write({ status: 'pending' }, { kind: 'disconnected', detail: reason });
    // A detached submit (`mull submit`) does not wait for the network: the job stays stored and
    // the next driver sends it.
    if (host.detached) return 'detached';
    await host.wake.sleep(reconnectDelayMs(host.options.backoff, Math.min(this.unreached, 8)));
    return undefined;
  }
}
