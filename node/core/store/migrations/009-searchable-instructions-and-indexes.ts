// Three things, in one rebuild of the search index:
// - a job's instructions (its system prompt) are searchable: the index gets a sixth column;
// - the index keeps 2- and 3-letter prefixes (FTS5 `prefix='2 3'`), so a short prefix query reads
//   those instead of scanning every term that starts with it;
// - the board filtered by status reads an index in its order (status, created_at, id), and Spend
//   reads a covering index of finished jobs instead of every row.
// The settled statuses are the ones frozen in settled-statuses.ts (a later status needs a
// migration of its own): the answer, the summary and the sources are indexed only once a
// job has settled, as since migration 5.
import { settledStatusesSql } from './settled-statuses.js';
import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 9,
  name: 'searchable instructions and indexes',
  up(db) {
    const settled = `status IN (${settledStatusesSql})`;
    const indexed = (row: string) =>
      `${row}.title, ${row}.prompt,
          CASE WHEN ${row}.${settled} THEN ${row}.answer ELSE '' END,
          CASE WHEN ${row}.${settled} THEN ${row}.reasoning_summary ELSE '' END,
          CASE WHEN ${row}.${settled} THEN ${row}.sources_text ELSE '' END,
          coalesce(${row}.instructions, '')`;
    db.exec(`
      DROP TRIGGER jobs_search_insert;
      DROP TRIGGER jobs_search_delete;
      DROP TRIGGER jobs_search_update;
      DROP TABLE job_search;
      DROP VIEW job_search_content;

      CREATE VIEW job_search_content AS
        SELECT seq, title, prompt,
          CASE WHEN ${settled} THEN answer ELSE '' END AS answer,
          CASE WHEN ${settled} THEN reasoning_summary ELSE '' END AS reasoning_summary,
          CASE WHEN ${settled} THEN sources_text ELSE '' END AS sources,
          coalesce(instructions, '') AS instructions
        FROM jobs;

      CREATE VIRTUAL TABLE job_search USING fts5 (
        title, prompt, answer, reasoning_summary, sources, instructions,
        content = 'job_search_content',
        content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );

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

      -- Fires only when the indexed text changes.
      CREATE TRIGGER jobs_search_update
      AFTER UPDATE OF title, prompt, instructions, status, answer, reasoning_summary, sources_text
        ON jobs
      WHEN old.title IS NOT new.title
        OR old.prompt IS NOT new.prompt
        OR old.instructions IS NOT new.instructions
        OR (old.${settled}) IS NOT (new.${settled})
        OR (new.${settled} AND (old.answer IS NOT new.answer
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

      INSERT INTO job_search (job_search) VALUES ('rebuild');

      CREATE INDEX jobs_status_created ON jobs (status, created_at, id);
      CREATE INDEX jobs_spend ON jobs (finished_at, model, cost) WHERE finished_at IS NOT NULL;
    `);
  },
};
