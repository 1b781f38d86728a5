// One test per migration on a fresh database (the schema right after it), then the rules every
// migration run follows: in order, once, each in its own transaction.
import { describe, expect, it } from 'vitest';
import { JobStatus, isSettled } from '../../../shared/job.js';
import { migrate } from './migrate.js';
import { settledStatusesSql } from './migrations/settled-statuses.js';
import { shippedMigrations, type Migration } from './migrations/index.js';
import type { Database } from './open-database.js';
import { useTestDatabases } from './test-support/test-databases.js';

const databases = useTestDatabases();

function openAt(version: number): Database {
  return databases.open(databases.tempDir(), shippedMigrations.slice(0, version));
}

function objectNames(db: Database, type: 'table' | 'index' | 'trigger'): string[] {
  return db
    .prepare<[string], string>(
      "SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all(type);
}

function columnsOf(db: Database, table: string): string[] {
  return db.prepare<[string], string>('SELECT name FROM pragma_table_info(?)').pluck().all(table);
}

describe('migration 1: jobs', () => {
  it('creates the jobs table with a column per Job field and its indexes', () => {
    const db = openAt(1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(objectNames(db, 'table')).toEqual(['jobs']);
    expect(columnsOf(db, 'jobs')).toEqual([
      'seq',
      'id',
      'title',
      'prompt',
      'instructions',
      'model',
      'provider_id',
      'effort',
      'reasoning_summary_mode',
      'max_output_tokens',
      'status',
      'server_status',
      'response_id',
      'resolved_model',
      'cursor',
      'answer',
      'reasoning_summary',
      'input_tokens',
      'cached_tokens',
      'output_tokens',
      'reasoning_tokens',
      'total_tokens',
      'cost',
      'error_code',
      'error_message',
      'incomplete_reason',
      'retry_of',
      'parent_id',
      'thread_id',
      'created_at',
      'submitted_at',
      'started_at',
      'finished_at',
      'updated_at',
      'revision',
    ]);
    expect(objectNames(db, 'index')).toEqual([
      'jobs_created_at',
      'jobs_model',
      'jobs_response_id',
      'jobs_status',
      'jobs_thread_id',
      'jobs_updated_at',
    ]);
  });
});

describe('migration 2: job events', () => {
  it('adds the timeline table, its rows cascading with their job', () => {
    const db = openAt(2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(objectNames(db, 'table')).toEqual(['job_events', 'jobs']);
    expect(columnsOf(db, 'job_events')).toEqual(['id', 'job_id', 'at', 'kind', 'detail']);
    expect(db.pragma('foreign_key_list(job_events)')).toMatchObject([
      { table: 'jobs', from: 'job_id', to: 'id', on_delete: 'CASCADE' },
    ]);
  });
});

describe('migration 3: job search', () => {
  it('adds the FTS5 index over the jobs text and the triggers that keep it in step', () => {
    const db = openAt(3);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(objectNames(db, 'table')).toContain('job_search');
    expect(columnsOf(db, 'job_search')).toEqual(['title', 'prompt', 'answer', 'reasoning_summary']);
    expect(objectNames(db, 'trigger')).toEqual([
      'jobs_search_delete',
      'jobs_search_insert',
      'jobs_search_update',
    ]);
  });

  it('indexes jobs stored before it ran', () => {
    const dataDir = databases.tempDir();
    const before = databases.open(dataDir, shippedMigrations.slice(0, 2));
    before
      .prepare(
        'INSERT INTO jobs (id, title, prompt, model, provider_id, status, thread_id, created_at, updated_at) ' +
          "VALUES ('old', 'Old job', 'about zebras', 'gpt-5', 'openai', 'completed', 'old', 1, 1)",
      )
      .run();
    before.close();
    const after = databases.open(dataDir, shippedMigrations.slice(0, 3));
    const found = after
      .prepare("SELECT rowid FROM job_search WHERE job_search MATCH 'zebras'")
      .pluck()
      .all();
    expect(found).toHaveLength(1);
  });
});

describe('migration 4: settings', () => {
  it('adds the settings table, holding JSON values only', () => {
    const db = openAt(4);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(columnsOf(db, 'settings')).toEqual(['key', 'value']);
    const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    expect(() => insert.run('ok', '{"a":1}')).not.toThrow();
    expect(() => insert.run('bad', 'not json')).toThrow(/CHECK constraint failed/);
  });
});

describe('the settled statuses frozen in the shipped migrations', () => {
  it('are the statuses that settle today: a new settled status needs a migration of its own', () => {
    const frozen = settledStatusesSql.split(', ').map((quoted) => quoted.slice(1, -1));
    expect(new Set(frozen)).toEqual(
      new Set(JobStatus.options.filter((status) => isSettled(status))),
    );
  });
});

describe('migration 5: search settled text', () => {
  const insertJob = (db: Database, id: string, status: string, answer: string) =>
    db
      .prepare(
        'INSERT INTO jobs (id, title, prompt, model, provider_id, status, thread_id, created_at, updated_at, answer) ' +
          "VALUES (?, 'A title', 'a prompt', 'gpt-5', 'openai', ?, ?, 1, 1, ?)",
      )
      .run(id, status, id, answer);
  const matches = (db: Database, words: string) =>
    db
      .prepare<[string], number>('SELECT rowid FROM job_search WHERE job_search MATCH ?')
      .pluck()
      .all(words);

  it('indexes an answer once its job settles, not while it streams; the index stays consistent', () => {
    const db = openAt(5);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    insertJob(db, 'running', 'in_progress', 'partial walrus');
    expect(matches(db, 'walrus')).toEqual([]);
    expect(matches(db, 'title')).toHaveLength(1);
    db.prepare("UPDATE jobs SET answer = 'partial walrus text' WHERE id = 'running'").run();
    expect(matches(db, 'walrus')).toEqual([]);
    db.prepare(
      "UPDATE jobs SET status = 'completed', answer = 'final walrus text' WHERE id = 'running'",
    ).run();
    expect(matches(db, 'walrus')).toHaveLength(1);
    expect(matches(db, 'partial')).toEqual([]);
    insertJob(db, 'another', 'reconnecting', 'streamed narwhal');
    expect(() =>
      db.exec("INSERT INTO job_search (job_search, rank) VALUES ('integrity-check', 1)"),
    ).not.toThrow();
    db.prepare("DELETE FROM jobs WHERE id = 'running'").run();
    expect(matches(db, 'walrus')).toEqual([]);
  });

  it('keeps the answers of settled jobs stored before it ran searchable', () => {
    const dataDir = databases.tempDir();
    const before = databases.open(dataDir, shippedMigrations.slice(0, 4));
    insertJob(before, 'old', 'completed', 'about zebras');
    before.close();
    const after = databases.open(dataDir, shippedMigrations.slice(0, 5));
    expect(matches(after, 'zebras')).toHaveLength(1);
  });
});

describe('migration 6: job tools', () => {
  const insertJob = (db: Database, id: string) =>
    db
      .prepare(
        'INSERT INTO jobs (id, title, prompt, model, provider_id, status, thread_id, created_at, updated_at) ' +
          "VALUES (?, 'A title', 'a prompt', 'o3-deep-research', 'openai', 'pending', ?, 1, 1)",
      )
      .run(id, id);
  const toolsOf = (db: Database, id: string) =>
    db.prepare<[string], string | null>('SELECT tools FROM jobs WHERE id = ?').pluck().get(id);

  it('adds a tools column holding JSON only; jobs stored before it have none', () => {
    const dataDir = databases.tempDir();
    const before = databases.open(dataDir, shippedMigrations.slice(0, 5));
    insertJob(before, 'old');
    before.close();
    const db = databases.open(dataDir, shippedMigrations.slice(0, 6));
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(columnsOf(db, 'jobs')).toContain('tools');
    expect(toolsOf(db, 'old')).toBeNull();
    db.prepare("UPDATE jobs SET tools = '{\"webSearch\":true}' WHERE id = 'old'").run();
    expect(toolsOf(db, 'old')).toBe('{"webSearch":true}');
    expect(() => db.prepare("UPDATE jobs SET tools = 'not json' WHERE id = 'old'").run()).toThrow(
      /CHECK constraint/,
    );
  });
});

describe('migration 11: uploaded files', () => {
  const sha = 'ab'.repeat(32);
  const insert = (db: Database, providerId: string, sha256: string, fileId: string) =>
    db
      .prepare(
        'INSERT INTO uploaded_files (provider_id, sha256, file_id, uploaded_at) VALUES (?, ?, ?, 1)',
      )
      .run(providerId, sha256, fileId);

  it('adds the file ids of uploads, one per provider and file, keeping the jobs stored before it', () => {
    const dataDir = databases.tempDir();
    const before = databases.open(dataDir, shippedMigrations.slice(0, 10));
    before
      .prepare(
        'INSERT INTO jobs (id, title, prompt, model, provider_id, status, thread_id, created_at, updated_at) ' +
          "VALUES ('old', 'Old job', 'a prompt', 'gpt-5', 'openai', 'completed', 'old', 1, 1)",
      )
      .run();
    before.close();
    const db = databases.open(dataDir, shippedMigrations.slice(0, 11));
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    expect(db.prepare('SELECT count(*) FROM jobs').pluck().get()).toBe(1);
    expect(columnsOf(db, 'uploaded_files')).toEqual([
      'provider_id',
      'sha256',
      'file_id',
      'uploaded_at',
    ]);
    insert(db, 'openai', sha, 'file-a');
    insert(db, 'azure', sha, 'file-b'); // the same file on another provider: its own id
    expect(() => insert(db, 'openai', sha, 'file-c')).toThrow(/UNIQUE constraint/u);
    expect(() => insert(db, 'openai', 'AB'.repeat(32), 'file-d')).toThrow(/CHECK constraint/u);
    expect(() => insert(db, 'openai', 'ab', 'file-e')).toThrow(/CHECK constraint/u);
    expect(() => insert(db, 'openai', 'cd'.repeat(32), '')).toThrow(/CHECK constraint/u);
  });
});

describe('migration 12: answer chunks', () => {
  const insertJob = (db: Database, id: string, status: string, answer: string, summary: string) =>
    db
      .prepare(
        'INSERT INTO jobs (id, title, prompt, model, provider_id, status, thread_id, created_at, ' +
          "updated_at, answer, reasoning_summary) VALUES (?, 'A title', 'a prompt', 'gpt-5', " +
          "'openai', ?, ?, 1, 1, ?, ?)",
      )
      .run(id, status, id, answer, summary);
  const matches = (db: Database, words: string) =>
    db
      .prepare<[string], number>('SELECT rowid FROM job_search WHERE job_search MATCH ?')
      .pluck()
      .all(words);

  it('moves running jobs’ text into chunks and keeps the index as it was, without a rebuild', () => {
    const dataDir = databases.tempDir();
    const before = databases.open(dataDir, shippedMigrations.slice(0, 11));
    insertJob(before, 'done', 'completed', 'about zebras', 'striped');
    insertJob(before, 'running', 'in_progress', 'partial walrus 🧠', 'thinking');
    insertJob(before, 'empty', 'queued', '', '');
    before.close();
    const db = databases.open(dataDir, shippedMigrations.slice(0, 12));
    expect(db.pragma('user_version', { simple: true })).toBe(12);
    expect(columnsOf(db, 'answer_chunks')).toEqual(['job_id', 'part', 'start', 'text']);
    expect(columnsOf(db, 'jobs')).toContain('text_indexed');
    expect(db.pragma('foreign_key_list(answer_chunks)')).toMatchObject([
      { table: 'jobs', from: 'job_id', to: 'id', on_delete: 'CASCADE' },
    ]);
    expect(
      db.prepare('SELECT job_id, part, start, text FROM answer_chunks ORDER BY job_id, part').all(),
    ).toEqual([
      { job_id: 'running', part: 'answer', start: 0, text: 'partial walrus 🧠' },
      { job_id: 'running', part: 'summary', start: 0, text: 'thinking' },
    ]);
    expect(
      db.prepare('SELECT id, answer, reasoning_summary, text_indexed FROM jobs ORDER BY id').all(),
    ).toEqual([
      { id: 'done', answer: 'about zebras', reasoning_summary: 'striped', text_indexed: 1 },
      { id: 'empty', answer: '', reasoning_summary: '', text_indexed: 1 },
      { id: 'running', answer: '', reasoning_summary: '', text_indexed: 1 },
    ]);
    // The index, renamed away and back, still holds what it held, prefixes included.
    expect(matches(db, 'zebras')).toHaveLength(1);
    expect(matches(db, 'ze*')).toHaveLength(1);
    expect(matches(db, 'walrus')).toEqual([]);
    expect(() =>
      db.exec("INSERT INTO job_search (job_search, rank) VALUES ('integrity-check', 1)"),
    ).not.toThrow();
    // A job settled with text_indexed = 0 is searchable only from the write that sets 1.
    db.prepare("UPDATE jobs SET status = 'completed', text_indexed = 0 WHERE id = 'running'").run();
    db.prepare("UPDATE jobs SET answer = 'final walrus' WHERE id = 'running'").run();
    expect(matches(db, 'walrus')).toEqual([]);
    db.prepare("UPDATE jobs SET text_indexed = 1 WHERE id = 'running'").run();
    expect(matches(db, 'walrus')).toHaveLength(1);
    expect(() =>
      db.exec("INSERT INTO job_search (job_search, rank) VALUES ('integrity-check', 1)"),
    ).not.toThrow();
    expect(() =>
      db.prepare("INSERT INTO answer_chunks VALUES ('done', 'answer', 0, '')").run(),
    ).toThrow(/CHECK constraint/u);
    expect(() =>
      db.prepare("INSERT INTO answer_chunks VALUES ('done', 'title', 0, 'x')").run(),
    ).toThrow(/CHECK constraint/u);
    db.prepare("DELETE FROM jobs WHERE id = 'running'").run();
    expect(db.prepare('SELECT count(*) FROM answer_chunks').pluck().get()).toBe(0);
  });
});

describe('migration 13: spend by model', () => {
  it('adds the indexes Spend sums over, so it never reads a job’s row (its answer is there)', () => {
    const db = openAt(13);
    expect(db.pragma('user_version', { simple: true })).toBe(13);
    expect(objectNames(db, 'index')).toEqual(
      expect.arrayContaining([
        'jobs_spend_by_model',
        'deleted_spend_by_model',
        'deleted_spend_by_day',
      ]),
    );
    const plan = (sql: string) =>
      db
        .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((row) => row.detail)
        .join('; ');
    expect(
      plan(
        'SELECT model, count(*), sum(cost) FROM jobs ' +
          'WHERE finished_at IS NOT NULL AND cost IS NOT NULL GROUP BY model',
      ),
    ).toMatch(/COVERING INDEX jobs_spend_by_model/u);
    expect(plan('SELECT model, count(*) FROM deleted_spend GROUP BY model')).toMatch(
      /COVERING INDEX deleted_spend_by_model/u,
    );
    expect(
      plan('SELECT count(*) FROM deleted_spend WHERE finished_at >= 1 AND finished_at < 2'),
    ).toMatch(/COVERING INDEX deleted_spend_by_day/u);
  });
});

describe('migrate', () => {
  it('knows every shipped migration, numbered from 1 without gaps', () => {
    expect(shippedMigrations.map((m) => m.version)).toEqual(
      shippedMigrations.map((_, index) => index + 1),
    );
  });

  it('applies only the missing migrations, and nothing on a second run', () => {
    const db = openAt(2);
    const applied: number[] = [];
    const spied = shippedMigrations.map((m): Migration => ({
      ...m,
      up(target) {
        applied.push(m.version);
        m.up(target);
      },
    }));
    migrate(db, spied);
    migrate(db, spied);
    expect(applied).toEqual(shippedMigrations.slice(2).map((m) => m.version));
  });

  it('rolls a failing migration back whole and keeps the version before it', () => {
    const newest = shippedMigrations.length;
    const db = openAt(newest);
    const broken: Migration = {
      version: newest + 1,
      name: 'broken',
      up(target) {
        target.exec('CREATE TABLE half_done (x)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [...shippedMigrations, broken])).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(newest);
    expect(objectNames(db, 'table')).not.toContain('half_done');
  });

  it('refuses a list with a gap', () => {
    const db = openAt(0);
    const next = shippedMigrations.length + 1;
    const gap: Migration = { version: next + 2, name: 'gap', up: () => undefined };
    expect(() => migrate(db, [...shippedMigrations, gap])).toThrow(`expected ${next}`);
  });
});
