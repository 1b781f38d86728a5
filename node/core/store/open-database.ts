// The one home of better-sqlite3: opens Mull's database file in a data directory, checks that it is
// a sound SQLite database this version understands, sets the connection up and migrates it.
// A file that fails any check is left byte for byte as it was.
//
// The cheap checks (the header, application_id, the schema version) run at every open. Reading
// every page (quick_check: 0.4 to 1.2 s per 10,000 jobs, growing with the file) runs only where
// damage may be: when a writer opens after one that did not close cleanly (writer-marks.ts), and
// before that writer writes anything. A reader never pays for it: it writes nothing, so it cannot
// make damage worse, and a damaged page it comes across fails in the same sentence
// (explainReadFailure). `mull check` reads every page on demand.
import {
  accessSync,
  constants,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, newestVersionOf, refuseNewerSchema, schemaVersionOf } from './migrate.js';
import { shippedMigrations, type Migration } from './migrations/index.js';
import { nativeBinding } from './native-binding.js';
import { StoreOpenError } from './store-errors.js';
import { takeWriterMark, type WriterMark } from './writer-marks.js';

export { sqliteNativeBindingVariable } from './native-binding.js';

export type Database = BetterSqlite3.Database;
export type Transaction<F extends (...args: never[]) => unknown> = BetterSqlite3.Transaction<F>;
export type Statement<
  Params extends unknown[] | object = unknown[],
  Row = unknown,
> = BetterSqlite3.Statement<Params, Row>;

export const databaseFileName = 'mull.sqlite3';

/**
 * SQLite's application_id of every database Mull creates ("Mull" in ASCII): how Mull tells its own
 * file from another program's SQLite file that happens to sit at the same path.
 */
export const mullApplicationId = 0x4d756c6c;

export function databasePathIn(dataDir: string): string {
  return join(dataDir, databaseFileName);
}

/**
 * Opens (creating if needed) `<dataDir>/mull.sqlite3`, migrated to the newest schema.
 * `migrations` is for tests that stop at an older schema; the app always uses the shipped list.
 * `readOnly`: nothing will be written through this connection (the CLI's list, show, search):
 * it is never checked page by page, and SQLite refuses writes on it (query_only).
 */
export function openDatabase(
  dataDir: string,
  migrations: readonly Migration[] = shippedMigrations,
  options: { readOnly?: boolean } = {},
): Database {
  if (options.readOnly === true) {
    if (existsSync(dataDir) && !canWrite(dataDir)) return openReadOnlyCopy(dataDir, migrations);
    // Undefined when opening must write (a new database, one to migrate): a writer's open then.
    const reader = openForReading(dataDir, migrations);
    if (reader !== undefined) return reader;
  }
  return openForWriting(dataDir, migrations);
}

/** Connections whose open read every page first (a writer before them had crashed). */
const checkedAtOpen = new WeakSet<Database>();

/**
 * Whether `db`'s open ran the page-by-page check (only after a crashed writer). A host that opened
 * without it runs assertSoundDatabase in the background (docs/ARCHITECTURE.md, "Threads").
 */
export function wasCheckedAtOpen(db: Database): boolean {
  return checkedAtOpen.has(db);
}

/**
 * The check a writer's open runs after a crash (quick_check: every page read), on a read-only
 * connection of its own; throws the same StoreOpenError ('damaged') with the same sentence.
 */
export function assertSoundDatabase(dataDir: string): void {
  assertSoundFile(databasePathIn(dataDir));
}

/** A connection that may write: it holds a writer mark, removed by a clean close. */
class WritingConnection extends BetterSqlite3 {
  constructor(
    path: string,
    private readonly mark: WriterMark,
  ) {
    super(path, nativeBinding());
  }

  override close(): this {
    super.close();
    this.mark.release();
    return this;
  }
}

function openForWriting(dataDir: string, migrations: readonly Migration[]): Database {
  const path = databasePathIn(dataDir);
  createDataDir(dataDir);
  assertFileUsable(dataDir, path);
  if (statSync(path, { throwIfNoEntry: false }) === undefined) createMullDatabase(path);

  const mark = takeMark(path);
  let db: Database;
  try {
    // A writer before this one died with the database open (crash, SIGKILL, power cut): every
    // page is read before a connection that may write exists.
    if (mark.mustCheck) {
      assertSoundFile(path);
      mark.forgetLeftBehind();
    }
    db = new WritingConnection(path, mark);
    if (mark.mustCheck) checkedAtOpen.add(db);
  } catch (error) {
    mark.release();
    throw explainOpenFailure(error, path);
  }
  try {
    configureConnection(db);
    // Everything up to here only reads the file; enabling WAL is the first write.
    const stampNeeded = assertMullDatabase(db, path);
    refuseNewerSchema(db, migrations);
    enableWriteAheadLog(db);
    migrate(db, migrations);
    if (stampNeeded) db.pragma(`application_id = ${mullApplicationId}`);
    return db;
  } catch (error) {
    db.close();
    throw explainOpenFailure(error, path);
  }
}

function takeMark(path: string): WriterMark {
  try {
    return takeWriterMark(path);
  } catch (error) {
    throw unreadable(path, `its writer mark beside it: ${describe(error)}`, error);
  }
}

/**
 * An existing, current database opened for reading only, without a writer mark and without
 * quick_check; undefined when opening it would write (no database yet, WAL not enabled yet, a
 * schema to migrate, an application_id to stamp), which a writer's open does, checks included.
 */
function openForReading(dataDir: string, migrations: readonly Migration[]): Database | undefined {
  const path = databasePathIn(dataDir);
  if (statSync(path, { throwIfNoEntry: false }) === undefined) return undefined;
  assertFileUsable(dataDir, path);
  let db: Database;
  try {
    db = new BetterSqlite3(path, nativeBinding());
  } catch (error) {
    throw explainOpenFailure(error, path);
  }
  try {
    configureConnection(db);
    const stampNeeded = assertMullDatabase(db, path);
    refuseNewerSchema(db, migrations);
    const current =
      !stampNeeded &&
      db.pragma('journal_mode', { simple: true }) === 'wal' &&
      schemaVersionOf(db) === newestVersionOf(migrations);
    if (!current) {
      db.close();
      return undefined;
    }
    // Unchecked, so never written through: SQLite itself refuses any write on this connection.
    db.pragma('query_only = ON');
    return db;
  } catch (error) {
    db.close();
    throw explainOpenFailure(error, path);
  }
}

function canWrite(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A data directory Mull may not write to (a read-only mount, a backup): SQLite cannot open a WAL
 * database there even read-only (it needs its `-shm` file beside the database), so a copy is read
 * from a temporary folder instead, and removed when the process exits. Only for reading: nothing
 * is migrated or written, and the original is never touched.
 */
function openReadOnlyCopy(dataDir: string, migrations: readonly Migration[]): Database {
  const path = databasePathIn(dataDir);
  let copy: string;
  try {
    accessSync(path, constants.R_OK);
    const copyDir = mkdtempSync(join(tmpdir(), 'mull-read-only-'));
    process.once('exit', () => rmSync(copyDir, { recursive: true, force: true }));
    copy = join(copyDir, databaseFileName);
    copyFileSync(path, copy);
    // A write-ahead log left beside it holds the newest commits: read them too.
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
  } catch (error) {
    throw unreadable(path, describe(error), error);
  }
  let db: Database;
  try {
    db = new BetterSqlite3(copy, { ...nativeBinding(), readonly: true, fileMustExist: true });
  } catch (error) {
    throw explainOpenFailure(error, path);
  }
  try {
    db.pragma('foreign_keys = ON');
    // A reader, never checked page by page (see the top of this file).
    assertMullDatabase(db, path);
    refuseNewerSchema(db, migrations);
    if (schemaVersionOf(db) < newestVersionOf(migrations)) {
      throw new StoreOpenError(
        'unreadable',
        path,
        `The Mull database at ${path} was written by an older Mull and needs an upgrade, which ` +
          `needs write access to ${dataDir}. Open it once where it can be written.`,
      );
    }
    return db;
  } catch (error) {
    db.close();
    throw explainOpenFailure(error, path);
  }
}

function configureConnection(db: Database): void {
  // Wait for another connection's lock (a CLI next to the app) instead of failing at once.
  db.pragma('busy_timeout = 5000');
  // SQLite leaves foreign keys off unless each connection asks; events rely on ON DELETE CASCADE.
  db.pragma('foreign_keys = ON');
  // In WAL mode NORMAL never corrupts the database and a process crash loses nothing; a power cut
  // may lose the last commits. That is safe: the answer text and the stream cursor are written in
  // one transaction, so a lost commit only moves both back together, and the server still holds
  // the events after the cursor to replay them.
  db.pragma('synchronous = NORMAL');
}

function enableWriteAheadLog(db: Database): void {
  // Already WAL (every open but the first): asking again would only contend for a lock.
  if (db.pragma('journal_mode', { simple: true }) === 'wal') return;
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  // Some file systems (network shares) refuse WAL. With a rollback journal, NORMAL can corrupt on
  // a power cut, so pay for FULL there.
  if (mode !== 'wal') db.pragma('synchronous = FULL');
}

/**
 * Fails on a file that is not SQLite, then looks for damaged pages, through a read-only connection:
 * unlike a writing one, closing it never checkpoints the write-ahead log into the file, so a
 * damaged file is refused byte for byte as it was.
 */
function assertSoundFile(path: string): void {
  const db = new BetterSqlite3(path, { ...nativeBinding(), readonly: true, fileMustExist: true });
  try {
    // quick_check reads every page but skips the slow index cross-checks of integrity_check; it
    // catches damage before the first write instead of in the middle of writing someone's answer.
    const verdict = db.pragma('quick_check(1)', { simple: true });
    if (verdict !== 'ok') throw damaged(path, String(verdict).replace(/\s+/gu, ' ').trim());
  } finally {
    db.close();
  }
}

/**
 * A new database is made under a temporary name of this process's own, stamped with Mull's
 * application_id, then linked into place: a crash midway leaves no half-made `mull.sqlite3` (an
 * empty file at that path is refused as not Mull's, and must stay refusable). Linking never
 * replaces a file: when several processes create the database at once (ten `mull submit`s on a
 * new data directory), the first one wins and the others open its file.
 */
function createMullDatabase(path: string): void {
  const making = `${path}.new-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const db = new BetterSqlite3(making, nativeBinding());
    try {
      db.pragma(`application_id = ${mullApplicationId}`);
    } finally {
      db.close();
    }
    try {
      linkSync(making, path);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
    }
  } catch (error) {
    throw unreadable(path, describe(error), error);
  } finally {
    rmSync(making, { force: true });
  }
}

/**
 * Refuses, touching nothing, a file Mull did not create: an empty file, another application's
 * SQLite database, or one with no Mull schema. Returns true for a database made by a Mull from
 * before application_id was set (schema version 1 or more, with a jobs table): it is stamped.
 */
function assertMullDatabase(db: Database, path: string): boolean {
  const applicationId = db.pragma('application_id', { simple: true });
  if (applicationId === mullApplicationId) return false;
  if (applicationId === 0) {
    const version = db.pragma('user_version', { simple: true });
    const jobsTable = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'jobs'")
      .get();
    if (typeof version === 'number' && version > 0 && jobsTable !== undefined) return true;
  }
  const what =
    statSync(path).size === 0
      ? 'is an empty file'
      : applicationId === 0
        ? "is an SQLite database without Mull's tables"
        : `belongs to another application (SQLite application_id ${String(applicationId)})`;
  throw new StoreOpenError(
    'foreign',
    path,
    `The file at ${path} ${what}: Mull did not create it, so it was left untouched. Move it ` +
      'aside, or point Mull at another data directory (--data-dir or MULL_DATA_DIR).',
  );
}

function createDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new StoreOpenError(
      'unreadable',
      dataDir,
      `Mull cannot create its data directory at ${dataDir} (${describe(error)}).`,
      { cause: error },
    );
  }
}

/** Permission problems give a clearer message here than SQLite's "unable to open database file". */
function assertFileUsable(dataDir: string, path: string): void {
  try {
    // The folder must be writable too: WAL keeps its -wal and -shm files next to the database.
    accessSync(dataDir, constants.R_OK | constants.W_OK | constants.X_OK);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats === undefined) return;
    if (!stats.isFile()) throw new Error('it is not a file');
    accessSync(path, constants.R_OK | constants.W_OK);
  } catch (error) {
    throw unreadable(path, describe(error), error);
  }
}

/**
 * A read that came across a damaged page (or a file that is not a database) becomes the sentence
 * an open says of damage; any other error is returned as it was. For readers, which are never
 * checked page by page at open (engine/job-reader.ts).
 */
export function explainReadFailure(error: unknown, path: string): unknown {
  if (!(error instanceof BetterSqlite3.SqliteError)) return error;
  if (error.code === 'SQLITE_NOTADB' || error.code.startsWith('SQLITE_CORRUPT')) {
    return damaged(path, error.message, error);
  }
  return error;
}

function explainOpenFailure(error: unknown, path: string): unknown {
  const explained = explainReadFailure(error, path);
  if (explained !== error || !(error instanceof BetterSqlite3.SqliteError)) return explained;
  if (
    error.code.startsWith('SQLITE_CANTOPEN') ||
    error.code.startsWith('SQLITE_READONLY') ||
    error.code === 'SQLITE_PERM' ||
    error.code === 'SQLITE_AUTH'
  ) {
    return unreadable(path, error.message, error);
  }
  return error;
}

function damaged(path: string, detail: string, cause?: unknown): StoreOpenError {
  return new StoreOpenError(
    'damaged',
    path,
    `The Mull database at ${path} is damaged or not a database (${detail}). It was left ` +
      'untouched; move it aside to start fresh, or restore a backup.',
    { cause },
  );
}

function unreadable(path: string, detail: string, cause?: unknown): StoreOpenError {
  return new StoreOpenError(
    'unreadable',
    path,
    `Mull cannot open its database at ${path} (${detail}). Check that you can read and write ` +
      'the file and the folder it is in.',
    { cause },
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Opens the small database used only as an OS-level lock (see engine/driver-lock.ts). It never
 * waits for a lock held by another process: the caller must learn at once that it is held.
 */
export function openLockDatabase(path: string): Database {
  // Rollback-journal mode (the default; never WAL here): BEGIN EXCLUSIVE then takes an exclusive
  // file lock at once and holds it until the transaction ends or the process dies.
  try {
    return new BetterSqlite3(path, { ...nativeBinding(), timeout: 0 });
  } catch (error) {
    throw lockUnwritable(path, error);
  }
}

/** The lock database could not be opened or locked for a reason other than another holder. */
export function lockUnwritable(path: string, error: unknown): StoreOpenError {
  return new StoreOpenError(
    'unreadable',
    path,
    `Mull cannot write in its data directory (${describe(error)} at ${path}): its jobs can be ` +
      'listed, shown and searched, but none can be submitted or driven from here. Check that ' +
      'you can write to that folder.',
    { cause: error },
  );
}

/** SQLite's own integrity check of a data directory's database, read-only ('ok' when sound). */
export function checkIntegrity(dataDir: string): string {
  const db = new BetterSqlite3(databasePathIn(dataDir), {
    ...nativeBinding(),
    readonly: true,
    fileMustExist: true,
  });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}
