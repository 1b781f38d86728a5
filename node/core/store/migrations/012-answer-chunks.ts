// Streamed text is appended, not rewritten (issue 13). SQLite rewrites a whole row on every
// UPDATE, overflow pages included, and `answer = answer || ?` too (measured: 3.2 MB written per
// flush near a 2 MB answer, against 20 KB for a row of its own), so:
// - answer_chunks: the text a running job streamed, one row per flush, at its start (UTF-16
//   code units into the whole text, as JavaScript counts). A job's text is jobs.answer (and
//   jobs.reasoning_summary) followed by its chunks in order; while a job runs those columns stay
//   empty, so writing its cursor rewrites a small row. The store compacts the chunks into the
//   columns in the write that settles the job (job-store.ts). Unsettled jobs stored before this
//   migration get their text moved into one chunk each.
// - text_indexed: the search index takes a settled job's answer, reasoning summary and sources
//   only once this is 1. The engine writes 0 with a job's last status and sets 1 in a later
//   transaction of its own (job-writer.ts), so the write that ends a job does not tokenize a long
//   answer; a settled job still at 0 after a crash is indexed when the engine opens again. Every
//   row stored before has 1, so the index, unchanged, already agrees with the new view: no rebuild.
import { settledStatusesSql } from './settled-statuses.js';
import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 12,
  name: 'answer chunks',
  up(db) {
    const settled = `status IN (${settledStatusesSql})`;
    const searchable = (row: string) => `(${row}.${settled} AND ${row}.text_indexed = 1)`;
    const indexed = (row: string) =>
      `${row}.title, ${row}.prompt,
          CASE WHEN ${searchable(row)} THEN ${row}.answer ELSE '' END,
          CASE WHEN ${searchable(row)} THEN ${row}.reasoning_summary ELSE '' END,
          CASE WHEN ${searchable(row)} THEN ${row}.sources_text ELSE '' END,
          coalesce(${row}.instructions, '')`;
    db.exec(`
      CREATE TABLE answer_chunks (
        job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        part TEXT NOT NULL CHECK (part IN ('answer', 'summary')),
        start INTEGER NOT NULL CHECK (start >= 0),
        text TEXT NOT NULL CHECK (text <> ''),
        PRIMARY KEY (job_id, part, start)
      );

      INSERT INTO answer_chunks (job_id, part, start, text)
        SELECT id, 'answer', 0, answer FROM jobs WHERE NOT ${settled} AND answer <> '';
      INSERT INTO answer_chunks (job_id, part, start, text)
        SELECT id, 'summary', 0, reasoning_summary FROM jobs
        WHERE NOT ${settled} AND reasoning_summary <> '';
      -- Unsettled: nothing of this text is in the index, so the trigger below has nothing to do.
      UPDATE jobs SET answer = '', reasoning_summary = ''
        WHERE NOT ${settled} AND (answer <> '' OR reasoning_summary <> '');

      DROP TRIGGER jobs_search_insert;
      DROP TRIGGER jobs_search_delete;
      DROP TRIGGER jobs_search_update;
      -- While job_search exists, SQLite reserves the name job_search_content (an FTS5 shadow
      -- table's name), so the view cannot be made again beside it. Renamed away for that moment,
      -- the index keeps its content: no rebuild (which would tokenize every stored answer again).
      ALTER TABLE job_search RENAME TO job_search_migrating;
      DROP VIEW job_search_content;

      ALTER TABLE jobs ADD COLUMN text_indexed INTEGER NOT NULL DEFAULT 1
        CHECK (text_indexed IN (0, 1));

      CREATE VIEW job_search_content AS
        SELECT seq, title, prompt,
          CASE WHEN ${settled} AND text_indexed = 1 THEN answer ELSE '' END AS answer,
          CASE WHEN ${settled} AND text_indexed = 1 THEN reasoning_summary ELSE '' END
            AS reasoning_summary,
          CASE WHEN ${settled} AND text_indexed = 1 THEN sources_text ELSE '' END AS sources,
          coalesce(instructions, '') AS instructions
        FROM jobs;
      ALTER TABLE job_search_migrating RENAME TO job_search;

      CREATE TRIGGER jobs_search_insert AFTER INSERT ON jobs BEGIN
        INSERT INTO job_search (rowid, title, prompt, answer, reasoning_summary, sources, instructions)
        SELECT seq, title, prompt, answer, reasoning_summary, sources, instructions
        FROM job_search_content WHERE seq = new.seq;
      END;

      CREATE TRIGGER jobs_search_delete AFTER DELETE ON jobs BEGIN
        INSERT INTO job_search
          (job_search, rowid, title, prompt, answer, reasoning_summary, sources, instructions)
        VALUES ('delete', old.seq, ${indexed('old')});
      END;

      -- Fires only when the indexed text changes: settling with text_indexed = 0 does not.
      CREATE TRIGGER jobs_search_update
      AFTER UPDATE OF title, prompt, instructions, status, answer, reasoning_summary, sources_text,
        text_indexed ON jobs
      WHEN old.title IS NOT new.title
        OR old.prompt IS NOT new.prompt
        OR old.instructions IS NOT new.instructions
        OR ${searchable('old')} IS NOT ${searchable('new')}
        OR (${searchable('new')} AND (old.answer IS NOT new.answer
          OR old.reasoning_summary IS NOT new.reasoning_summary
          OR old.sources_text IS NOT new.sources_text))
      BEGIN
        INSERT INTO job_search
          (job_search, rowid, title, prompt, answer, reasoning_summary, sources, instructions)
        VALUES ('delete', old.seq, ${indexed('old')});
        INSERT INTO job_search (rowid, title, prompt, answer, reasoning_summary, sources, instructions)
        SELECT seq, title, prompt, answer, reasoning_summary, sources, instructions
        FROM job_search_content WHERE seq = new.seq;
      END;

      -- The jobs whose settled text still waits for the index: few, found without a scan.
      CREATE INDEX jobs_text_unindexed ON jobs (id) WHERE text_indexed = 0;
    `);
  },
};
