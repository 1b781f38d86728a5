// The timeline: what happened to a job and when. Events go with their job.
import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 2,
  name: 'job events',
  up(db) {
    // AUTOINCREMENT keeps ids rising even after deletes, so id order is the order of appending.
    db.exec(`
      CREATE TABLE job_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        detail TEXT
      );

      CREATE INDEX job_events_job_id ON job_events (job_id, id);
    `);
  },
};
