// The hosted tools a job was sent with (web search, file search, MCP, ...), as JSON. NULL: none;
// every job stored before tools existed reads back with none.
import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 6,
  name: 'job tools',
  up(db) {
    db.exec(`
      ALTER TABLE jobs ADD COLUMN tools TEXT CHECK (tools IS NULL OR json_valid(tools));
    `);
  },
};
