// Settings: one JSON value per key.
import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 4,
  name: 'settings',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT NOT NULL PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) WITHOUT ROWID;
    `);
  },
};
