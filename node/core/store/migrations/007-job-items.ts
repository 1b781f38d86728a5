// A job's output items: the response's `output` array, one row per item in order, as the server's
// own JSON (shared/output-items.ts). Folded from the stream under the cursor's exactly-once rule,
// then replaced by the server's final output when the job ends (docs/ARCHITECTURE.md, "Output
// items"). With them, two columns on the job:
// - output_digest: refusal, source and search counts and billable tool calls, for the board and
//   the bill without reading the items;
// - sources_text: cited titles and URLs and the searches made, for search. Like the answer, it is
//   indexed once the job has settled, so the search index is rebuilt with a fifth column.
import { settledStatusesSql } from './settled-statuses.js';
import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 7,
  name: 'job items',
  up(db) {
    const settled = `status IN (${settledStatusesSql})`;
    db.exec(`
      CREATE TABLE job_items (
        job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        type TEXT NOT NULL,
        item TEXT NOT NULL CHECK (json_valid(item)),
        PRIMARY KEY (job_id, position)
      ) WITHOUT ROWID;

      ALTER TABLE jobs ADD COLUMN output_digest TEXT
        CHECK (output_digest IS NULL OR json_valid(output_digest));
      ALTER TABLE jobs ADD COLUMN sources_text TEXT NOT NULL DEFAULT '';

      DROP TRIGGER jobs_search_insert;
      DROP TRIGGER jobs_search_delete;
      DROP TRIGGER jobs_search_update;
      DROP TABLE job_search;
      DROP VIEW job_search_content;

      CREATE VIEW job_search_content AS
        SELECT seq, title, prompt,
          CASE WHEN ${settled} THEN answer ELSE '' END AS answer,
          CASE WHEN ${settled} THEN reasoning_summary ELSE '' END AS reasoning_summary,
          CASE WHEN ${settled} THEN sources_text ELSE '' END AS sources
        FROM jobs;

      CREATE VIRTUAL TABLE job_search USING fts5 (
        title, prompt, answer, reasoning_summary, sources,
        content = 'job_search_content',
        content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TRIGGER jobs_search_insert AFTER INSERT ON jobs BEGIN
        INSERT INTO job_search (rowid, title, prompt, answer, reasoning_summary, sources)
        SELECT seq, title, prompt, answer, reasoning_summary, sources
        FROM job_search_content WHERE seq = new.seq;
      END;

      CREATE TRIGGER jobs_search_delete AFTER DELETE ON jobs BEGIN
        INSERT INTO job_search (job_search, rowid, title, prompt, answer, reasoning_summary, sources)
        VALUES ('delete', old.seq, old.title, old.prompt,
          CASE WHEN old.${settled} THEN old.answer ELSE '' END,
          CASE WHEN old.${settled} THEN old.reasoning_summary ELSE '' END,
          CASE WHEN old.${settled} THEN old.sources_text ELSE '' END);
      END;

      -- Fires only when the indexed text changes (as in migration 5, plus the sources).
      CREATE TRIGGER jobs_search_update
      AFTER UPDATE OF title, prompt, status, answer, reasoning_summary, sources_text ON jobs
      WHEN old.title IS NOT new.title
        OR old.prompt IS NOT new.prompt
        OR (old.${settled}) IS NOT (new.${settled})
        OR (new.${settled} AND (old.answer IS NOT new.answer
          OR old.reasoning_summary IS NOT new.reasoning_summary
          OR old.sources_text IS NOT new.sources_text))
      BEGIN
        INSERT INTO job_search (job_search, rowid, title, prompt, answer, reasoning_summary, sources)
        VALUES ('delete', old.seq, old.title, old.prompt,
          CASE WHEN old.${settled} THEN old.answer ELSE '' END,
          CASE WHEN old.${settled} THEN old.reasoning_summary ELSE '' END,
          CASE WHEN old.${settled} THEN old.sources_text ELSE '' END);
        INSERT INTO job_search (rowid, title, prompt, answer, reasoning_summary, sources)
        SELECT seq, title, prompt, answer, reasoning_summary, sources
        FROM job_search_content WHERE seq = new.seq;
      END;

      INSERT INTO job_search (job_search) VALUES ('rebuild');
    `);
  },
};
