// `mull` runs its ahead-of-time build only while no source it was made from is newer than it: an
// edited source (or a deleted one) sends it back to the sources, so it never runs stale code.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshCliBuild } from './cli-build-fresh.mjs';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A repository with two sources and a build made at `builtAt` (seconds). */
function repoWithBuild(builtAt: number): string {
  root = mkdtempSync(join(tmpdir(), 'mull-cli-build-'));
  mkdirSync(join(root, 'src'));
  mkdirSync(join(root, 'out', 'cli'), { recursive: true });
  for (const source of ['src/a.ts', 'src/b.ts']) {
    writeFileSync(join(root, source), '');
    utimesSync(join(root, source), 1_000, 1_000);
  }
  writeFileSync(join(root, 'out', 'cli', 'main.mjs'), '');
  writeFileSync(
    join(root, 'out', 'cli', 'inputs.json'),
    JSON.stringify({ inputs: ['src/a.ts', 'src/b.ts'] }),
  );
  utimesSync(join(root, 'out', 'cli', 'main.mjs'), builtAt, builtAt);
  return root;
}

describe('freshCliBuild', () => {
  it('runs the build while every source is older', () => {
    expect(freshCliBuild(repoWithBuild(2_000))).toBe(join(root, 'out', 'cli', 'main.mjs'));
  });

  it('runs the sources once one is edited after the build', () => {
    repoWithBuild(2_000);
    utimesSync(join(root, 'src', 'b.ts'), 3_000, 3_000);
    expect(freshCliBuild(root)).toBeUndefined();
  });

  it('runs the sources when a source of the build is gone, or there is no build', () => {
    repoWithBuild(2_000);
    rmSync(join(root, 'src', 'a.ts'));
    expect(freshCliBuild(root)).toBeUndefined();
    rmSync(join(root, 'out'), { recursive: true });
    expect(freshCliBuild(root)).toBeUndefined();
  });
});
