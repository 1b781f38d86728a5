// Whether the last writers of a data directory's database closed it cleanly, known without reading
// the database. Reading all of it (PRAGMA quick_check) costs about a second per 10,000 jobs, so
// a writer pays for it only when one before it may have left damage: each connection that may
// write holds a mark while it is open (`mull.sqlite3.open-<pid>-<random>`, beside the database)
// and removes it when it closes. A mark is a tiny SQLite file held in an EXCLUSIVE transaction (an
// OS file lock, as in engine/driver-lock.ts): the lock goes with its process, even on SIGKILL or a
// power cut, while the file stays. So a mark that is there but not locked is a writer that never
// closed, and a locked one is a writer still at work (the app beside a `mull submit`).
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { nativeBinding } from './native-binding.js';

/** After `mull.sqlite3.open-`: the pid and a random part. Any other name is not a mark. */
const markSuffix = /^\d+-[0-9a-f]{8}$/u;

export interface WriterMark {
  /**
   * True when a writer before this one did not close: its mark was left behind, or (from a Mull
   * that kept no marks) the write-ahead log is still there with no writer open. Either way the
   * database is checked before anything is written to it.
   */
  readonly mustCheck: boolean;
  /** Once the check found the database sound: removes the marks left behind. */
  forgetLeftBehind(): void;
  /** A clean close: removes this writer's mark (idempotent). */
  release(): void;
}

/**
 * Takes a mark for a writer about to open the database at `databasePath`, then looks at the
 * others'. Taken before the database is opened, so a writer dying at any later step is seen.
 */
export function takeWriterMark(databasePath: string): WriterMark {
  // A clean close of the last connection removes the log; a crash leaves it.
  const logLeft = existsSync(`${databasePath}-wal`);
  const prefix = `${basename(databasePath)}.open-`;
  const own = `${databasePath}.open-${process.pid}-${randomBytes(4).toString('hex')}`;
  const lock = holdLock(own);
  const dataDir = dirname(databasePath);
  const others = readdirSync(dataDir)
    .filter((name) => name.startsWith(prefix) && markSuffix.test(name.slice(prefix.length)))
    .map((name) => join(dataDir, name))
    .filter((path) => path !== own);
  const leftBehind = others.filter(isLeftBehind);
  const open = others.length - leftBehind.length;
  return {
    mustCheck: leftBehind.length > 0 || (logLeft && open === 0),
    forgetLeftBehind: () => {
      for (const path of leftBehind) remove(path);
    },
    release: () => {
      if (!lock.open) return;
      // Removed while still locked: a writer looking meanwhile finds it locked or gone, never
      // there and unlocked, which would read as a crash and cost it a check. Windows cannot
      // remove a file that is open: there it goes after the lock. Never throws: a mark that
      // stays only costs the next writer a check.
      const removed = remove(own);
      lock.close(); // ends the transaction, and with it the lock
      if (!removed) remove(own);
    },
  };
}

/**
 * Creates the mark already locked: made and locked under a name no writer looks at, then renamed
 * into place (the lock belongs to the file, not its name). Created in place, it would be there
 * unlocked for a moment, and a writer opening just then would take it for a crash, check, and
 * delete it, or lock it while probing so that this writer's own lock fails.
 */
function holdLock(path: string): BetterSqlite3.Database {
  const taking = `${path}.taking`;
  const db = new BetterSqlite3(taking, { ...nativeBinding(), timeout: 0 });
  try {
    // The rollback journal in memory: no `-journal` file beside the mark while it is held.
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
    renameSync(taking, path);
    return db;
  } catch (error) {
    db.close();
    rmSync(taking, { force: true });
    throw error;
  }
}

/** Is this mark there with nobody holding it? Never waits: a held lock answers at once. */
function isLeftBehind(path: string): boolean {
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(path, { ...nativeBinding(), timeout: 0, fileMustExist: true });
  } catch {
    // Gone meanwhile: its writer closed cleanly. One that cannot be opened counts as left.
    return existsSync(path);
  }
  try {
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
  } catch (error) {
    // Locked: its writer is open (in another process, or another connection of this one).
    if (String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')) return false;
    return existsSync(path);
  } finally {
    db.close();
  }
  // Not locked. Gone by now: its writer removed it before unlocking (a clean close, just now).
  return existsSync(path);
}

function remove(path: string): boolean {
  try {
    rmSync(path, { force: true });
    return true;
  } catch {
    return false;
  }
}
