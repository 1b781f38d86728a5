// Damage and crashes, for the tests of when opening a database reads every page (writer-marks.ts):
// a damaged page that only quick_check reads, and writer processes killed with SIGKILL while they
// have the database open.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { databaseFileName, databasePathIn } from '../open-database.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const openDatabaseUrl = new URL('../open-database.ts', import.meta.url).href;

/**
 * Adds a table nothing in Mull reads, fills a few pages of it, and overwrites one of them with
 * garbage: damage that quick_check reports and that no open, read or write of Mull's ever comes
 * across. Only while no connection has the database open.
 */
export function damageUnreadPage(dataDir: string): void {
  const db = new BetterSqlite3(databasePathIn(dataDir));
  try {
    db.exec('CREATE TABLE unread_ballast (n INTEGER PRIMARY KEY, filler TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO unread_ballast (filler) VALUES (?)');
    for (let i = 0; i < 40; i++) insert.run('x'.repeat(1000));
  } finally {
    db.close();
  }
  damagePageOf(dataDir, 'unread_ballast');
}

/** Overwrites the first leaf page of `table` with garbage. Only while no connection is open. */
export function damagePageOf(dataDir: string, table: string): void {
  const path = databasePathIn(dataDir);
  const db = new BetterSqlite3(path);
  let page: number | undefined;
  let pageSize: number;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)'); // every page in the file itself, none in the log
    page = db
      .prepare<[string], number>(
        "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno LIMIT 1",
      )
      .pluck()
      .get(table);
    pageSize = Number(db.pragma('page_size', { simple: true }));
  } finally {
    db.close();
  }
  if (page === undefined) throw new Error(`The table ${table} has no leaf page.`);
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
}

/** The writer marks beside the database (see writer-marks.ts). */
export function writerMarksIn(dataDir: string): string[] {
  return readdirSync(dataDir).filter((name) => name.startsWith(`${databaseFileName}.open-`));
}

export interface WriterProcess {
  /** SIGKILL: resolves once the process is gone. */
  kill(): Promise<void>;
}

export interface WriterOptions {
  /** Writes a settings row ('written-before-the-crash') once open, into the write-ahead log. */
  write?: boolean;
  /** Opens with plain SQLite in WAL mode, as a Mull from before writer marks did: no mark. */
  withoutMark?: boolean;
}

/** A child process with the database in `dataDir` open for writing, until it is killed. */
export async function startWriter(
  dataDir: string,
  options: WriterOptions = {},
): Promise<WriterProcess> {
  const open = options.withoutMark
    ? `const { default: BetterSqlite3 } = await import('better-sqlite3');
       const db = new BetterSqlite3(${JSON.stringify(databasePathIn(dataDir))});
       db.pragma('journal_mode = WAL');`
    : `const { openDatabase } = await import(${JSON.stringify(openDatabaseUrl)});
       const db = openDatabase(${JSON.stringify(dataDir)});`;
  const write = options.write
    ? `db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('written-before-the-crash', '1')").run();`
    : '';
  const script = `${open}\n${write}\nprocess.stdout.write('open\\n');\nsetInterval(() => {}, 60_000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('open')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the writer exited (${code}): ${stderr}`)));
  });
  return {
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A writer that crashes: opens the database in `dataDir`, then dies by SIGKILL. */
export async function killWriterOf(dataDir: string, options: WriterOptions = {}): Promise<void> {
  await (await startWriter(dataDir, options)).kill();
}
