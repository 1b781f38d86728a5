// The job manager: Mull's one entry to jobs, used by the app and the `mull` CLI alike. It owns the
// store, the writer (write, then tell) and, when it drives, the driver lock and one JobDriver per
// unfinished job.
import { AttachmentStore } from '../attachments/index.js';
import { attachmentsRefusal } from './attachments-refusal.js';
import {
  NewJob,
  isSettled,
  titleFor,
  type Job,
  type JobEvent,
  type JobId,
  type ParsedNewJob,
} from '../../../shared/job.js';
import type { JobPage, JobQuery, JobSearchHit } from '../../../shared/job-query.js';
import { checkJobTools, findModel } from '../../../shared/models.js';
import { nanoUsdPerUsd } from '../../../shared/cost.js';
import { startOfLocalMonth } from '../../../shared/budget.js';
import { serverCopyExpired, serverRetentionDays } from '../../../shared/server-retention.js';
import type { OutputItem } from '../../../shared/output-items.js';
import { classifyFailure } from '../provider/failure.js';
import { ResponsesClient } from '../provider/responses-client.js';
import { rememberingKeys } from '../secrets/redact-keys.js';
import {
  JobStore,
  openDatabase,
  wasCheckedAtOpen,
  type Database,
  type SpendTotals,
} from '../store/index.js';
import { DriverLock } from './driver-lock.js';
import { JobActionRefused, JobNotFoundError } from './job-errors.js';
import { findJob } from './job-reader.js';
import { engineOptions, type EngineOptions, type EngineOptionsInput } from './engine-options.js';
import { newJobRecord, type JobLinks } from './new-job-record.js';
import { attachResponse, type AttachInput } from './attach-response.js';
import { DriverRegistry, type ActiveDriver } from './driver-registry.js';
import { JobDriver, type DriverDeps } from './job-driver.js';
import { JobWriter, type ChangeListener } from './job-writer.js';
import { EngineSettings, UnknownProviderError } from './settings.js';
import { standardTierPatch, standardTierRefusal } from './standard-tier-switch.js';

/** Where API keys come from (the OS keychain, or OPENAI_API_KEY for headless use). */
export interface KeySource {
  /** The key that may go to this provider at this base URL's origin (secrets/key-source.ts). */
  get(provider: { id: string; baseUrl: string }): Promise<string | undefined>;
}

export interface ManagerOptions {
  dataDir: string;
  keys: KeySource;
  /** Take the driver lock and drive jobs. False: read and store only (`mull list`, `show`...). */
  drive: boolean;
  /**
   * Only reads (`mull list`, `show`, `search`): a data directory Mull may not write to is then
   * read from a copy instead of refused. Nothing may be stored through such a manager.
   */
  readOnly?: boolean;
  engine?: EngineOptionsInput;
  now?: () => number;
}

export { JobActionRefused, JobNotFoundError } from './job-errors.js';

/** How many stored jobs one `mull submit` sends at the same time for others (see sendPendingDetached). */
const detachedCreatesAtOnce = 8;

/** Stored and never sent: pending, or marked submitting by a process that died before sending. */
function isUnsent(job: Job): boolean {
  return (
    job.status === 'pending' ||
    (job.status === 'submitting' && job.submittedAt === null && job.responseId === null)
  );
}

/** The manager's store, for the engine's own tests and benchmarks only (not in index.ts). */
const stores = new WeakMap<JobManager, JobStore>();
export function storeOf(manager: JobManager): JobStore {
  const store = stores.get(manager);
  if (!store) throw new Error('This manager has no store.');
  return store;
}

export class JobManager {
  private readonly store: JobStore;
  readonly settings: EngineSettings;
  /** Files and images jobs carry, by sha256 (`mull submit --attach`, the composer). */
  readonly attachments: AttachmentStore;
  readonly options: EngineOptions;
  private readonly db: Database;
  private readonly writer: JobWriter;
  private readonly keys: KeySource;
  private readonly now: () => number;
  private readonly lock: DriverLock | undefined;
  private readonly drivers = new DriverRegistry((id, error) => {
    // A bug, not a provider failure: keep the job resumable and say so in the timeline.
    console.error(`mull: driving job ${id} failed unexpectedly`, error);
    this.writer.note(id, { kind: 'anomaly', detail: `driver crashed: ${String(error)}` });
  });
  private readonly clients = new Map<string, ResponsesClient>();
  private pendingScan: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(options: ManagerOptions, lock: DriverLock | undefined) {
    this.lock = lock;
    this.keys = rememberingKeys(options.keys); // remembered to be masked in stored server text
    this.now = options.now ?? Date.now;
    this.options = engineOptions(options.engine);
    this.db = openDatabase(options.dataDir, undefined, {
      readOnly: options.readOnly === true && !options.drive,
    });
    this.store = new JobStore(this.db, { now: this.now });
    stores.set(this, this.store);
    this.settings = new EngineSettings(this.store);
    this.attachments = new AttachmentStore(options.dataDir);
    this.writer = new JobWriter(this.store, this.options.flushMs, {
      indexDelayMs: this.options.indexDelayMs,
    });
  }

  /** Opens the data directory. With `drive`, throws DriverLockedError if another process drives it. */
  static open(options: ManagerOptions): JobManager {
    const lock = options.drive ? DriverLock.acquire(options.dataDir) : undefined;
    try {
      return new JobManager(options, lock);
    } catch (error) {
      lock?.release();
      throw error;
    }
  }

  get isDriving(): boolean {
    return this.lock !== undefined;
  }

  /** Whether opening read every page of the database (it does only after a crashed writer). */
  get checkedAtOpen(): boolean {
    return wasCheckedAtOpen(this.db);
  }

  /** Counters for benchmarks and diagnostics. */
  stats(): { transactions: number; syncedCommits: number; activeDrivers: number } {
    const { transactions, syncedCommits } = this.writer;
    return { transactions, syncedCommits, activeDrivers: this.drivers.size };
  }

  /** Change events, told only after the change is on disk. */
  onChange(listener: ChangeListener): () => void {
    return this.writer.onChange(listener);
  }

  /** Deletion events, told once the job is gone from the database. */
  onDeleted(listener: (id: JobId) => void): () => void {
    return this.writer.onDeleted(listener);
  }

  /** Stores new jobs (several at once) and, when driving, sends them at once. */
  submit(inputs: NewJob | NewJob[]): Job[] {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    const parsed = list.map((input) => NewJob.parse(input));
    for (const input of parsed) this.settings.provider(input.providerId); // unknown provider: refuse now
    // Jobs submitted together are stored a millisecond apart, in the order given: the board sorts
    // by creation time, and a tie would be broken by their random ids.
    const now = this.now();
    return this.submitRows(parsed.map((input, index) => this.newJobRow(input, {}, now + index)));
  }

  /**
   * Submits one job and returns once the server has it (its response id is stored), leaving it
   * running on the server with no local process: `mull submit` with no driver running.
   */
  async submitDetached(input: NewJob): Promise<Job> {
    if (!this.isDriving) throw new JobActionRefused('A detached submit needs the driver lock.');
    const parsed = NewJob.parse(input);
    this.settings.provider(parsed.providerId); // unknown provider: refuse before storing
    const job = this.writer.insert(this.newJobRow(parsed, {}), { kind: 'submitted' });
    const active = this.startDriver(job, 'detached');
    if (active) await active.done;
    return this.mustGet(job.id);
  }

  /**
   * Sends, detached, every job still waiting to be sent (stored by a `mull submit` that counted on
   * a driver which then exited), and resolves once the server has each of them. Repeats while new
   * ones arrive, so a burst of submits is sent by whichever of them holds the driver lock.
   */
  async sendPendingDetached(): Promise<Job[]> {
    if (!this.isDriving) throw new JobActionRefused('Sending stored jobs needs the driver lock.');
    const sent: Job[] = [];
    for (;;) {
      const waiting = this.store
        .unfinished()
        .filter((job) => isUnsent(job) && !this.drivers.has(job.id));
      if (waiting.length === 0) return sent;
      // A few creates at a time: a burst of hundreds at once can overflow a server's listen queue
      // and reset connections after the requests left, which would leave those jobs "unknown".
      let next = 0;
      // A provider that could not take a job now (offline, unreachable) is not tried again in
      // this call for its other jobs: they stay pending for the next driver, and the submit that
      // sends them returns after a handful of attempts, not one per stored job.
      const unreachable = new Set<string>();
      const lane = async () => {
        while (next < waiting.length) {
          const job = waiting[next++];
          if (!job || unreachable.has(job.providerId)) continue;
          await this.startDriver(job, 'detached')?.done;
          if (this.store.statusOf(job.id) === 'pending') unreachable.add(job.providerId);
        }
      };
      await Promise.all(
        Array.from({ length: Math.min(detachedCreatesAtOnce, waiting.length) }, lane),
      );
      for (const job of waiting) sent.push(this.mustGet(job.id));
      // A job that could not be sent now (offline) stays pending for the next driver: stop here.
      if (sent.some((job) => job.status === 'pending')) return sent;
    }
  }

  /**
   * Adopts a background response by its id: resolves a job of unknown fate (`jobId`), or brings
   * in one started elsewhere. Refuses with one sentence (AttachRefused), storing nothing, when
   * the id is malformed, already attached, or unknown to the server.
   */
  async attach(input: AttachInput): Promise<Job> {
    const job = await attachResponse(input, {
      store: this.store,
      writer: this.writer,
      settings: this.settings,
      clientFor: (providerId) => this.clientForProvider(providerId),
      now: this.now,
      timeoutMs: this.options.attachTimeoutMs,
    });
    this.drive(job);
    return job;
  }

  get(id: JobId): Job | undefined {
    return this.store.get(id);
  }

  /** A job by its exact id; throws JobNotFoundError when there is none. */
  mustGet(id: JobId): Job {
    const job = this.store.get(id);
    if (!job) throw new JobNotFoundError(id);
    return job;
  }

  /** A job by its id, or by a unique prefix of it (as people type ids on the command line). */
  find(idOrPrefix: string): Job {
    return findJob(this.store, idOrPrefix);
  }

  /** Every job not yet settled, oldest first (running, pending, paused for a key). */
  unfinished(): Job[] {
    return this.store.unfinished();
  }

  /** The sums Spend shows (per model, per range of end times), over every finished job. */
  spendTotals(): SpendTotals {
    return this.store.spendTotals;
  }

  /** What the jobs that finished this local calendar month cost, deleted ones included (USD). */
  spentThisMonth(now = Date.now()): number {
    return this.store.spendTotals.between(startOfLocalMonth(now), Infinity).nanoUsd / nanoUsdPerUsd;
  }

  /** A setting of the app's own (notifications, defaults), stored as JSON beside the jobs. */
  appSetting(key: string): unknown {
    return this.store.getSetting(key);
  }

  setAppSetting(key: string, value: unknown): void {
    this.store.setSetting(key, value);
  }

  events(id: JobId): JobEvent[] {
    return this.store.events(id);
  }

  /** A job's output items in order (shared/output-items.ts); empty when it has none. */
  items(id: JobId): OutputItem[] {
    return this.store.items(id);
  }

  list(query: JobQuery = {}): JobPage {
    // Words search the index: the jobs this process settled are indexed first (job-writer.ts).
    if (query.text?.trim()) this.writer.indexSettled();
    return this.store.list(query);
  }

  search(words: string, limit?: number): JobSearchHit[] {
    this.writer.indexSettled();
    return this.store.search(words, limit);
  }

  /** Cancels on the server (or locally if never sent) and returns the job as it then is. */
  async cancel(id: JobId): Promise<Job> {
    const job = this.mustGet(id);
    if (isSettled(job.status)) return job;
    const active = this.drivers.get(id);
    if (active) {
      active.driver.requestCancel();
      await active.done;
      if (this.closed) return job; // shut down meanwhile: the cancel resumes with the job next time
      const after = this.mustGet(id);
      // Not settled: that driver had already stopped (paused for a key) when asked.
      if (isSettled(after.status)) return after;
    }
    if (!this.isDriving) {
      // Another process drives this job: cancel on the server; that driver confirms the end.
      if (job.responseId === null)
        throw new JobActionRefused(
          'This job has not reached the server yet; cancel it from the process that drives it.',
        );
      await this.clientFor(job).cancel(job.responseId);
      return job;
    }
    // Not driven (waiting for a key): drive it just for the cancel.
    const cancelling = this.startDriver(this.mustGet(id), 'cancel');
    await cancelling?.done;
    return this.mustGet(id);
  }

  /**
   * A flex job waiting for capacity is sent at the standard tier instead: its driver (asleep in
   * its backoff) stops, the tier is cleared, and a new driver sends it now (standard-tier-switch.ts).
   */
  async useStandardTier(id: JobId): Promise<Job> {
    const refused = standardTierRefusal(this.mustGet(id));
    if (refused) throw new JobActionRefused(refused);
    const active = this.drivers.get(id);
    if (active) {
      active.driver.stop();
      await active.done;
    }
    // The driver may have sent it again meanwhile: check once more on the stored job.
    const again = standardTierRefusal(this.mustGet(id));
    if (again) {
      this.drive(this.mustGet(id));
      throw new JobActionRefused(again);
    }
    const job = this.writer.write(id, standardTierPatch);
    this.drive(job);
    return job;
  }

  /** A new job with the same prompt and settings, linked to the old one. */
  retry(id: JobId): Job {
    const old = this.mustGet(id);
    const [job] = this.submitRows([
      this.newJobRow(this.asNewJob(old), {
        retryOf: old.id,
        parentId: old.parentId,
        threadId: old.parentId ? old.threadId : undefined,
      }),
    ]);
    return job as Job;
  }

  /** Continues a finished job's conversation (previous_response_id); kept in the same thread. */
  followUp(id: JobId, input: Partial<NewJob> & { prompt: string }): Job {
    const parent = this.mustGet(id);
    if (parent.responseId === null || parent.status !== 'completed') {
      throw new JobActionRefused('Only a completed job can be followed up.');
    }
    if (serverCopyExpired(parent, this.now())) {
      throw new JobActionRefused(
        `The server no longer has this job's response (it keeps responses ${serverRetentionDays} days), so a follow-up cannot continue its conversation: start a new job instead. Mull's copy of the job stays here.`,
      );
    }
    const inherited = this.asNewJob(parent);
    // A follow-up on another model keeps the parent's effort only if that model takes it.
    const model = input.model === undefined ? undefined : findModel(input.model);
    if (input.effort === undefined && model && !model.efforts.some((e) => e === inherited.effort)) {
      inherited.effort = model.defaultEffort ?? undefined;
    }
    // The conversation holds the parent's attachments already (previous_response_id): not re-sent.
    const merged = NewJob.parse({
      ...inherited,
      attachments: undefined,
      title: undefined,
      ...input,
    });
    const [job] = this.submitRows([
      this.newJobRow(merged, { parentId: parent.id, threadId: parent.threadId }),
    ]);
    return job as Job;
  }

  /** Deletes a job from this computer (the server's copy, if any, is not touched). */
  delete(id: JobId): void {
    const job = this.mustGet(id);
    if (
      this.drivers.has(id) ||
      (!isSettled(job.status) && job.status !== 'needs_key' && job.status !== 'pending')
    ) {
      throw new JobActionRefused('This job is still running: cancel it first, then delete it.');
    }
    this.writer.delete(id);
  }

  /** At start: drive every unfinished job (resume from its cursor, or poll). */
  resumeAll(): void {
    if (!this.isDriving) return;
    for (const job of this.store.unfinished()) {
      if (job.status !== 'needs_key') this.drive(job);
    }
    this.pendingScan ??= setInterval(() => this.adoptPending(), this.options.pendingScanMs);
  }

  /**
   * Drives this one job only (`mull wait ID`): resumed from its cursor, polled, or sent if it was
   * never sent. No other job is resumed or sent, and no scan for new ones starts. A job that is
   * settled, waiting for a key, or already driven here is left as it is.
   */
  driveOne(id: JobId): void {
    const job = this.mustGet(id);
    if (job.status !== 'needs_key') this.drive(job);
  }

  /** On wake from sleep and when the network returns: every running job reconnects now. */
  reconcile(): void {
    for (const { driver } of this.drivers.all()) driver.reconcile();
    this.adoptPending();
  }

  /** The key of a provider changed: jobs paused for a key carry on. */
  keyChanged(providerId?: string): void {
    if (!this.isDriving) return;
    for (const job of this.store.unfinished()) {
      if (
        job.status === 'needs_key' &&
        (providerId === undefined || job.providerId === providerId)
      ) {
        this.writer.write(
          job.id,
          { status: job.responseId === null ? 'pending' : 'reconnecting', error: null },
          { kind: 'key_changed' },
        );
        this.drive(this.mustGet(job.id));
      }
    }
  }

  /** Tries the provider with its key (lists its models): "test connection" in Settings. */
  async checkProvider(providerId: string): Promise<{ ok: boolean; message: string }> {
    const provider = this.settings.provider(providerId);
    const client = new ResponsesClient(provider, () => this.keys.get(provider));
    try {
      const models = await client.listModelIds();
      return {
        ok: true,
        message: `Connected to ${provider.label}: ${models.length} models available.`,
      };
    } catch (error) {
      const failure = classifyFailure(error, 'poll');
      const message =
        failure.kind === 'permanent'
          ? failure.message
          : failure.kind === 'expired'
            ? `${provider.label} has no model list at ${provider.baseUrl}: check the base URL.`
            : failure.reason;
      return { ok: false, message };
    }
  }

  /** Resolves when no driver is active (every job settled, or waiting for a key). */
  idle(): Promise<void> {
    return this.drivers.idle();
  }

  /** Flushes, stops every driver (jobs go on on the server and resume next time), releases the lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.pendingScan);
    await this.drivers.stopAll();
    this.writer.close();
    this.db.close();
    this.lock?.release();
  }

  private drive(job: Job): void {
    if (!this.isDriving || this.closed || this.drivers.has(job.id) || isSettled(job.status)) return;
    this.startDriver(job, 'drive');
  }

  /** Starts a driver registered with the manager, so close() stops and awaits it. */
  private startDriver(
    job: Job,
    purpose: 'drive' | 'detached' | 'cancel',
  ): ActiveDriver | undefined {
    let deps: DriverDeps;
    try {
      deps = this.driverDeps(job);
    } catch (error) {
      if (!(error instanceof UnknownProviderError)) throw error;
      // Its provider was removed from the settings by hand: nothing can drive it any more.
      this.writer.write(
        job.id,
        {
          status: 'failed',
          error: { code: 'no_provider', message: error.message },
          finishedAt: this.now(),
        },
        { kind: 'finished', detail: 'failed: no_provider' },
      );
      return undefined;
    }
    const driver = new JobDriver(job, deps, purpose === 'detached');
    // Asked before it runs: a job never sent must not be sent just to be cancelled.
    if (purpose === 'cancel') driver.requestCancel();
    return this.drivers.start(job.id, driver);
  }

  /**
   * Jobs stored by another process are driven by us: sent (`mull submit` while we drive), or
   * followed to their end (`mull attach` while we drive: a response id, nobody driving it). A job
   * whose driver crashed here is not picked up again (it would crash again, every scan).
   */
  private adoptPending(): void {
    if (!this.isDriving || this.closed) return;
    for (const job of this.store.unfinished()) {
      if (this.drivers.has(job.id)) continue;
      const attached =
        job.responseId !== null && job.status !== 'needs_key' && !this.drivers.hasCrashed(job.id);
      if (job.status === 'pending' || attached) this.drive(job);
    }
  }

  private driverDeps(job: Job): DriverDeps {
    const parent = job.parentId === null ? undefined : this.store.get(job.parentId);
    return {
      writer: this.writer,
      client: this.clientFor(job),
      previousResponseId: parent?.responseId ?? undefined,
      readAttachment: this.attachments.read,
      uploads: this.store,
      price: this.settings.price(job.model),
      items: this.store.items(job.id),
      options: this.options,
      now: this.now,
    };
  }

  private clientFor(job: Job): ResponsesClient {
    return this.clientForProvider(job.providerId);
  }

  private clientForProvider(providerId: string): ResponsesClient {
    const provider = this.settings.provider(providerId);
    const cacheKey = `${provider.id} ${provider.baseUrl} ${provider.authStyle}`;
    let client = this.clients.get(cacheKey);
    if (!client) {
      client = new ResponsesClient(provider, () => this.keys.get(provider));
      this.clients.set(cacheKey, client);
    }
    return client;
  }

  private submitRows(rows: Job[]): Job[] {
    this.writer.insert(rows, { kind: 'submitted' });
    for (const row of rows) this.drive(row);
    return rows;
  }

  /** Every new job passes here: its tools are checked against its model before it is stored. */
  private newJobRow(input: ParsedNewJob, links: JobLinks, createdAt = this.now()): Job {
    const checked = checkJobTools(input.model, input.tools);
    if ('refused' in checked) throw new JobActionRefused(checked.refused);
    const refused = attachmentsRefusal(input, this.attachments);
    if (refused !== undefined) throw new JobActionRefused(refused);
    return newJobRecord({ ...input, tools: checked.tools ?? undefined }, links, createdAt);
  }

  private asNewJob(job: Job): ParsedNewJob {
    return NewJob.parse({
      prompt: job.prompt,
      title: job.title === titleFor(job.prompt) ? undefined : job.title,
      model: job.model,
      providerId: job.providerId,
      effort: job.effort ?? undefined,
      reasoningSummary: job.reasoningSummaryMode ?? undefined,
      maxOutputTokens: job.maxOutputTokens ?? undefined,
      instructions: job.instructions ?? undefined,
      tools: job.tools ?? undefined,
      serviceTier: job.serviceTier ?? undefined,
      attachments: job.attachments.length > 0 ? job.attachments : undefined,
    });
  }
}
