// The jobs table: one row per job, a column per field of Job (shared/job.ts).
import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 1,
  name: 'jobs',
  up(db) {
    // Enum-like columns (status, effort, ...) have no CHECK list: the store validates every row it
    // reads against the zod schema, and a CHECK list could only be widened by rebuilding the table.
    // retry_of, parent_id and thread_id are references without foreign keys on purpose: deleting a
    // job must not rewrite the history of the jobs that came after it.
    // seq is an explicit rowid: VACUUM may renumber an implicit rowid, and the search index
    // (migration 3) finds its rows by it.
    db.exec(`
      CREATE TABLE jobs (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        prompt TEXT NOT NULL,
        instructions TEXT,
        model TEXT NOT NULL,
        provider_id TEXT NOT NULL,
        effort TEXT,
        reasoning_summary_mode TEXT,
        max_output_tokens INTEGER,
        status TEXT NOT NULL,
        server_status TEXT,
        response_id TEXT,
        resolved_model TEXT,
        cursor INTEGER NOT NULL DEFAULT -1 CHECK (cursor >= -1),
        answer TEXT NOT NULL DEFAULT '',
        reasoning_summary TEXT NOT NULL DEFAULT '',
        input_tokens INTEGER,
        cached_tokens INTEGER,
        output_tokens INTEGER,
        reasoning_tokens INTEGER,
        total_tokens INTEGER,
        cost REAL,
        error_code TEXT,
        error_message TEXT,
        incomplete_reason TEXT,
        retry_of TEXT,
        parent_id TEXT,
        thread_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        submitted_at INTEGER,
        started_at INTEGER,
        finished_at INTEGER,
        updated_at INTEGER NOT NULL,
        revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),
        -- usage and error are each stored whole or not at all.
        CHECK ((input_tokens IS NULL) = (total_tokens IS NULL)
          AND (cached_tokens IS NULL) = (total_tokens IS NULL)
          AND (output_tokens IS NULL) = (total_tokens IS NULL)
          AND (reasoning_tokens IS NULL) = (total_tokens IS NULL)),
        CHECK ((error_code IS NULL) = (error_message IS NULL))
      );

      CREATE INDEX jobs_status ON jobs (status);
      CREATE INDEX jobs_model ON jobs (model);
      -- The id in the sort indexes is the tie-breaker of the list's keyset paging.
      CREATE INDEX jobs_created_at ON jobs (created_at, id);
      CREATE INDEX jobs_updated_at ON jobs (updated_at, id);
      CREATE INDEX jobs_thread_id ON jobs (thread_id, created_at, id);
      CREATE UNIQUE INDEX jobs_response_id ON jobs (response_id) WHERE response_id IS NOT NULL;
    `);
  },
};
