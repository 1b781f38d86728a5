// The database half of `mull check`: SQLite's own check of a data directory's database and the
// attachment lists of its jobs, without writing a byte in the data directory. openDatabase cannot
// serve here: even asked to read only, it creates the directory, enables WAL and migrates when it
// may write, and it refuses a damaged file instead of saying what is wrong with it.
import {
  accessSync,
  constants,
  copyFileSync,
  existsSync,
  mkdtempSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { JobAttachments, type JobAttachment } from '../../../shared/job-attachments.js';
import {
  databaseFileName,
  databasePathIn,
  mullApplicationId,
  sqliteNativeBindingVariable,
  type Database,
} from './open-database.js';
import { StoreOpenError } from './store-errors.js';

export interface JobAttachmentList {
  id: string;
  attachments: JobAttachment[];
}

export interface DatabaseCheck {
  /** 'ok', or what is wrong with the database, as a sentence. */
  verdict: string;
  /** The jobs that list attachments, oldest first; undefined when they could not be read. */
  jobs: JobAttachmentList[] | undefined;
}

/** SQLite's findings shown at most; a badly damaged file can have thousands. */
const shownFindings = 5;

/** quick_check reads every page; `full` runs integrity_check, which also cross-checks indexes. */
export function checkDatabase(dataDir: string, options: { full?: boolean } = {}): DatabaseCheck {
  const path = databasePathIn(dataDir);
  if (statSync(path, { throwIfNoEntry: false })?.isFile() !== true) {
    throw new StoreOpenError(
      'unreadable',
      path,
      `There is no Mull database in ${dataDir} (no ${databaseFileName}): nothing to check.`,
    );
  }
  const reading = openWithoutWriting(path);
  try {
    return checkOpen(reading.db, path, options.full === true);
  } finally {
    reading.close();
  }
}

function checkOpen(db: Database, path: string, full: boolean): DatabaseCheck {
  let verdict = 'ok';
  try {
    const pragma = `${full ? 'integrity_check' : 'quick_check'}(${shownFindings + 1})`;
    const findings = (db.pragma(pragma) as Record<string, unknown>[]).map((row) =>
      String(Object.values(row)[0]),
    );
    if (findings.join() !== 'ok') verdict = damaged(path, findings);
  } catch (error) {
    // A file that is not SQLite, or too damaged to check, fails at the first read.
    return { verdict: damaged(path, [describe(error)]), jobs: undefined };
  }
  const foreign = notMullsDatabase(db, path);
  if (foreign !== undefined) return { verdict: foreign, jobs: undefined };
  try {
    return { verdict, jobs: attachmentLists(db) };
  } catch (error) {
    return {
      verdict: verdict === 'ok' ? damaged(path, [describe(error)]) : verdict,
      jobs: undefined,
    };
  }
}

/** Every job with attachments, by id; a list that does not parse is damage. */
function attachmentLists(db: Database): JobAttachmentList[] {
  const columns = db.pragma('table_info(jobs)') as { name: string }[];
  // A database from before migration 10 has no attachments column: its jobs have none.
  if (!columns.some((column) => column.name === 'attachments')) return [];
  const rows = db
    .prepare<[], { id: string; attachments: string }>(
      'SELECT id, attachments FROM jobs WHERE attachments IS NOT NULL ORDER BY created_at, id',
    )
    .all();
  return rows.flatMap(({ id, attachments }) => {
    let list: JobAttachment[];
    try {
      list = JobAttachments.parse(JSON.parse(attachments));
    } catch {
      throw new Error(`job ${id} lists its attachments in a form Mull cannot read`);
    }
    return list.length === 0 ? [] : [{ id, attachments: list }];
  });
}

/** As openDatabase tells Mull's file from another program's (see assertMullDatabase there). */
function notMullsDatabase(db: Database, path: string): string | undefined {
  const applicationId = db.pragma('application_id', { simple: true });
  if (applicationId === mullApplicationId) return undefined;
  const jobsTable = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'jobs'")
    .get();
  if (applicationId === 0 && jobsTable !== undefined) return undefined;
  return `The file at ${path} is not a Mull database (SQLite application_id ${String(applicationId)}).`;
}

/**
 * A read-only connection that creates nothing in the data directory. While another process has
 * the database open (its -wal and -shm files exist), the file itself is read, coordinated with that
 * writer through the -shm index as every SQLite reader is: a copy could catch a checkpoint half
 * done and look damaged. Otherwise a read-only connection would create -wal and -shm files and
 * leave them behind, so a copy in a temporary folder is read instead.
 */
function openWithoutWriting(path: string): { db: Database; close(): void } {
  const binding = process.env[sqliteNativeBindingVariable];
  const open = (file: string) =>
    new BetterSqlite3(file, {
      readonly: true,
      fileMustExist: true,
      ...(binding ? { nativeBinding: binding } : {}),
    });
  const wal = `${path}-wal`;
  if (existsSync(wal) && writable(`${path}-shm`)) {
    const db = open(path);
    return { db, close: () => db.close() };
  }
  const copyDir = mkdtempSync(join(tmpdir(), 'mull-check-'));
  const removeCopy = () => rmSync(copyDir, { recursive: true, force: true });
  try {
    const copy = join(copyDir, databaseFileName);
    copyFileSync(path, copy);
    // A -wal left without its -shm (a crash) holds the newest commits: they are checked too.
    if (existsSync(wal)) copyFileSync(wal, `${copy}-wal`);
    const db = open(copy);
    return {
      db,
      close: () => {
        db.close();
        removeCopy();
      },
    };
  } catch (error) {
    removeCopy();
    throw new StoreOpenError(
      'unreadable',
      path,
      `Mull cannot read its database at ${path} to check it (${describe(error)}).`,
      { cause: error },
    );
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function damaged(path: string, findings: readonly string[]): string {
  const shown = findings
    .slice(0, shownFindings)
    // integrity_check heads its first finding with the schema's name: "*** in database main ***".
    .map((f) =>
      f
        .replace(/^\*\*\* in database \w+ \*\*\*/u, '')
        .replace(/\s+/gu, ' ')
        .trim(),
    );
  const more = findings.length > shownFindings ? '; and more' : '';
  return (
    `The database at ${path} is damaged (${shown.join('; ')}${more}): restore a backup, or ` +
    'move it aside to start fresh.'
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
