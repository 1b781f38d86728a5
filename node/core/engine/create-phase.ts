// The create phase of a job: uploading the attachments the create names by file id (before the
// create window opens), sending the create request (marked sent, durably, just before its bytes
// leave) and deciding, with create-window.ts, what a create that ended without a response id
// means: send again (nothing reached the server), wait and send again (the server refused it for
// now), pause for a key, fail, or "unknown" (it may be running on the server: never resent).
import type { Job } from '../../../shared/job.js';
import type { ResponsesClient, Streamed } from '../provider/responses-client.js';
import { reconnectDelayMs } from './backoff.js';
import type { AttachmentReader } from '../attachments/index.js';
import { uploadAttachments, type UploadedFiles } from './attachment-uploads.js';
import { createBodyFor } from './create-body.js';
import { decideCreate, type CreateTrouble } from './create-window.js';
import { flexCapacityCode, isFlexCapacityRefusal } from '../provider/flex-capacity.js';
import type { EngineOptions } from './engine-options.js';
import type { JobWriter, TimelineEntry } from './job-writer.js';
import type { AttemptResult, Interruption } from './stream-attempt.js';
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
  /** The provider's file ids of attachments uploaded before (uploaded_files). */
  readonly uploads: UploadedFiles;
  readonly options: EngineOptions;
  readonly wake: WakeSignal;
  /** `mull submit`: a create that cannot go out now is left stored for the next driver. */
  readonly detached: boolean;
  now(): number;
  /** Registers how the driver stops what is in flight (an upload), or clears it. */
  setInterrupt(interrupt: ((why: Interruption) => void) | undefined): void;
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
  /** The file ids the create names (sha256 -> id), from the last upload(). */
  private fileIds: ReadonlyMap<string, string> = new Map();
  /** Of those, the ones uploaded by an earlier job or try (not by this upload()). */
  private reusedUploads: readonly string[] = [];

  constructor(private readonly host: CreateHost) {}

  /**
   * Uploads the attachments the create names by file id, before the create window opens: the job
   * stays pending, and since an upload starts no paid job, a failed one is simply tried again (a
   * connection failure or HTTP 408/409/429/5xx, with the create's backoff) or fails the job with
   * a sentence naming the file (any other refusal), no create sent. 'ready': send the create now.
   */
  async upload(): Promise<'ready' | DriverExit | undefined> {
    const host = this.host;
    if (host.job.attachments.length === 0) return 'ready';
    const controller = new AbortController();
    // A wake or a network change does not restart an upload in flight; a shutdown or cancel stops it.
    host.setInterrupt((why) => {
      if (why !== 'reconcile') controller.abort(why);
    });
    let outcome: Awaited<ReturnType<typeof uploadAttachments>>;
    try {
      outcome = await uploadAttachments(
        host.job,
        { client: host.client, uploads: host.uploads, read: host.readAttachment },
        controller.signal,
      );
    } finally {
      host.setInterrupt(undefined);
    }
    switch (outcome.kind) {
      case 'ready':
        this.fileIds = outcome.fileIds;
        this.reusedUploads = outcome.reused;
        return 'ready';
      case 'aborted':
        return undefined;
      case 'not_sent':
        return this.sendAgainLater(outcome.reason);
      case 'transient':
        return this.refusedForNow(outcome.reason, outcome.retryAfterMs);
      case 'needs_key':
        return host.needsKey(outcome.reason);
      case 'permanent':
        host.fail(outcome.code, outcome.message);
        return 'settled';
    }
  }

  /**
   * Sends the create, and marks the job submitting, durably, with `submittedAt`, as its bytes
   * leave (with the other creates leaving in the same turn: one synced commit for all). Until
   * then it stays pending: waiting for a place to open (a burst of creates) or for its
   * connection, nothing has been sent, so a cancel, a wake or a crash may still stop it and it is
   * sent again safely. One write per create instead of a "submitting" write before it.
   */
  open(signal: AbortSignal): Promise<Streamed> {
    const host = this.host;
    // A flex job waiting for capacity loses its waiting note as it is sent again.
    const waiting = host.job.error?.code === flexCapacityCode;
    return host.client.create(
      createBodyFor(host.job, host.previousResponseId, host.readAttachment, this.fileIds),
      signal,
      {
        mark: () => {
          const sent = host.writer.write(host.job.id, {
            status: 'submitting',
            submittedAt: host.now(),
            ...(waiting ? { error: null } : {}),
          });
          // Only once it is committed: a mark that failed leaves the job unsent, sent again.
          return () => host.adopt(sent);
        },
        together: host.writer.inOneSyncedCommit,
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
        return this.refusedForNow(decision.reason, decision.retryAfterMs);
      case 'unknown':
        host.markUnknown(decision.message);
        return 'settled';
      case 'needs_key':
        return host.needsKey(decision.reason);
      case 'fail':
        // A file id remembered from an earlier upload may be what was refused (the file deleted on
        // the server, or the key now in another project): forgotten, so a retry uploads afresh.
        if (this.reusedUploads.length > 0)
          host.uploads.forgetUploads(host.job.providerId, this.reusedUploads);
        host.fail(decision.code, decision.message);
        return 'settled';
    }
  }

  /** Refused for now (HTTP 408, 409, 429, 5xx; nothing started): pending, then sent again. */
  private async refusedForNow(
    reason: string,
    retryAfterMs: number | undefined,
  ): Promise<DriverExit | undefined> {
    const host = this.host;
    this.refusals++;
    if (this.refusals > host.options.createAttempts) {
      host.fail('create_failed', `The provider kept refusing the job (${reason}). Retry it later.`);
      return 'settled';
    }
    host.write({ status: 'pending' }, { kind: 'disconnected', detail: reason });
    await host.wake.sleep(reconnectDelayMs(host.options.backoff, this.refusals - 1, retryAfterMs));
    return undefined;
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
