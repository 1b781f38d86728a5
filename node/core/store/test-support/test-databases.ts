// Real SQLite files in fresh temporary folders for each test, closed and removed after it.
// Call useTestDatabases() at the top level of a test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { JobStore, type JobStoreOptions } from '../job-store.js';
import type { Migration } from '../migrations/migration.js';
import { openDatabase, type Database } from '../open-database.js';

export interface TestStore {
  dataDir: string;
  db: Database;
  store: JobStore;
}

export interface TestDatabases {
  /** A new empty folder. */
  tempDir(): string;
  /** openDatabase, closed after the test. */
  open(dataDir: string, migrations?: readonly Migration[]): Database;
  /** A store on a fresh, fully migrated database. */
  store(options?: JobStoreOptions): TestStore;
}

export function useTestDatabases(): TestDatabases {
  const databases: Database[] = [];
  const dirs: string[] = [];

  afterEach(() => {
    for (const db of databases.splice(0)) if (db.open) db.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'mull-store-'));
    dirs.push(dir);
    return dir;
  };
  const open = (dataDir: string, migrations?: readonly Migration[]) => {
    const db = openDatabase(dataDir, migrations);
    databases.push(db);
    return db;
  };
  return {
    tempDir,
    open,
    store(options) {
      const dataDir = tempDir();
      const db = open(dataDir);
      return { dataDir, db, store: new JobStore(db, options) };
    },
  };
}
