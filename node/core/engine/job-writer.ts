// Every write of a job's state goes through here, so these rules hold everywhere:
// - write, then tell: listeners hear about a change only after its transaction committed;
// - cheap persistence: streamed text is coalesced into one transaction per flush interval for all
//   jobs together, while status changes and terminal states are written at once; what a flush
//   adds to a text is appended (JobStore.update), so a flush costs the same at 20 KB and at 2 MB;
// - a settled job's text reaches the search index in a later transaction of its own, after the
//   write that ended it (tokenizing a long answer took most of that write), and at the latest
//   before this process searches or closes, or when the next one opens after a crash.
import type { Job, JobEventKind, JobId } from '../../../shared/job.js';
import { isSettled, isTerminal } from '../../../shared/job.js';
import { redactKeys } from '../secrets/redact-keys.js';
import type { OutputItem } from '../../../shared/output-items.js';
import type { JobPatch, JobStore, PositionedItem } from '../store/index.js';

export interface JobChange {
  job: Job;
  /** True on the write that made the job terminal (for notifications). */
  becameTerminal: boolean;
}

/**
 * How long one transaction of the timed flush may write before it commits and yields, in ms. A
 * slice is bounded by time, not by a count of jobs: a round of 1,000 streams is a handful of
 * transactions (one when it fits), and the thread is never held longer than this by one.
 */
export const defaultFlushSliceMs = 8;

export type ChangeListener = (change: JobChange) => void;

/**
 * Output items written with a patch, in the same transaction: the items changed while streaming
 * (written with the cursor that covers them), or the whole final output that replaces them.
 */
export type ItemsWrite = { put: readonly PositionedItem[] } | { replace: readonly OutputItem[] };

/** A staged write: built when the flush runs, so it holds the latest text and items. */
export interface StagedWrite {
  patch: JobPatch;
  items?: ItemsWrite;
}

export interface TimelineEntry {
  kind: JobEventKind;
  detail?: string | null;
}

export class JobWriter {
  private staged = new Map<JobId, () => StagedWrite>();
  private timer: NodeJS.Timeout | undefined;
  /**
   * The jobs a timed flush found staged, written a slice at a time. What is staged after the
   * flush began waits for the next flush period, so many streams still make about one round of
   * transactions per period (not one per event-loop turn while anything is staged).
   */
  private round: JobId[] = [];
  /** Jobs whose first text is staged, written at the end of the turn (see stage). */
  private firsts: JobId[] = [];
  private firstsTimer: NodeJS.Immediate | undefined;
  private listeners = new Set<ChangeListener>();
  /** While inOneSyncedCommit runs: the changes its writes will tell once it has committed. */
  private held: JobChange[] | undefined;
  private deletionListeners = new Set<(id: JobId) => void>();
  /** Settled jobs whose text may still wait for the search index, oldest first. */
  private unindexed = new Set<JobId>();
  private indexTimer: NodeJS.Timeout | undefined;
  /** Transactions committed, for the benchmark's tx-per-job-second figure. */
  transactions = 0;
  /** Of those, the ones synced to disk (inOneSyncedCommit), for the benchmark's streams_1000. */
  syncedCommits = 0;

  private readonly sliceMs: number;
  private readonly indexDelayMs: number;

  /**
   * `sliceMs`: the longest a flush runs before it yields a turn. `indexDelayMs` (the flush
   * period unless given): how long after settling a job's text waits for the search index.
   */
  constructor(
    private readonly store: JobStore,
    private readonly flushMs: number,
    options: { sliceMs?: number; indexDelayMs?: number } = {},
  ) {
    this.sliceMs = options.sliceMs ?? defaultFlushSliceMs;
    this.indexDelayMs = options.indexDelayMs ?? flushMs;
    // A crash between a job's last write and its indexing leaves it unindexed: index it now.
    if (store.writable) {
      for (const id of store.unindexedSettled()) this.unindexed.add(id);
      this.indexSoon();
    }
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes now (with timeline entries and items, in the same transaction), then tells. */
  write(
    id: JobId,
    unredacted: JobPatch,
    entry?: TimelineEntry | readonly TimelineEntry[],
    items?: ItemsWrite,
  ): Job {
    const patch = withoutKeys(unredacted);
    const staged = this.staged.get(id);
    this.staged.delete(id);
    const before = this.store.statusOf(id);
    const job = this.store.transaction(() => {
      // A staged write is older than this one: apply it first so nothing is lost.
      const older = staged?.();
      if (older?.items) this.writeItems(id, older.items);
      if (items) this.writeItems(id, items);
      const updated = this.store.update(id, older ? merged(older.patch, patch) : patch, {
        indexLater: true,
      });
      for (const one of entry === undefined ? [] : 'kind' in entry ? [entry] : entry)
        this.store.appendEvent(id, one.kind, redactKeys(one.detail ?? null));
      return updated;
    });
    if (this.held === undefined) this.transactions++; // else a savepoint of inOneSyncedCommit's
    if (isSettled(job.status)) {
      this.unindexed.add(id);
      this.indexSoon();
    }
    this.tell([{ job, becameTerminal: isTerminal(job.status) && !(before && isTerminal(before)) }]);
    return job;
  }

  /** Stores new jobs, each with its first timeline entry, in one transaction, then tells. */
  insert(job: Job, entry: TimelineEntry, items?: ItemsWrite): Job;
  insert(jobs: Job[], entry: TimelineEntry): Job[];
  insert(jobs: Job | Job[], entry: TimelineEntry, items?: ItemsWrite): Job | Job[] {
    const list = (Array.isArray(jobs) ? jobs : [jobs]).map(withoutKeys);
    this.store.transaction(() => {
      for (const job of list) {
        this.store.insert(job);
        this.store.appendEvent(job.id, entry.kind, redactKeys(entry.detail ?? null), job.createdAt);
        if (items) this.writeItems(job.id, items);
      }
    });
    this.transactions++;
    this.tell(list.map((job) => ({ job, becameTerminal: isTerminal(job.status) })));
    return Array.isArray(jobs) ? list : (list[0] as Job);
  }

  /**
   * Runs `writes` (calls of write) in one transaction synced to disk (see JobStore.durably).
   * Listeners hear of them once it has committed; if it throws, none of them is kept or told. A
   * field, so that every create of this writer names the same function (request-sent.ts groups
   * the marks of creates leaving together by it).
   */
  readonly inOneSyncedCommit = (writes: () => void): void => {
    const held: JobChange[] = [];
    this.held = held;
    try {
      this.store.durably(() => this.store.transaction(writes));
    } finally {
      this.held = undefined;
    }
    this.transactions++;
    this.syncedCommits++;
    this.tell(held);
  };

  /** Appends a timeline entry alone. */
  note(id: JobId, entry: TimelineEntry): void {
    this.store.appendEvent(id, entry.kind, redactKeys(entry.detail ?? null));
  }

  /**
   * Remembers how to build a job's latest text patch (and items); written at the next flush. A
   * job's first text (`first`) is written sooner, at the end of this event-loop turn with the
   * other first texts of the turn: a job is seen streaming as soon as it streams, while what
   * follows is coalesced. With a thousand streams a round of the timed flush spans many turns
   * (a slice each), and a job that began streaming meanwhile waited a round and a period.
   */
  stage(id: JobId, write: () => StagedWrite, first = false): void {
    this.staged.set(id, write);
    if (first) {
      this.firsts.push(id);
      this.firstsTimer ??= setImmediate(() => this.flushFirsts());
    }
    this.timer ??= setTimeout(() => this.flushInSlices(), this.flushMs);
  }

  /** Writes every staged patch now, in one transaction, then tells. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    clearImmediate(this.firstsTimer);
    this.firstsTimer = undefined;
    this.firsts = [];
    this.round = [];
    this.writeStaged([...this.staged.keys()]);
  }

  /** The first texts staged in this turn, in one slice (what does not fit: in the next turn). */
  private flushFirsts(): void {
    this.firstsTimer = undefined;
    this.firsts.splice(0, this.writeStaged(this.firsts, this.sliceMs));
    if (this.firsts.length > 0) this.firstsTimer = setImmediate(() => this.flushFirsts());
  }

  /**
   * The timed flush: as many jobs per transaction as fit in sliceMs, yielding to the event loop in
   * between, so a thousand streaming jobs never hold the engine's thread for long.
   */
  private flushInSlices(): void {
    this.timer = undefined;
    if (this.round.length === 0) this.round = [...this.staged.keys()];
    this.round.splice(0, this.writeStaged(this.round, this.sliceMs));
    if (this.round.length > 0) {
      // The next slice of this round after pending I/O has had its turn.
      this.timer = setTimeout(() => this.flushInSlices(), 0);
    } else if (this.staged.size > 0) {
      // Staged while this round was written: the next period's round.
      this.timer = setTimeout(() => this.flushInSlices(), this.flushMs);
    }
  }

  /**
   * Writes what is staged for `ids` (the ones still staged), in order, in one transaction, then
   * tells; stops after the write that passes `budgetMs` (at least one is written). Returns how
   * many of `ids` it went through.
   */
  private writeStaged(ids: readonly JobId[], budgetMs = Number.POSITIVE_INFINITY): number {
    const first = ids.findIndex((id) => this.staged.has(id));
    if (first === -1) return ids.length;
    const started = performance.now();
    let through = first;
    const jobs = this.store.transaction(() => {
      const written: Job[] = [];
      while (through < ids.length) {
        const id = ids[through++] as JobId;
        const staged = this.staged.get(id);
        if (!staged) continue;
        this.staged.delete(id);
        const { patch, items } = staged();
        if (items) this.writeItems(id, items);
        written.push(this.store.update(id, patch, { indexLater: true }));
        if (performance.now() - started >= budgetMs) break;
      }
      return written;
    });
    this.transactions++;
    this.tell(jobs.map((job) => ({ job, becameTerminal: false })));
    return through;
  }

  private writeItems(id: JobId, items: ItemsWrite): void {
    // Items go before the job's row: the search index then sees the final sources when the row's
    // status settles (one re-index, not two).
    if ('replace' in items) this.store.replaceItems(id, items.replace);
    else if (items.put.length > 0) this.store.putItems(id, items.put);
  }

  /** Deletion events, told after the job (and its timeline) left the database. */
  onDeleted(listener: (id: JobId) => void): () => void {
    this.deletionListeners.add(listener);
    return () => this.deletionListeners.delete(listener);
  }

  /**
   * Indexes now every settled text this writer left for later, so a search finds what was
   * written: before searching, and when closing.
   */
  indexSettled(): void {
    clearTimeout(this.indexTimer);
    this.indexTimer = undefined;
    while (this.indexNext()) {
      // one job per transaction
    }
  }

  /** Indexes the oldest waiting job's settled text; false when none was waiting. */
  private indexNext(): boolean {
    const [id] = this.unindexed;
    if (id === undefined) return false;
    this.unindexed.delete(id);
    // A transaction of its own, so the write that settled the job (and told it) stays short.
    if (this.store.transaction(() => this.store.indexSettledText(id))) this.transactions++;
    return true;
  }

  /** After indexDelayMs, one job per event-loop turn: streaming jobs' writes go in between. */
  private indexSoon(): void {
    if (this.indexTimer !== undefined || this.unindexed.size === 0) return;
    const next = () => {
      this.indexTimer = undefined;
      this.indexNext();
      if (this.unindexed.size > 0) this.indexTimer = setTimeout(next, 0);
    };
    this.indexTimer = setTimeout(next, this.indexDelayMs);
    // A process about to exit does not wait for it: close() indexes, or the next open does.
    this.indexTimer.unref();
  }

  /** Deletes a job with what is staged for it, then tells. */
  delete(id: JobId): void {
    this.staged.delete(id);
    this.unindexed.delete(id);
    this.store.delete(id);
    this.transactions++;
    for (const listener of this.deletionListeners) {
      try {
        listener(id);
      } catch (error) {
        console.error('mull: a job deletion listener failed', error);
      }
    }
  }

  close(): void {
    this.flush();
    this.indexSettled();
    this.listeners.clear();
    this.deletionListeners.clear();
  }

  private tell(changes: JobChange[]): void {
    if (this.held) {
      this.held.push(...changes);
      return;
    }
    for (const change of changes) {
      for (const listener of this.listeners) {
        try {
          listener(change);
        } catch (error) {
          // A failing listener (a closed window) must not stop the engine.
          console.error('mull: a job change listener failed', error);
        }
      }
    }
  }
}

/**
 * A staged (older) patch under a newer one. Each text travels with its append: the newer patch's
 * text replaces the older's along with its append (or the lack of one), so an append is never
 * paired with a text it was not taken from (the store would then append the wrong tail).
 */
function merged(older: JobPatch, newer: JobPatch): JobPatch {
  const patch = { ...older, ...newer };
  if (newer.answer !== undefined && newer.answerAppend === undefined) delete patch.answerAppend;
  if (newer.reasoningSummary !== undefined && newer.summaryAppend === undefined)
    delete patch.summaryAppend;
  return patch;
}

/** Server text can quote a key: error messages are stored redacted (secrets/redact-keys.ts). */
function withoutKeys<T extends JobPatch>(patch: T): T {
  const error = patch.error;
  return error ? { ...patch, error: { ...error, message: redactKeys(error.message) } } : patch;
}
