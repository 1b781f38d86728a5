// Brings a database's schema up to date: applies each missing migration in its own transaction and
// records progress in PRAGMA user_version. Refuses a database written by a newer Mull.
import type { Migration } from './migrations/migration.js';
import type { Database } from './open-database.js';
import { StoreOpenError } from './store-errors.js';

export function schemaVersionOf(db: Database): number {
  const version = db.pragma('user_version', { simple: true });
  if (typeof version !== 'number') throw new Error('PRAGMA user_version did not return a number.');
  return version;
}

export function newestVersionOf(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Throws, touching nothing, when the database's schema is newer than these migrations know. */
export function refuseNewerSchema(db: Database, migrations: readonly Migration[]): void {
  const found = schemaVersionOf(db);
  const known = newestVersionOf(migrations);
  if (found > known) {
    throw new StoreOpenError(
      'newer_schema',
      db.name,
      `This Mull database was written by a newer version of Mull (schema ${found}; this version ` +
        `knows up to ${known}). Update Mull, or point it at another data directory.`,
    );
  }
}

export function migrate(db: Database, migrations: readonly Migration[]): void {
  assertNumberedInOrder(migrations);
  refuseNewerSchema(db, migrations);
  // Up to date (nearly every open): no write lock at all, so dozens of processes opening the
  // database at once (`mull submit` in a loop) do not queue behind each other for it.
  if (schemaVersionOf(db) >= newestVersionOf(migrations)) return;
  for (const migration of migrations) {
    // IMMEDIATE takes the write lock before reading the version, so two processes opening the
    // same database at once cannot both apply a migration: the second one sees it done and skips.
    db.transaction(() => {
      if (schemaVersionOf(db) >= migration.version) return;
      migration.up(db);
      // PRAGMA takes no bound parameters; the version is an integer checked above.
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

function assertNumberedInOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}: ` +
          'migrations are numbered from 1 without gaps.',
      );
    }
  });
}
