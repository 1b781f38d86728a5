// After a crash (`mull run --watch` killed by SIGKILL) on a database with a damaged page: the
// commands that only read (list, show, search, templates) read it and never check it, while the
// first command that would write reads every page first and refuses, leaving the file as it was;
// `mull check` says what is wrong. After a clean close, a writing command checks nothing.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  damagePageOf,
  damageUnreadPage,
  writerMarksIn,
} from '../core/store/test-support/unclean-shutdown.js';
import { printedId, startCliHarness, type CliHarness } from './test-support/cli-harness.js';

let h: CliHarness;
beforeEach(async () => {
  h = await startCliHarness();
});
afterEach(async () => {
  await h.close();
});

const databaseHash = () =>
  createHash('sha256')
    .update(readFileSync(join(h.dataDir, 'mull.sqlite3')))
    .digest('hex');

const refused =
  /^mull: The Mull database at .*mull\.sqlite3 is damaged or not a database \(.+\)\. It was left untouched/;

/** A finished job, its answer given; returns its id. */
async function finishedJob(prompt: string, answer: string): Promise<string> {
  await h.emulator.control.addScript({ script: { answer } });
  const id = printedId(await h.mull(['submit', prompt]));
  expect((await h.mull(['wait', id])).code).toBe(0);
  return id;
}

/** `mull run --watch`, killed with SIGKILL once it drives: a writer that never closed. */
async function crashADriver(): Promise<void> {
  const run = h.start(['run', '--watch']);
  await run.stderrMatching(/watching for new jobs/);
  run.child.kill('SIGKILL');
  expect((await run.finished).signal).toBe('SIGKILL');
  expect(writerMarksIn(h.dataDir)).toHaveLength(1);
}

describe('an unclean shutdown on a damaged database', { timeout: 90_000 }, () => {
  it('is read by list, show, search and templates, refused by submit, reported by check', async () => {
    const id = await finishedJob('Survive a crash', 'Kept through a crash.');
    damageUnreadPage(h.dataDir);
    // A clean close before: a writing command reads no page, so the damage goes unseen.
    await h.emulator.control.addScript({ script: { answer: 'Sent after a clean close.' } });
    expect((await h.mull(['submit', 'Written after a clean close'])).code).toBe(0);

    await crashADriver();
    const before = databaseHash();
    const submit = await h.mull(['submit', 'Refused']);
    expect(submit.code).toBe(1);
    expect(submit.stderr).toMatch(refused);
    expect(databaseHash()).toBe(before);

    const list = await h.mull(['list']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain(id.slice(0, 8));
    expect((await h.mull(['show', id])).stdout).toBe('Kept through a crash.');
    expect((await h.mull(['search', 'crash'])).stdout).toContain(id.slice(0, 8));
    expect((await h.mull(['templates'])).code).toBe(0);

    const check = await h.mull(['check']);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/^The database at .* is damaged \(/);
    // The mark stays until a writer's check passes: the next writer refuses too.
    expect((await h.mull(['submit', 'Refused again'])).stderr).toMatch(refused);
  });

  it('a damaged page that a read comes across is said in the same sentence', async () => {
    await finishedJob('Damaged', 'On a damaged page.');
    damagePageOf(h.dataDir, 'jobs');
    await crashADriver();
    const list = await h.mull(['list']);
    expect(list.code).toBe(1);
    expect(list.stderr).toMatch(refused);
  });
});
