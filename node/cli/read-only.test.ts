// A data directory Mull may not write to (a read-only mount, a backup): list, show and search
// still read it (from a temporary copy), the files stay byte for byte as they were, and a command
// that would write says why it cannot.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printedId, startCliHarness, type CliHarness } from './test-support/cli-harness.js';

let h: CliHarness;
beforeEach(async () => {
  h = await startCliHarness();
});
afterEach(async () => {
  setWritable(h.dataDir, true);
  await h.close();
});

/** Root writes through permission bits, so as root the directory is made immutable instead. */
function setWritable(dir: string, writable: boolean): void {
  if (process.getuid?.() === 0) execFileSync('chattr', [writable ? '-i' : '+i', dir]);
  else chmodSync(dir, writable ? 0o755 : 0o555);
}

function fingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir).map((name) => [
      name,
      createHash('sha256')
        .update(readFileSync(join(dir, name)))
        .digest('hex'),
    ]),
  );
}

describe('a read-only data directory', { timeout: 60_000 }, () => {
  it('is read by list, show and search, and left untouched', async () => {
    await h.emulator.control.addScript({ script: { answer: 'Kept on a read-only disk.' } });
    const id = printedId(await h.mull(['submit', 'Archive me']));
    expect((await h.mull(['wait', id])).code).toBe(0);
    const before = fingerprint(h.dataDir);
    setWritable(h.dataDir, false);

    const list = await h.mull(['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(id.slice(0, 8));
    const show = await h.mull(['show', id]);
    expect(show.stdout).toBe('Kept on a read-only disk.');
    const search = await h.mull(['search', 'archive']);
    expect(search.stdout).toContain(id.slice(0, 8));

    const submit = await h.mull(['submit', 'Cannot be stored']);
    expect(submit.code).toBe(1);
    expect(submit.stderr).toMatch(
      /^mull: Mull cannot write in its data directory .*: its jobs can be listed, shown and searched/,
    );
    expect(fingerprint(h.dataDir)).toEqual(before);
  });
});
