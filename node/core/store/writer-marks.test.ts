// When opening reads every page: only a writer that opens after one that did not close cleanly
// runs quick_check, and then refuses a damaged file before writing to it. A clean close, a writer
// still at work beside it and any read-only open cost no check. Observed through a damaged page
// in a table nothing reads: an open that checks refuses the file, one that does not opens it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from './check-database.js';
import { databasePathIn, openDatabase } from './open-database.js';
import { StoreOpenError } from './store-errors.js';
import { useTestDatabases } from './test-support/test-databases.js';
import {
  damageUnreadPage,
  killWriterOf,
  startWriter,
  writerMarksIn,
} from './test-support/unclean-shutdown.js';

const databases = useTestDatabases();

function openError(dataDir: string): StoreOpenError {
  try {
    openDatabase(dataDir).close();
  } catch (error) {
    if (error instanceof StoreOpenError) return error;
    throw error;
  }
  throw new Error('expected openDatabase to fail');
}

/** A sound database, closed cleanly, then damaged in a page only quick_check reads. */
function damagedDataDir(): string {
  const dataDir = databases.tempDir();
  databases.open(dataDir).close();
  damageUnreadPage(dataDir);
  expect(checkDatabase(dataDir).verdict).toMatch(/^The database at .* is damaged \(.+\)/);
  return dataDir;
}

const refusal =
  /^The Mull database at .*mull\.sqlite3 is damaged or not a database \(.+\)\. It was left untouched; move it aside to start fresh, or restore a backup\.$/;

describe('opening after a clean close', () => {
  it('reads no page: the damaged page goes unnoticed, the database is written, no mark stays', () => {
    const dataDir = damagedDataDir();
    const db = databases.open(dataDir);
    expect(writerMarksIn(dataDir)).toHaveLength(1); // this writer's own, while it is open
    db.prepare("INSERT INTO settings (key, value) VALUES ('after', '1')").run();
    db.close();
    expect(writerMarksIn(dataDir)).toEqual([]);
    expect(databases.open(dataDir).prepare('SELECT count(*) FROM settings').pluck().get()).toBe(1);
  });
});

describe('a writer killed by SIGKILL', { timeout: 30_000 }, () => {
  it('leaves its mark: the next writer reads every page and refuses the damaged file as it is', async () => {
    const dataDir = damagedDataDir();
    await killWriterOf(dataDir, { write: true });
    expect(writerMarksIn(dataDir)).toHaveLength(1);
    const path = databasePathIn(dataDir);
    const bytes = readFileSync(path);

    const error = openError(dataDir);
    expect(error.reason).toBe('damaged');
    expect(error.message).toMatch(refusal);
    // Not even the killed writer's log was checkpointed into it.
    expect(readFileSync(path).equals(bytes)).toBe(true);
    // The mark stays until a check passes: every writer after refuses too.
    expect(openError(dataDir).message).toMatch(refusal);
    expect(writerMarksIn(dataDir)).toHaveLength(1);
  });

  it('a read-only open is never checked: it reads (the log included) and cannot write', async () => {
    const dataDir = damagedDataDir();
    await killWriterOf(dataDir, { write: true });
    const reader = openDatabase(dataDir, undefined, { readOnly: true });
    try {
      const read = reader.prepare(
        "SELECT value FROM settings WHERE key = 'written-before-the-crash'",
      );
      expect(read.pluck().get()).toBe('1');
      expect(() =>
        reader.prepare("INSERT INTO settings (key, value) VALUES ('x', '1')").run(),
      ).toThrow(/readonly/);
    } finally {
      reader.close();
    }
    expect(writerMarksIn(dataDir)).toHaveLength(1); // still there for the next writer
    expect(openError(dataDir).reason).toBe('damaged');
  });

  it('a sound database is checked once: the mark is cleared, and the next opens check nothing', async () => {
    const dataDir = databases.tempDir();
    databases.open(dataDir).close();
    await killWriterOf(dataDir, { write: true });
    const db = databases.open(dataDir); // checked, sound
    expect(
      db.prepare("SELECT value FROM settings WHERE key = 'written-before-the-crash'").pluck().get(),
    ).toBe('1');
    db.close();
    expect(writerMarksIn(dataDir)).toEqual([]);
    damageUnreadPage(dataDir);
    databases.open(dataDir).close(); // not checked again: opens despite the damage
  });

  it('is told from a writer still at work: beside a live one nothing is checked, after its death everything', async () => {
    const dataDir = damagedDataDir();
    const other = await startWriter(dataDir, { write: true });
    // The log is there (the other writer has the database open), its mark is held: no crash.
    const beside = databases.open(dataDir);
    expect(beside.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(1);
    await other.kill();
    expect(openError(dataDir).message).toMatch(refusal);
    beside.close();
  });

  it('from a Mull that kept no marks: its write-ahead log left behind is enough to check', async () => {
    const dataDir = damagedDataDir();
    await killWriterOf(dataDir, { write: true, withoutMark: true });
    expect(writerMarksIn(dataDir)).toEqual([]);
    expect(openError(dataDir).message).toMatch(refusal);
  });
});
