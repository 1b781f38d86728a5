// `mull check`: a data directory whose job's PDF and PNG are stored is sound (exit 0, with the
// counts); a stored file overwritten is reported altered and a deleted one missing, with the job
// id (exit 1); a damaged database and a data directory that does not exist each get a sentence;
// nothing in the data directory is written, not even SQLite's -wal and -shm files.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfOf, pngBytes } from '../core/attachments/test-support/sample-files.js';
import { printedId, startCliHarness, type CliHarness } from './test-support/cli-harness.js';
import { mullInProcess } from './test-support/in-process.js';

let h: CliHarness;
let dir: string;
beforeEach(async () => {
  h = await startCliHarness();
  dir = mkdtempSync(join(tmpdir(), 'mull-check-test-'));
});
afterEach(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const pdfBytes = pdfOf(2 * 1024 * 1024);

/** A job sent with a PDF and a PNG; returns its id. */
async function jobWithAttachments(): Promise<string> {
  const pdf = join(dir, 'paper.pdf');
  writeFileSync(pdf, pdfBytes);
  const png = join(dir, 'plot.png');
  writeFileSync(png, pngBytes);
  const run = await h.mull(['submit', '--attach', pdf, '--attach', png, 'Summarize the paper']);
  expect(run.code, run.stderr).toBe(0);
  return printedId(run);
}

/** Every file's name and sha256 under the data directory, attachments/ included. */
function fingerprint(root: string): Record<string, string> {
  const entries = readdirSync(root, { recursive: true, withFileTypes: true });
  return Object.fromEntries(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [path.slice(root.length), sha256(readFileSync(path))];
      }),
  );
}

interface CheckJson {
  database: string;
  attachments: {
    jobs: number;
    checked: number;
    files: number;
    bytes: number;
    problems: { jobId: string; problem: string; attachment: { name: string }; message: string }[];
  } | null;
}

describe('mull check', { timeout: 60_000 }, () => {
  it('says a sound data directory is sound, with the counts, and writes nothing', async () => {
    await jobWithAttachments();
    const before = fingerprint(h.dataDir);

    const check = await h.mull(['check']);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toBe('');
    expect(check.stderr).toBe(
      'mull: the data directory is sound: 1 database, 1 job with 2 attachments ' +
        '(2 files, 2.0 MB) verified by sha256.\n',
    );
    const json = await h.mull(['--json', 'check', '--full']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      database: 'ok',
      attachments: {
        jobs: 1,
        checked: 2,
        files: 2,
        bytes: pdfBytes.length + pngBytes.length,
        problems: [],
      },
    });
    expect(fingerprint(h.dataDir)).toEqual(before);
  });

  it('reports an overwritten attachment as altered and a deleted one as missing', async () => {
    const id = await jobWithAttachments();
    const stored = join(h.dataDir, 'attachments');
    writeFileSync(join(stored, sha256(pdfBytes)), pdfOf(pdfBytes.length).fill(0x21, 100, 200));

    const altered = await h.mull(['check']);
    expect(altered.code).toBe(1);
    expect(altered.stderr).toBe(
      `Job ${id}: attachment "paper.pdf" was altered (its sha256 no longer matches).\n` +
        'mull: the data directory is not sound: the database is sound; attachments: 1 altered ' +
        'of 1 job with 2 attachments (2 files, 2.0 MB).\n',
    );

    rmSync(join(stored, sha256(pngBytes)));
    const json = await h.mull(['--json', 'check']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as CheckJson;
    expect(report.database).toBe('ok');
    expect(
      report.attachments?.problems.map((p) => [p.jobId, p.attachment.name, p.problem]),
    ).toEqual([
      [id, 'paper.pdf', 'altered'],
      [id, 'plot.png', 'missing'],
    ]);
    expect(report.attachments?.problems[1]?.message).toBe(
      `Job ${id}: attachment "plot.png" is missing from the store.`,
    );
  });

  it('reports a damaged database in a sentence, leaving it as it was', async () => {
    await jobWithAttachments();
    const database = join(h.dataDir, 'mull.sqlite3');
    const bytes = readFileSync(database);
    // Page 2 and on overwritten: the file still opens, its tables cannot be read.
    bytes.fill(0x41, 4096, bytes.length);
    writeFileSync(database, bytes);
    const before = fingerprint(h.dataDir);

    const check = await h.mull(['check']);
    expect(check.code).toBe(1);
    const lines = check.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^The database at .*mull\.sqlite3 is damaged \(.+\): restore a backup/u,
    );
    expect(lines[1]).toBe(
      'mull: the data directory is not sound: the database is not sound; attachments: none ' +
        'could be listed.',
    );
    expect(fingerprint(h.dataDir)).toEqual(before);
  });

  it('says in one sentence that a data directory does not exist, and does not make it', async () => {
    const missing = join(dir, 'no-such-dir');
    const check = await mullInProcess(['--data-dir', missing, 'check']);
    expect(check.code).toBe(1);
    expect(check.stderr).toBe(
      `mull: There is no data directory at ${missing}: nothing to check.\n`,
    );
    expect(existsSync(missing)).toBe(false);
  });

  it('is listed by mull --help', async () => {
    const help = await mullInProcess(['--help']);
    expect(help.stdout).toMatch(/^ {2}check +check the database and every attachment/mu);
  });
});
