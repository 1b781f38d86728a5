// The job store: every read and write of jobs, their timelines, full-text search and settings.
// Statements are prepared once; the engine calls update() many times a second while text streams.
import { z } from 'zod';
import {
  Job,
  JobEvent,
  JobStatus,
  isSettled,
  type JobEventKind,
  type JobId,
} from '../../../shared/job.js';
import {
  JobQuery,
  type JobPage,
  type JobSearchHit,
  type ParsedJobQuery,
} from '../../../shared/job-query.js';
import { OutputItem, searchTextOf } from '../../../shared/output-items.js';
import { toFtsQuery } from './fts-query.js';
import { buildListSql } from './job-list-sql.js';
import { JobPatch } from './job-patch.js';
import {
  columnsWithoutText,
  fieldsToColumns,
  jobColumns,
  jobToColumns,
  rowToJob,
  writtenRowToJob,
  type JobRow,
  type JobRowWithoutText,
} from './job-row.js';
import { JobTexts } from './job-texts.js';
import { rowToSummary, type JobSummaryRow } from './job-summary.js';
import { decodeCursor, encodeCursor } from './list-cursor.js';
import type { Database, Statement, Transaction } from './open-database.js';
import { highlightEnd, highlightStart, toSnippetParts } from './snippet-parts.js';
import { StatementCache, type NamedParams } from './statement-cache.js';
import { SpendQueries, type SpendTotals } from './spend-queries.js';
import { JobNotFoundError } from './store-errors.js';

export interface JobStoreOptions {
  /** The clock for updatedAt and event times; tests pass a fake one. */
  now?: () => number;
}

export interface UpdateOptions {
  /**
   * Leave a settled job's answer, reasoning summary and sources out of the search index until
   * indexSettledText (the engine's writes: the write that ends a job must not tokenize a long
   * answer). Otherwise the index follows at once.
   */
  indexLater?: boolean;
}

interface EventRow {
  job_id: string;
  at: number;
  kind: string;
  detail: string | null;
}

/** One output item to write at its position (the item's index in the response's output). */
export interface PositionedItem {
  position: number;
  item: OutputItem;
}

interface SearchRow {
  id: string;
  title: string;
  snippet: string;
}

const columnList = jobColumns.join(', ');
const unsettledStatuses = JSON.stringify(JobStatus.options.filter((status) => !isSettled(status)));
const settledStatuses = JSON.stringify(JobStatus.options.filter((status) => isSettled(status)));
const SearchLimit = z.number().int().min(1).max(500);

/**
 * How many of a search's matches are ranked by relevance: the newest ones. An older job is still
 * found when the words are specific enough to match it among fewer (README, "Known not to work").
 */
export const rankedMatches = 2000;

export class JobStore {
  readonly #db: Database;
  readonly #now: () => number;
  /** One transaction wrapper for every write (better-sqlite3 builds five functions per wrapper). */
  readonly #inTransaction: Transaction<(fn: () => unknown) => unknown>;
  readonly #updates: StatementCache;
  readonly #lists: StatementCache;
  readonly #insert: Statement<NamedParams>;
  readonly #get: Statement<[string], JobRow>;
  readonly #getByResponseId: Statement<[string], JobRow>;
  readonly #statusOf: Statement<[string], string>;
  readonly #findByIdPrefix: Statement<[string, string], JobRow>;
  readonly #delete: Statement<[string]>;
  readonly #spendRows: Statement<[], { finishedAt: number; model: string; cost: number | null }>;
  readonly #unfinished: Statement<[string], JobRow>;
  readonly #appendEvent: Statement<[string, number, string, string | null]>;
  readonly #events: Statement<[string], EventRow>;
  readonly #search: Statement<NamedParams, SearchRow>;
  readonly #items: Statement<[string], string>;
  readonly #putItem: Statement<[string, number, string, string]>;
  readonly #clearItemsFrom: Statement<[string, number]>;
  readonly #setSourcesText: Statement<[string, string]>;
  readonly #getSetting: Statement<[string], { value: string }>;
  readonly #setSetting: Statement<[string, string]>;
  readonly #uploadedFileId: Statement<[string, string], string>;
  readonly #rememberUpload: Statement<[string, string, string, number]>;
  readonly #forgetUpload: Statement<[string, string]>;
  readonly #texts: JobTexts;
  /** The Spend pane's sums, over indexes. */
  readonly spendTotals: SpendTotals;
  readonly #markIndexed: Statement<[string, string]>;
  readonly #unindexed: Statement<[string], string>;

  constructor(db: Database, options: JobStoreOptions = {}) {
    this.#db = db;
    this.#now = options.now ?? Date.now;
    this.#inTransaction = db.transaction((fn: () => unknown) => fn());
    this.#updates = new StatementCache(db);
    this.#lists = new StatementCache(db);
    this.#insert = db.prepare(
      `INSERT INTO jobs (${columnList}) VALUES (${jobColumns.map((c) => `@${c}`).join(', ')})`,
    );
    this.#get = db.prepare(`SELECT ${columnList} FROM jobs WHERE id = ?`);
    this.#statusOf = db.prepare<[string], string>('SELECT status FROM jobs WHERE id = ?').pluck();
    this.#getByResponseId = db.prepare(`SELECT ${columnList} FROM jobs WHERE response_id = ?`);
    this.#findByIdPrefix = db.prepare(
      `SELECT ${columnList} FROM jobs WHERE substr(id, 1, length(?)) = ? ORDER BY created_at LIMIT 10`,
    );
    this.#delete = db.prepare('DELETE FROM jobs WHERE id = ?');
    // Deleted jobs' spend is kept (migration 8): deleting an answer does not un-spend money.
    this.#spendRows = db.prepare(
      'SELECT finished_at AS finishedAt, model, cost FROM jobs WHERE finished_at IS NOT NULL ' +
        'UNION ALL SELECT finished_at, model, cost FROM deleted_spend',
    );
    this.#unfinished = db.prepare(
      `SELECT ${columnList} FROM jobs WHERE status IN (SELECT value FROM json_each(?)) ` +
        'ORDER BY created_at, id',
    );
    this.#appendEvent = db.prepare(
      'INSERT INTO job_events (job_id, at, kind, detail) VALUES (?, ?, ?, ?)',
    );
    this.#events = db.prepare(
      'SELECT job_id, at, kind, detail FROM job_events WHERE job_id = ? ORDER BY id',
    );
    // Title matches weigh most, then the prompt; the answer, reasoning summary, sources and
    // instructions count as one.
    // Ranked through FTS5's `rank` column (not ORDER BY bm25(...)): FTS5 then sorts the matches
    // itself and snippet() runs only for the rows returned, not for every match (a common word
    // matches every job: the snippets were most of the time, bench/search-latency.ts).
    // Only the newest `rankedMatches` matches are ranked (rowids grow with each job): a common
    // word matches nearly every job, and scoring 90,000 of them took most of a second. The
    // newest match at that depth is found by walking the doclist backwards (cheap in FTS5), and
    // the ranked query starts there (FTS5 seeks to a rowid bound).
    this.#search = db.prepare(
      'SELECT jobs.id AS id, jobs.title AS title, ' +
        "snippet(job_search, -1, @start, @end, '…', 16) AS snippet " +
        'FROM job_search JOIN jobs ON jobs.seq = job_search.rowid ' +
        "WHERE job_search MATCH @query AND rank MATCH 'bm25(5.0, 2.0, 1.0, 1.0, 1.0, 1.0)' " +
        'AND job_search.rowid >= COALESCE((SELECT rowid FROM job_search WHERE job_search MATCH ' +
        `@query ORDER BY rowid DESC LIMIT 1 OFFSET ${rankedMatches - 1}), 0) ` +
        'ORDER BY rank LIMIT @limit',
    );
    this.#items = db
      .prepare<[string], string>('SELECT item FROM job_items WHERE job_id = ? ORDER BY position')
      .pluck();
    this.#putItem = db.prepare(
      'INSERT INTO job_items (job_id, position, type, item) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (job_id, position) DO UPDATE SET type = excluded.type, item = excluded.item ' +
        // An item stored as it is now is not written again: the server's final output repeats
        // the items the stream already gave, and a message item holds the whole answer.
        'WHERE item IS NOT excluded.item OR type IS NOT excluded.type',
    );
    this.#clearItemsFrom = db.prepare('DELETE FROM job_items WHERE job_id = ? AND position >= ?');
    this.#setSourcesText = db.prepare('UPDATE jobs SET sources_text = ? WHERE id = ?');
    this.#getSetting = db.prepare('SELECT value FROM settings WHERE key = ?');
    this.#setSetting = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ' +
        'ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    // Uploaded attachments' file ids (migration 11).
    this.#uploadedFileId = db
      .prepare<[string, string], string>(
        'SELECT file_id FROM uploaded_files WHERE provider_id = ? AND sha256 = ?',
      )
      .pluck();
    this.#rememberUpload = db.prepare(
      'INSERT INTO uploaded_files (provider_id, sha256, file_id, uploaded_at) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (provider_id, sha256) DO UPDATE SET ' +
        'file_id = excluded.file_id, uploaded_at = excluded.uploaded_at',
    );
    this.#forgetUpload = db.prepare(
      'DELETE FROM uploaded_files WHERE provider_id = ? AND sha256 = ?',
    );
    this.#texts = new JobTexts(db);
    this.spendTotals = new SpendQueries(db);
    // Settled text waiting for the search index (migration 12).
    this.#markIndexed = db.prepare(
      'UPDATE jobs SET text_indexed = 1 WHERE id = ? AND text_indexed = 0 ' +
        'AND status IN (SELECT value FROM json_each(?))',
    );
    // Through the partial index, named: left to itself the planner reads every settled job's row
    // through jobs_status, at every start.
    this.#unindexed = db
      .prepare<[string], string>(
        'SELECT id FROM jobs INDEXED BY jobs_text_unindexed WHERE text_indexed = 0 ' +
          'AND status IN (SELECT value FROM json_each(?)) ORDER BY seq',
      )
      .pluck();
  }

  /** False for a database opened read-only (a copy of a data directory Mull may not write to). */
  get writable(): boolean {
    return !this.#db.readonly;
  }

  /**
   * Runs `fn` with every commit synced to disk (synchronous = FULL), for the rare writes that must
   * survive a power cut, such as "this create request is leaving" (a lost one means a second,
   * paid job after a restart).
   */
  durably<T>(fn: () => T): T {
    const previous = this.#db.pragma('synchronous', { simple: true }) as number;
    this.#db.pragma('synchronous = FULL');
    try {
      return fn();
    } finally {
      this.#db.pragma(`synchronous = ${previous}`);
    }
  }

  /** Runs `fn` in one write transaction (nested calls become savepoints); throwing rolls back. */
  transaction<T>(fn: () => T): T {
    // IMMEDIATE takes the write lock up front, so a second connection makes this wait
    // (busy_timeout) rather than fail half-way when a read would have to become a write.
    return this.#inTransaction.immediate(fn) as T;
  }

  insert(job: Job): void {
    const parsed = Job.parse(job);
    if (isSettled(parsed.status)) {
      this.#insert.run(jobToColumns(parsed));
      return;
    }
    // A running job's text lives in chunks (job-texts.ts), so its row stays small.
    this.transaction(() => {
      this.#insert.run({ ...jobToColumns(parsed), answer: '', reasoning_summary: '' });
      this.#texts.insertRunning(parsed.id, parsed);
    });
  }

  get(id: JobId): Job | undefined {
    const row = this.#get.get(id);
    return row === undefined ? undefined : this.#rowToJob(row);
  }

  /** Just a job's status (cheap: no text, no validation); undefined when there is no such job. */
  statusOf(id: JobId): JobStatus | undefined {
    return this.#statusOf.get(id) as JobStatus | undefined;
  }

  getByResponseId(responseId: string): Job | undefined {
    const row = this.#getByResponseId.get(responseId);
    return row === undefined ? undefined : this.#rowToJob(row);
  }

  /**
   * Every finished job's end time, model and cost (null when unpriced), the deleted ones'
   * included: what Spend sums (`spendTotals` sums it in SQL; tests hold the two side by side).
   */
  spendRows(): Array<{ finishedAt: number; model: string; cost: number | null }> {
    return this.#spendRows.all();
  }

  /** Jobs whose id starts with `prefix` (at most 10), for ids typed by people. */
  findByIdPrefix(prefix: string): Job[] {
    if (prefix === '') return [];
    return this.#findByIdPrefix.all(prefix, prefix).map((row) => this.#rowToJob(row));
  }

  /**
   * Writes the fields present in `patch`, raises the revision by one, sets updatedAt, and returns
   * the stored job. A patch without fields changes nothing. Throws JobNotFoundError.
   * Text with an append (`answerAppend`, `summaryAppend`) that starts where the stored text ends
   * is stored as a chunk of its own, and the returned job carries the patch's text: neither the
   * write nor the read back grows with the text. The write that settles a job compacts its chunks
   * into its columns.
   */
  update(id: JobId, patch: JobPatch, options: UpdateOptions = {}): Job {
    const { answer, reasoningSummary, answerAppend, summaryAppend, ...fields } =
      JobPatch.parse(patch);
    const columns = fieldsToColumns(fields);
    const textWritten = answer !== undefined || reasoningSummary !== undefined;
    if (Object.keys(columns).length === 0 && !textWritten) {
      const job = this.get(id);
      if (job === undefined) throw new JobNotFoundError(id);
      return job;
    }
    // The chunks and the row change together (a savepoint inside the writer's transaction).
    return this.transaction(() => {
      const before = this.statusOf(id);
      if (before === undefined) throw new JobNotFoundError(id);
      const settling = {
        wasSettled: isSettled(before),
        settled: isSettled(fields.status ?? before),
      };
      const texts = this.#texts;
      const writtenAnswer = texts.write(id, 'answer', answer, answerAppend, settling, columns);
      const writtenSummary = texts.write(
        id,
        'summary',
        reasoningSummary,
        summaryAppend,
        settling,
        columns,
      );
      // Only a settled job's text is indexed: a running job's flag is left alone, so its
      // streaming writes do not touch the partial index of the jobs waiting for indexing.
      if (settling.settled && (fields.status !== undefined || textWritten))
        columns.text_indexed = options.indexLater === true ? 0 : 1;
      const names = Object.keys(columns);
      // One statement per set of columns; fieldsToColumns lists columns in a fixed order.
      const statement = this.#updates.get<JobRowWithoutText>(names.join(','), () =>
        updateSql(names),
      );
      const row = statement.get({ ...columns, id, updated_at: this.#now() });
      if (row === undefined) throw new JobNotFoundError(id);
      if (writtenAnswer !== undefined && writtenSummary !== undefined) {
        return writtenRowToJob(row, { answer: writtenAnswer, reasoningSummary: writtenSummary });
      }
      // A write that left a text as it was (a status, the usage): read that text back.
      const stored = texts.of(id);
      return writtenRowToJob(row, {
        answer: writtenAnswer ?? stored.answer,
        reasoningSummary: writtenSummary ?? stored.reasoningSummary,
      });
    });
  }

  /**
   * Indexes a settled job's answer, reasoning summary and sources for search, if a write with
   * `indexLater` left them out (one job: the long step, in a transaction of its own). True if it did.
   */
  indexSettledText(id: JobId): boolean {
    return this.#markIndexed.run(id, settledStatuses).changes > 0;
  }

  /** Settled jobs whose text waits for indexSettledText, oldest first (after a crash: a few). */
  unindexedSettled(): JobId[] {
    return this.#unindexed.all(settledStatuses);
  }

  /** A job's output items in order; empty when it has none. */
  items(jobId: JobId): OutputItem[] {
    return this.#items.all(jobId).map((json) => OutputItem.parse(JSON.parse(json)));
  }

  /** Writes output items at their positions (new ones, or ones that changed while streaming). */
  putItems(jobId: JobId, items: readonly PositionedItem[]): void {
    for (const { position, item } of items) {
      this.#putItem.run(jobId, position, item.type, JSON.stringify(item));
    }
  }

  /**
   * Replaces a job's output items with `items` (the server's final output), and the text search
   * finds the job by (cited titles and URLs, searches made: indexed once the job has settled).
   */
  replaceItems(jobId: JobId, items: readonly OutputItem[]): void {
    this.putItems(
      jobId,
      items.map((item, position) => ({ position, item })),
    );
    this.#clearItemsFrom.run(jobId, items.length);
    this.#setSourcesText.run(searchTextOf(items), jobId);
  }

  /** Deletes the job with its timeline; the search index follows. False if there was none. */
  delete(id: JobId): boolean {
    return this.#delete.run(id).changes > 0;
  }

  /** Jobs a driver still has to work on (not settled), oldest first. */
  unfinished(): Job[] {
    return this.#unfinished.all(unsettledStatuses).map((row) => this.#rowToJob(row));
  }

  appendEvent(
    jobId: JobId,
    kind: JobEventKind,
    detail: string | null = null,
    at: number = this.#now(),
  ): void {
    const event = JobEvent.parse({ jobId, kind, detail, at });
    this.#appendEvent.run(event.jobId, event.at, event.kind, event.detail);
  }

  /** A job's timeline in the order it was written. */
  events(jobId: JobId): JobEvent[] {
    return this.#events
      .all(jobId)
      .map((row) =>
        JobEvent.parse({ jobId: row.job_id, at: row.at, kind: row.kind, detail: row.detail }),
      );
  }

  /** A page of jobs matching the query's filters, with the total over all pages. */
  list(query: JobQuery = {}): JobPage {
    const parsed = JobQuery.parse(query);
    const text = parsed.text?.trim() ?? '';
    const ftsQuery = text === '' ? null : toFtsQuery(text);
    // Words with nothing searchable in them (only punctuation) match nothing.
    if (text !== '' && ftsQuery === null) return { jobs: [], total: 0, nextCursor: null };
    // The page and the total come from one snapshot, so they agree.
    return this.#db.transaction(() => this.#listPage(parsed, ftsQuery))();
  }

  /** Jobs whose text matches `words`, best first, each with a snippet around the match. */
  search(words: string, limit = 20): JobSearchHit[] {
    const query = toFtsQuery(words);
    if (query === null) return [];
    const rows = this.#search.all({
      query,
      limit: SearchLimit.parse(limit),
      start: highlightStart,
      end: highlightEnd,
    });
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      snippet: toSnippetParts(row.snippet),
    }));
  }

  /** The JSON value stored under `key`, or undefined. */
  getSetting(key: string): unknown {
    const row = this.#getSetting.get(key);
    return row === undefined ? undefined : JSON.parse(row.value);
  }

  setSetting(key: string, value: unknown): void {
    const json = JSON.stringify(value) as string | undefined;
    if (json === undefined) throw new TypeError(`The setting ${key} must be a JSON value.`);
    this.#setSetting.run(key, json);
  }

  /** The file id this provider gave the attachment with this sha256, if it was uploaded there. */
  uploadedFileId(providerId: string, sha256: string): string | undefined {
    return this.#uploadedFileId.get(providerId, sha256);
  }

  /** Remembers an upload; the latest one of the same file to the same provider wins. */
  rememberUpload(providerId: string, sha256: string, fileId: string): void {
    this.#rememberUpload.run(providerId, sha256, fileId, this.#now());
  }

  /** Forgets uploads whose ids the provider may no longer know: the next job uploads again. */
  forgetUploads(providerId: string, sha256s: readonly string[]): void {
    this.transaction(() => {
      for (const sha256 of sha256s) this.#forgetUpload.run(providerId, sha256);
    });
  }

  /** A stored row as a job, with its texts' chunks (a running job's). */
  #rowToJob(row: JobRow): Job {
    return rowToJob(this.#texts.withChunks(row));
  }

  #listPage(query: ParsedJobQuery, ftsQuery: string | null): JobPage {
    const after =
      query.cursor == null ? null : decodeCursor(query.cursor, query.sort, query.direction);
    const sql = buildListSql(query, ftsQuery, after);
    const pageParams: NamedParams = { ...sql.params, limit: query.limit + 1 };
    if (after !== null) {
      pageParams.after_value = after.value;
      pageParams.after_id = after.id;
    }
    const rows = this.#lists.get<JobSummaryRow>(sql.page, () => sql.page).all(pageParams);
    const count = this.#lists.get<{ total: number }>(sql.count, () => sql.count).get(sql.params);

    const pageRows = rows.slice(0, query.limit);
    const last = pageRows.at(-1);
    const nextCursor =
      rows.length > query.limit && last !== undefined
        ? encodeCursor({
            sort: query.sort,
            direction: query.direction,
            value: query.sort === 'createdAt' ? last.created_at : last.updated_at,
            id: last.id,
          })
        : null;
    return { jobs: pageRows.map(rowToSummary), total: count?.total ?? 0, nextCursor };
  }
}

function updateSql(columns: readonly string[]): string {
  // No columns at all: an append alone, whose text went to answer_chunks.
  const assignments = [
    ...columns.map((column) => `${column} = @${column}`),
    'updated_at = @updated_at',
    'revision = revision + 1',
  ].join(', ');
  return `UPDATE jobs SET ${assignments} WHERE id = @id RETURNING ${columnsWithoutText.join(', ')}`;
}
