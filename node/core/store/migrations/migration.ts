// The shape of one schema migration. Migrations are numbered from 1 without gaps, one per file,
// and never edited once shipped: a change to the schema is always a new migration.
import type { Database } from '../open-database.js';

export interface Migration {
  /** The `user_version` the database has once this migration is applied. */
  readonly version: number;
  readonly name: string;
  /** Runs inside a transaction that also sets `user_version`; throwing rolls both back. */
  up(db: Database): void;
}
