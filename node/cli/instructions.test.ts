// `mull submit --instructions` / `--instructions-file`: the instructions go out in the create
// request, are kept with the job (`mull show --json`), and bad ones are one sentence with exit 2,
// nothing stored or sent.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printedId, startCliHarness, type CliHarness } from './test-support/cli-harness.js';

let h: CliHarness;
beforeEach(async () => {
  h = await startCliHarness();
});
afterEach(() => h.close());

async function sentInstructions(): Promise<unknown[]> {
  const creates = await h.emulator.control.requests({ kind: 'create' });
  return creates.map((r) => (r.body as { instructions?: unknown }).instructions);
}

describe('mull submit with instructions', { timeout: 60_000 }, () => {
  it('sends them, from the option or a file, and keeps them with the job', async () => {
    const inline = await h.mull(['submit', '--instructions', 'Answer in French.', 'Bonjour?']);
    expect(inline.code).toBe(0);
    const file = join(mkdtempSync(join(tmpdir(), 'mull-instructions-')), 'system.md');
    const fromFile = 'You are a careful reviewer.\nCite line numbers.\n';
    writeFileSync(file, fromFile);
    const filed = await h.mull(['submit', '--instructions-file', file, 'Review this']);
    expect(filed.code).toBe(0);
    expect(await sentInstructions()).toEqual(['Answer in French.', fromFile]);

    const shown = await h.mull(['--json', 'show', printedId(filed)]);
    expect((JSON.parse(shown.stdout) as { instructions: string }).instructions).toBe(fromFile);
  });

  it('refuses both options, an empty one, or a missing file, storing nothing', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--instructions', 'a', '--instructions-file', 'b'], /not both/],
      [['--instructions', '  '], /--instructions (is empty|needs a value)/],
      [['--instructions-file', '/no/such/file'], /Cannot read the instructions file.*no such file/],
    ];
    for (const [args, sentence] of cases) {
      const run = await h.mull(['submit', ...args, 'A prompt']);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(sentence);
    }
    expect(await sentInstructions()).toEqual([]);
    const list = await h.mull(['--json', 'list']);
    expect((JSON.parse(list.stdout) as { jobs: unknown[] }).jobs).toEqual([]);
  });
});
