// Opening the database: the connection settings, and the files it must refuse without touching.
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { shippedMigrations } from './migrations/index.js';
import { databasePathIn, mullApplicationId, openDatabase } from './open-database.js';
import { StoreOpenError } from './store-errors.js';
import { useTestDatabases } from './test-support/test-databases.js';
import { killWriterOf } from './test-support/unclean-shutdown.js';

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

describe('openDatabase', () => {
  it('creates the data directory and mull.sqlite3, migrated to the newest schema', () => {
    const dataDir = join(databases.tempDir(), 'nested', 'data');
    const db = databases.open(dataDir);
    expect(existsSync(join(dataDir, 'mull.sqlite3'))).toBe(true);
    expect(db.pragma('user_version', { simple: true })).toBe(shippedMigrations.length);
  });

  it('sets WAL, synchronous NORMAL, foreign keys and a busy timeout on every open', () => {
    const dataDir = databases.tempDir();
    databases.open(dataDir).close();
    const db = databases.open(dataDir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('keeps data across reopening', () => {
    const dataDir = databases.tempDir();
    const first = databases.open(dataDir);
    first.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run();
    first.close();
    const second = databases.open(dataDir);
    expect(second.prepare('SELECT value FROM settings').pluck().get()).toBe('"dark"');
  });

  it('lets a second connection see what the first committed (WAL)', () => {
    const dataDir = databases.tempDir();
    const writer = databases.open(dataDir);
    const reader = databases.open(dataDir);
    const read = reader.prepare("SELECT value FROM settings WHERE key = 'k'").pluck();
    expect(read.get()).toBeUndefined();
    writer.prepare("INSERT INTO settings (key, value) VALUES ('k', '1')").run();
    expect(read.get()).toBe('1');
    // In WAL a reader does not block the writer: its open transaction keeps its snapshot while
    // the writer commits, and the next transaction sees the new value.
    reader.transaction(() => {
      expect(read.get()).toBe('1');
      writer.prepare("UPDATE settings SET value = '2' WHERE key = 'k'").run();
      expect(read.get()).toBe('1');
    })();
    expect(read.get()).toBe('2');
  });
});

describe('openDatabase refuses, leaving the file byte for byte as it was,', () => {
  it('a file that is not a database', () => {
    const dataDir = databases.tempDir();
    const path = databasePathIn(dataDir);
    const garbage = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256));
    writeFileSync(path, garbage);

    const error = openError(dataDir);
    expect(error.reason).toBe('damaged');
    expect(error.message).toBe(
      `The Mull database at ${path} is damaged or not a database (file is not a database). ` +
        'It was left untouched; move it aside to start fresh, or restore a backup.',
    );
    expect(readFileSync(path).equals(garbage)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  // Pages are read only after a writer that did not close (writer-marks.test.ts has the rest).
  it('a SQLite database with damaged pages, after a writer that did not close', async () => {
    const dataDir = databases.tempDir();
    const path = databasePathIn(dataDir);
    const db = databases.open(dataDir);
    const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    for (let i = 0; i < 200; i++) insert.run(`key-${i}`, JSON.stringify('x'.repeat(1000)));
    db.close();
    // Overwrite pages in the middle of the file, keeping the header intact.
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(3 * 4096, 0x5a), 0, 3 * 4096, 5 * 4096);
    closeSync(fd);
    const damagedBytes = readFileSync(path);
    await killWriterOf(dataDir);

    const error = openError(dataDir);
    expect(error.reason).toBe('damaged');
    expect(error.message).toMatch(/^The Mull database at .* is damaged or not a database \(.+\)\./);
    expect(readFileSync(path).equals(damagedBytes)).toBe(true);
  });

  it('a database written by a newer Mull', () => {
    const dataDir = databases.tempDir();
    const path = databasePathIn(dataDir);
    const db = databases.open(dataDir);
    db.pragma(`user_version = ${shippedMigrations.length + 3}`);
    db.close();
    const bytes = readFileSync(path);

    const error = openError(dataDir);
    expect(error.reason).toBe('newer_schema');
    expect(error.message).toBe(
      `This Mull database was written by a newer version of Mull (schema ${shippedMigrations.length + 3}; ` +
        `this version knows up to ${shippedMigrations.length}). Update Mull, or point it at another data directory.`,
    );
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('a database that is in fact a directory', () => {
    const dataDir = databases.tempDir();
    mkdirSync(databasePathIn(dataDir));
    const error = openError(dataDir);
    expect(error.reason).toBe('unreadable');
    expect(error.message).toContain(`Mull cannot open its database at ${databasePathIn(dataDir)}`);
  });

  // Root reads any file whatever its mode, so this only means something for an ordinary user.
  it.skipIf(process.getuid?.() === 0)('a file without read permission', () => {
    const dataDir = databases.tempDir();
    databases.open(dataDir).close();
    const path = databasePathIn(dataDir);
    chmodSync(path, 0o000);
    try {
      const error = openError(dataDir);
      expect(error.reason).toBe('unreadable');
      expect(error.message).toContain('Check that you can read and write');
    } finally {
      chmodSync(path, 0o644);
    }
  });
});

describe('only a database Mull made is opened', () => {
  const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

  it('a new database carries Mull’s application_id, and no half-made file is left', () => {
    const dataDir = databases.tempDir();
    const db = databases.open(dataDir);
    expect(db.pragma('application_id', { simple: true })).toBe(mullApplicationId);
    expect(readdirSync(dataDir).filter((name) => name.includes('.new'))).toEqual([]);
  });

  it.each<[string, (path: string) => void, RegExp]>([
    ['an empty (0-byte) file', (path) => writeFileSync(path, ''), /is an empty file/],
    [
      'another program’s SQLite database',
      (path) => {
        const other = new BetterSqlite3(path);
        other.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)');
        other.prepare("INSERT INTO photos (name) VALUES ('cat.jpg')").run();
        other.close();
      },
      /is an SQLite database without Mull's tables/,
    ],
    [
      'a database with another application_id',
      (path) => {
        const other = new BetterSqlite3(path);
        other.pragma('application_id = 1234');
        other.exec('CREATE TABLE jobs (id TEXT)');
        other.pragma('user_version = 2');
        other.close();
      },
      /belongs to another application \(SQLite application_id 1234\)/,
    ],
  ])('%s: refused with a sentence, byte for byte unchanged', (_name, make, why) => {
    const dataDir = databases.tempDir();
    const path = databasePathIn(dataDir);
    make(path);
    const before = sha256(path);
    const error = openError(dataDir);
    expect(error.reason).toBe('foreign');
    expect(error.message).toMatch(why);
    expect(error.message).toContain('Mull did not create it, so it was left untouched');
    expect(sha256(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('a database made by an earlier Mull (no application_id yet) is opened and stamped', () => {
    const dataDir = databases.tempDir();
    const first = databases.open(dataDir);
    first.pragma('application_id = 0');
    first.prepare("INSERT INTO settings (key, value) VALUES ('kept', '1')").run();
    first.close();
    const again = databases.open(dataDir);
    expect(again.pragma('application_id', { simple: true })).toBe(mullApplicationId);
    expect(again.prepare("SELECT value FROM settings WHERE key = 'kept'").pluck().get()).toBe('1');
  });
});

describe('a new database made by several processes at once', () => {
  it('is made once: every process opens the same file, nothing is left behind', async () => {
    const dataDir = databases.tempDir();
    const script = `
      const { openDatabase } = await import(${JSON.stringify(new URL('./open-database.ts', import.meta.url).href)});
      const db = openDatabase(process.argv[1]);
      db.prepare("INSERT INTO settings (key, value) VALUES (?, '1')").run('from-' + process.pid);
      db.close();
    `;
    const children = Array.from({ length: 8 }, () =>
      spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dataDir], {
        stdio: ['ignore', 'ignore', 'pipe'],
      }),
    );
    const results = await Promise.all(
      children.map(
        (child) =>
          new Promise<{ code: number | null; stderr: string }>((resolve) => {
            let stderr = '';
            child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
            child.on('exit', (code) => resolve({ code, stderr }));
          }),
      ),
    );
    expect(results.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
    const db = databases.open(dataDir);
    expect(db.prepare("SELECT count(*) FROM settings WHERE key LIKE 'from-%'").pluck().get()).toBe(
      8,
    );
    expect(readdirSync(dataDir).filter((name) => name.includes('.new'))).toEqual([]);
  });
});
