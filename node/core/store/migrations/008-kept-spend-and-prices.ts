// Two things a bill must not lose:
// - deleting a job does not un-spend money: when a finished job is deleted, its end time, model and
//   cost move to `deleted_spend` (a trigger, so every way of deleting keeps it), and Spend counts
//   them beside the stored jobs';
// - a job's bill is priced once: `price` holds the model price the job's cost was computed with
//   (ModelPrice as JSON), so its usage rows and its total agree after a price override, which
//   applies to jobs that end later.
import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 8,
  name: 'kept spend and prices',
  up(db) {
    db.exec(`
      CREATE TABLE deleted_spend (
        job_id TEXT NOT NULL PRIMARY KEY,
        finished_at INTEGER NOT NULL,
        model TEXT NOT NULL,
        cost REAL
      ) WITHOUT ROWID;

      CREATE TRIGGER jobs_keep_spend AFTER DELETE ON jobs
      WHEN old.finished_at IS NOT NULL
      BEGIN
        INSERT OR REPLACE INTO deleted_spend (job_id, finished_at, model, cost)
        VALUES (old.id, old.finished_at, old.model, old.cost);
      END;

      ALTER TABLE jobs ADD COLUMN price TEXT CHECK (price IS NULL OR json_valid(price));
    `);
  },
};
