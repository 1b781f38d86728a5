// Full-text search over jobs: an FTS5 index whose content is the jobs table itself (external
// content, so the text is stored once), kept in step by triggers.
import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 3,
  name: 'job search',
  up(db) {
    // remove_diacritics 2 lets "creme" find "crème" (also for letters with several marks).
    // An external-content index must be told the old text to delete it, so the update and delete
    // triggers pass the old row's values; the update trigger fires only when indexed text changes.
    db.exec(`
      CREATE VIRTUAL TABLE job_search USING fts5 (
        title, prompt, answer, reasoning_summary,
        content = 'jobs',
        content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TRIGGER jobs_search_insert AFTER INSERT ON jobs BEGIN
        INSERT INTO job_search (rowid, title, prompt, answer, reasoning_summary)
        VALUES (new.seq, new.title, new.prompt, new.answer, new.reasoning_summary);
      END;

      CREATE TRIGGER jobs_search_delete AFTER DELETE ON jobs BEGIN
        INSERT INTO job_search (job_search, rowid, title, prompt, answer, reasoning_summary)
        VALUES ('delete', old.seq, old.title, old.prompt, old.answer, old.reasoning_summary);
      END;

      CREATE TRIGGER jobs_search_update AFTER UPDATE OF title, prompt, answer, reasoning_summary ON jobs
      WHEN old.title IS NOT new.title
        OR old.prompt IS NOT new.prompt
        OR old.answer IS NOT new.answer
        OR old.reasoning_summary IS NOT new.reasoning_summary
      BEGIN
        INSERT INTO job_search (job_search, rowid, title, prompt, answer, reasoning_summary)
        VALUES ('delete', old.seq, old.title, old.prompt, old.answer, old.reasoning_summary);
        INSERT INTO job_search (rowid, title, prompt, answer, reasoning_summary)
        VALUES (new.seq, new.title, new.prompt, new.answer, new.reasoning_summary);
      END;

      -- Index the jobs already stored when this migration runs.
      INSERT INTO job_search (job_search) VALUES ('rebuild');
    `);
  },
};
