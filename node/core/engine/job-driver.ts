// Drives one job until it is terminal, or needs the person (a key, an unknown fate): create, then
// the resume ladder: stream from the cursor -> reconnect with backoff and jitter -> poll -> done.
import type { Job } from '../../../shared/job.js';
import type { ModelPrice } from '../../../shared/models.js';
import type { OutputItem } from '../../../shared/output-items.js';
import { classifyFailure, type ProviderFailure, type Phase } from '../provider/failure.js';
import { cancelOnServer } from './cancel-phase.js';
import { CreatePhase } from './create-phase.js';
import { unknownAdvice } from './create-window.js';
import type { ResponsesClient, ServerResponse } from '../provider/responses-client.js';
import { pollDelayMs, reconnectDelayMs } from './backoff.js';
import type { EngineOptions } from './engine-options.js';
import { finalStateOf, isTerminalResponse, isTerminalServerStatus } from './final-state.js';
import type { ItemsWrite, JobWriter, StagedWrite, TimelineEntry } from './job-writer.js';
import { readStream, type AttemptResult, type Interruption } from './stream-attempt.js';
import type { AttachmentReader } from '../attachments/index.js';
import type { UploadedFiles } from './attachment-uploads.js';
import { StreamFold } from './stream-fold.js';
import { WakeSignal } from './wake-signal.js';

export interface DriverDeps {
  writer: JobWriter;
  client: ResponsesClient;
  /** The previous response of the conversation, for a follow-up. */
  previousResponseId: string | undefined;
  /** Reads a stored attachment's bytes for the create body. */
  readAttachment: AttachmentReader;
  /** The provider's file ids of attachments uploaded before (uploaded_files). */
  uploads: UploadedFiles;
  price: ModelPrice | undefined;
  /** The output items stored for the job (folded on from there). */
  items: readonly OutputItem[];
  options: EngineOptions;
  now: () => number;
}

/** How a driver's run ended, for the manager. */
export type DriverExit = 'settled' | 'needs_key' | 'stopped' | 'detached';

type Mode = 'create' | 'stream' | 'poll';

const unnumberedReason =
  'this server sends no sequence numbers, so a dropped stream cannot be resumed from where it stopped; polling until the job ends';

export class JobDriver {
  private job: Job;
  private readonly fold: StreamFold;
  private readonly create: CreatePhase;
  private readonly wake = new WakeSignal();
  private interrupt: ((why: Interruption) => void) | undefined;
  private stopped = false;
  private cancelWanted = false;
  private restreamRefused = false;
  private mode: Mode;
  /** Consecutive attempts that made no progress (reconnects, or polls failing). */
  private failures = 0;
  private polls = 0;
  /** True when every event up to the terminal one was applied from streams. */
  private streamedToEnd = false;
  /** Whether this driver staged text yet: its first is written at the end of the turn. */
  private textStaged = false;
  /** Built once: staged on every text event, so no closure per event. */
  private readonly stagedText = (): StagedWrite => ({
    patch: this.fold.streamingWrite(),
    items: { put: this.fold.takeItemChanges() },
  });

  constructor(
    job: Job,
    private readonly deps: DriverDeps,
    private readonly detachAfterCreate = false,
  ) {
    this.job = job;
    this.fold = new StreamFold({ ...job, items: deps.items });
    this.create = this.createPhase();
    this.mode = job.responseId === null ? 'create' : job.status === 'polling' ? 'poll' : 'stream';
  }

  get id(): string {
    return this.job.id;
  }

  /** Stops at the next step without changing the job (shutdown): it resumes on the next start. */
  stop(): void {
    this.stopped = true;
    this.interrupt?.('stop');
    this.wake.wake();
  }

  /** Wake, network back: reconnect now instead of after the current backoff or stall. */
  reconcile(): void {
    if (!this.restreamRefused && this.mode === 'poll' && this.job.responseId !== null)
      this.mode = 'stream';
    this.failures = 0;
    // A create in flight is never aborted: it may already have started a job on the server.
    if (!this.isCreating()) this.interrupt?.('reconcile');
    this.wake.wake();
  }

  /** Cancel on the server, then confirm the final state with a GET. */
  requestCancel(): void {
    this.cancelWanted = true;
    // Never abort a create in flight: the server may already have started the job. The cancel
    // goes out as soon as the response id arrives (see onApplied).
    if (!this.isCreating()) this.interrupt?.('cancel');
    this.wake.wake();
  }

  async run(): Promise<DriverExit> {
    if (
      this.job.status === 'submitting' &&
      this.job.responseId === null &&
      this.job.submittedAt === null
    ) {
      // A previous process died before the create request left: sending it now is safe.
      this.write({ status: 'pending' });
    } else if (this.job.status === 'submitting' && this.job.responseId === null) {
      // A previous process sent the create request and died before storing the id.
      this.markUnknown(
        `Mull stopped after sending this job and before the server confirmed it. ${unknownAdvice}`,
      );
      return 'settled';
    }
    while (!this.stopped) {
      if (this.cancelWanted) {
        const exit = await this.cancelNow();
        if (exit) return exit;
        continue;
      }
      const exit = this.mode === 'poll' ? await this.pollOnce() : await this.streamOnce();
      if (exit) return exit;
    }
    this.deps.writer.flush();
    return 'stopped';
  }

  private async streamOnce(): Promise<DriverExit | undefined> {
    const creating = this.mode === 'create';
    if (creating) {
      // Uploads first, while the job is still pending: the create window has not opened.
      const uploaded = await this.create.upload();
      if (uploaded !== 'ready') return uploaded;
      // Asked to stop or cancel as the last upload ended: no create goes out.
      if (this.stopped || this.cancelWanted) return undefined;
    }
    let detachTimer: NodeJS.Timeout | undefined;
    const result = await readStream(
      (signal) =>
        creating
          ? this.create.open(signal)
          : this.deps.client.resume(this.responseId(), this.fold.cursor, signal),
      {
        fold: this.fold,
        stallMs: this.deps.options.stallMs,
        setInterrupt: (interrupt) => (this.interrupt = interrupt),
        onApplied: (outcome) => {
          if (outcome === 'error') {
            const { code, message } = this.fold.lastError ?? { code: '', message: '' };
            this.deps.writer.flush();
            this.deps.writer.note(this.job.id, {
              kind: 'server_error',
              detail: `${code}: ${message}`,
            });
          }
          if (outcome === 'text' && !this.isResuming()) {
            this.deps.writer.stage(this.job.id, this.stagedText, !this.textStaged);
            this.textStaged = true;
            return;
          }
          const firstId = this.job.responseId === null && this.fold.responseId !== null;
          this.writeFold(outcome === 'terminal');
          if (firstId && this.cancelWanted) this.interrupt?.('cancel');
          if (firstId && this.detachAfterCreate) {
            detachTimer = setTimeout(
              () => this.interrupt?.('detach'),
              this.deps.options.detachAfterMs,
            );
          }
        },
      },
    );
    clearTimeout(detachTimer);
    if (creating && this.fold.responseId !== null) this.mode = 'stream';
    return this.afterStream(result, creating);
  }

  private async afterStream(
    result: AttemptResult,
    creating: boolean,
  ): Promise<DriverExit | undefined> {
    const end = result.end;
    if (result.progressed) this.failures = 0;
    if (end.kind === 'terminal') {
      this.streamedToEnd = true;
      this.finish(this.fold.terminalResponse as ServerResponse);
      return 'settled';
    }
    if (creating && this.fold.responseId === null)
      return this.create.failed(result, this.fold.lastError);
    if (end.kind === 'interrupted') {
      this.deps.writer.flush();
      if (end.why === 'detach') return 'detached';
      if (end.why !== 'stalled') return undefined; // stop, cancel, reconcile: the loop handles them
      this.deps.writer.note(this.job.id, {
        kind: 'stalled',
        detail: `no event for ${this.deps.options.stallMs} ms`,
      });
      if (this.fold.unnumbered) return this.pollInstead(unnumberedReason);
      return this.reconnectSoon('stalled', undefined, true);
    }
    if (end.kind === 'failed') {
      const failure = classifyFailure(end.error, 'resume');
      // A dropped stream without sequence numbers cannot be resumed: poll instead.
      if (failure.kind === 'transient' && this.fold.unnumbered)
        return this.pollInstead(unnumberedReason);
      return this.handleFailure(failure, 'resume');
    }
    if (end.kind === 'unnumbered' || this.fold.unnumbered)
      return this.pollInstead(unnumberedReason);
    if (end.kind === 'ended') {
      // The body ended with no terminal event (after the last delta, or cut mid-frame): the
      // response may have ended already, so ask the server at once before resuming.
      this.deps.writer.flush();
      const exit = await this.pollOnce();
      if (exit || this.stopped) return exit;
    }
    const reason =
      end.kind === 'gap'
        ? 'events missing'
        : this.fold.lastError
          ? `stream ended after a server error (${this.fold.lastError.code})`
          : 'stream ended early';
    return this.reconnectSoon(reason);
  }

  /** Re-streaming cannot work for this response: poll until it ends. */
  private pollInstead(reason: string): DriverExit | undefined {
    this.deps.writer.flush();
    this.restreamRefused = true;
    this.mode = 'poll';
    this.write({ status: 'polling' }, { kind: 'polling', detail: reason });
    return undefined;
  }

  private async pollOnce(): Promise<DriverExit | undefined> {
    if (this.job.status !== 'polling' && this.mode === 'poll') {
      this.write({ status: 'polling' }, { kind: 'polling' });
    }
    const controller = new AbortController();
    this.interrupt = (why) => controller.abort(why);
    try {
      const { response, pollAfterMs } = await this.deps.client.poll(
        this.responseId(),
        controller.signal,
      );
      if (this.mode === 'poll') this.failures = 0;
      if (isTerminalResponse(response)) {
        this.finish(response);
        return 'settled';
      }
      if (response.status !== this.job.serverStatus)
        this.write({ serverStatus: response.status ?? null });
      if (this.mode !== 'poll') return undefined; // a check during the stream ladder
      await this.wake.sleep(pollDelayMs(this.deps.options.backoff, this.polls++, pollAfterMs));
      return undefined;
    } catch (error) {
      if (controller.signal.aborted) return undefined;
      return await this.handleFailure(classifyFailure(error, 'poll'), 'poll');
    } finally {
      this.interrupt = undefined;
    }
  }

  private async handleFailure(
    failure: ProviderFailure,
    phase: Phase,
  ): Promise<DriverExit | undefined> {
    switch (failure.kind) {
      case 'needs_key':
        return this.pauseForKey(failure.reason);
      case 'expired':
        this.deps.writer.flush();
        this.write(
          {
            status: 'expired',
            error: { code: 'expired', message: failure.reason },
            finishedAt: this.deps.now(),
          },
          { kind: 'finished', detail: 'expired' },
        );
        return 'settled';
      case 'permanent':
        this.fail(failure.code, failure.message);
        return 'settled';
      case 'restream_refused':
        return this.pollInstead(failure.reason);
      case 'transient':
        if (phase === 'poll') {
          this.failures++;
          await this.wake.sleep(
            reconnectDelayMs(
              this.deps.options.backoff,
              Math.min(this.failures, 8),
              failure.retryAfterMs,
            ),
          );
          return undefined;
        }
        return this.reconnectSoon(failure.reason, failure.retryAfterMs);
      case 'not_sent':
      case 'ambiguous':
        return this.reconnectSoon(failure.reason);
    }
  }

  /** A disconnect: mark reconnecting, back off, and after too many fruitless tries, poll. */
  private async reconnectSoon(
    reason: string,
    retryAfterMs?: number,
    immediately = false,
  ): Promise<DriverExit | undefined> {
    this.deps.writer.flush();
    this.failures++;
    if (this.job.status !== 'reconnecting' && this.job.status !== 'polling') {
      this.write({ status: 'reconnecting' }, { kind: 'disconnected', detail: reason });
    }
    if (this.failures > this.deps.options.backoff.resumeAttempts) {
      this.mode = 'poll';
      this.write(
        { status: 'polling' },
        { kind: 'polling', detail: `resuming failed ${this.failures - 1} times: ${reason}` },
      );
      return undefined;
    }
    if (!(immediately && this.failures === 1)) {
      await this.wake.sleep(
        reconnectDelayMs(this.deps.options.backoff, this.failures - 1, retryAfterMs),
      );
    }
    return undefined;
  }

  private async cancelNow(): Promise<DriverExit | undefined> {
    this.cancelWanted = false;
    if (this.job.responseId === null) {
      this.deps.writer.flush();
      this.write(
        { status: 'cancelled', finishedAt: this.deps.now() },
        { kind: 'finished', detail: 'cancelled before it was sent' },
      );
      return 'settled';
    }
    const trouble = await cancelOnServer(this.job.id, this.job.responseId, {
      client: this.deps.client,
      writer: this.deps.writer,
      wake: this.wake,
      backoff: this.deps.options.backoff,
    });
    if (trouble) return this.handleFailure(trouble, 'cancel');
    // The server has the last word: a cancel is best effort and a response may still complete.
    const mode = this.mode;
    this.mode = 'poll';
    const exit = await this.pollOnce();
    this.mode = mode === 'create' ? 'stream' : mode;
    return exit;
  }

  private finish(response: ServerResponse): void {
    this.deps.writer.flush();
    const { patch, items, anomaly } = finalStateOf(
      response,
      {
        answer: this.fold.answer,
        reasoningSummary: this.fold.reasoningSummary,
        items: this.fold.items,
      },
      this.streamedToEnd,
      this.deps.price,
      this.deps.now(),
      this.job.model,
    );
    if (anomaly) this.deps.writer.note(this.job.id, { kind: 'anomaly', detail: anomaly });
    // The server's last word replaces the items folded from the stream, and its texts the
    // streamed ones: whole, with no appends (the store compacts the job's chunks into them).
    this.fold.takeItemChanges();
    this.write(
      { ...this.fold.snapshot(), ...patch },
      { kind: 'finished', detail: patch.status ?? null },
      { replace: items },
    );
  }

  private pauseForKey(reason: string): DriverExit {
    this.deps.writer.flush();
    this.write(
      { status: 'needs_key', error: { code: 'needs_key', message: reason } },
      { kind: 'needs_key', detail: reason },
    );
    return 'needs_key';
  }

  private fail(code: string, message: string): void {
    this.deps.writer.flush();
    this.write(
      { status: 'failed', error: { code, message }, finishedAt: this.deps.now() },
      { kind: 'finished', detail: `failed: ${code}` },
    );
  }

  private markUnknown(message: string): void {
    this.write(
      { status: 'unknown', error: { code: 'unknown', message } },
      { kind: 'finished', detail: 'unknown' },
    );
  }

  private createPhase(): CreatePhase {
    const currentJob = () => this.job;
    return new CreatePhase({
      get job() {
        return currentJob();
      },
      writer: this.deps.writer,
      client: this.deps.client,
      previousResponseId: this.deps.previousResponseId,
      readAttachment: this.deps.readAttachment,
      uploads: this.deps.uploads,
      options: this.deps.options,
      wake: this.wake,
      detached: this.detachAfterCreate,
      now: this.deps.now,
      setInterrupt: (interrupt) => (this.interrupt = interrupt),
      write: (patch, entry) => this.write(patch, entry),
      adopt: (job) => (this.job = job),
      markUnknown: (message) => this.markUnknown(message),
      fail: (code, message) => this.fail(code, message),
      needsKey: (reason) => this.pauseForKey(reason),
    });
  }

  /**
   * A create request's bytes have left and no response id is known yet: it must never be aborted.
   * (Before it leaves the job is still pending, and stopping it sends nothing.)
   */
  private isCreating(): boolean {
    return this.mode === 'create' && this.job.status === 'submitting';
  }

  /** Reconnecting or polling: the next applied event should flip the badge back at once. */
  private isResuming(): boolean {
    return this.job.status === 'reconnecting' || this.job.status === 'polling';
  }

  private responseId(): string {
    const id = this.job.responseId ?? this.fold.responseId;
    if (id === null) throw new Error(`job ${this.job.id} has no response id`);
    return id;
  }

  /** Writes the fold now, with the job status that follows from the server status. */
  private writeFold(terminal: boolean): void {
    if (terminal) return; // finish() writes the terminal state with the server's last word
    const serverStatus = this.fold.serverStatus;
    // Told at the end of a read, the fold may already hold the terminal event that followed (the
    // job ran: finish() writes the end next).
    const status =
      serverStatus === 'in_progress' || isTerminalServerStatus(serverStatus)
        ? 'in_progress'
        : 'queued';
    const firstId = this.job.responseId === null && this.fold.responseId !== null;
    const resuming = this.isResuming();
    const starting = status === 'in_progress' && this.job.startedAt === null;
    // One write may follow several events of a read (`response.created` and `.in_progress`
    // come together): each step the job took gets its entry.
    const entries: TimelineEntry[] = [];
    if (firstId) entries.push({ kind: 'created', detail: this.fold.responseId });
    else if (resuming) entries.push({ kind: 'reconnected' });
    if (starting) entries.push({ kind: 'started' });
    else if (!firstId && !resuming && status !== this.job.status)
      entries.push({ kind: status === 'queued' ? 'queued' : 'started' });
    const startedAt = starting ? this.deps.now() : this.job.startedAt;
    this.write({ ...this.fold.streamingWrite(), status, startedAt }, entries);
  }

  /**
   * Every write of the driver. Items changed by the fold go with a patch that carries the cursor,
   * never ahead of it: a resume from a stored cursor must not apply a code delta a second time.
   */
  private write(
    patch: Parameters<JobWriter['write']>[1],
    entry?: Parameters<JobWriter['write']>[2],
    items?: ItemsWrite,
  ): void {
    const folded =
      items ?? (patch.cursor === undefined ? undefined : { put: this.fold.takeItemChanges() });
    this.job = this.deps.writer.write(this.job.id, patch, entry, folded);
  }
}
