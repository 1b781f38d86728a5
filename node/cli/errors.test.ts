// What goes wrong on the command line reads as one sentence on stderr, never a stack trace, with
// exit status 2 for a wrong use and 1 for a failure.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCliHarness, type CliHarness, type Finished } from './test-support/cli-harness.js';
import { mullInProcess } from './test-support/in-process.js';

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'mull-cli-errors-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const mull = (args: string[]) => mullInProcess(['--data-dir', dataDir, ...args]);

function expectOneSentence(result: Finished, code: number, message: RegExp): void {
  expect(result.code).toBe(code);
  expect(result.stdout).toBe('');
  const [first = ''] = result.stderr.split('\n');
  expect(first).toMatch(/^mull: .+[.!?)]$/);
  expect(first).toMatch(message);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe('usage errors: exit 2', () => {
  it.each([
    [['frobnicate'], /Unknown command 'frobnicate'/],
    [['list', '--bogus'], /Unknown option '--bogus'/],
    [['list', '--status', 'done'], /Unknown status 'done'; one of: pending, /],
    [['list', '--limit', '0'], /--limit must be a whole number, from 1 to 500 \(got '0'\)/],
    [
      ['list', '--limit', '-3'],
      /^mull: --limit must be a whole number, from 1 to 500 \(got '-3'\)\.$/,
    ],
    [['list', '--limit'], /^mull: --limit needs a value\.$/],
    [['list', '--limit', '--json'], /--limit needs a value; to give one that starts with '-'/],
    [['list', '--json=yes'], /^mull: --json takes no value\.$/],
    [['list', '--lim', '3'], /Unknown option '--lim' for mull list \(did you mean --limit\?\)/],
    [['list', '--status', ''], /^mull: --status needs a value\.$/],
    [['search', '--limit', '1e3', 'x'], /--limit must be a whole number, from 1 to 500/],
    [['submit', '--model', '', 'x'], /^mull: --model needs a value\.$/],
    [
      ['submit', '--max-tool-calls', '0', 'x'],
      /--max-tool-calls must be a whole number, 1 or more/,
    ],
    [
      ['submit', '--provider', 'nope', 'x'],
      /There is no provider 'nope' \('mull providers' lists them/,
    ],
    [
      ['submit', '--base-url', 'ftp://example.com', 'x'],
      /^mull: --base-url: The base URL must start with https:\/\//,
    ],
    [['wait', '--print', '--json', 'x'], /Give --print or --json, not both/],
    [['attach', '--title', '', 'resp_1'], /^mull: --title needs a value\.$/],
    [['key', 'set'], /mull key set needs --provider P or --base-url URL/],
    [['key', 'frob', '--provider', 'openai'], /mull key takes 'set' or 'clear'\./],
    [['--data-dir', '', 'list'], /^mull: --data-dir needs a value\.$/],
    [['list', 'extra'], /mull list takes no arguments/],
    [['show'], /mull show needs a job ID/],
    [['show', 'a', 'b'], /takes at most 1/],
    [['search'], /mull search needs WORDS/],
    [['submit'], /needs a prompt/],
    [
      ['submit', '--effort', 'extreme', 'x'],
      /^mull: --effort must be one of .*, high.* \(got 'extreme'\)\.$/,
    ],
    [
      ['submit', '--summary', 'long', 'x'],
      /^mull: --summary must be one of auto, concise, detailed \(got 'long'\)\.$/,
    ],
    [
      ['submit', '--max-output-tokens', '5', 'x'],
      /^mull: --max-output-tokens must be a whole number, 16 or more \(got '5'\)\.$/,
    ],
    [['submit', '--max-output-tokens', 'lots', 'x'], /--max-output-tokens must be a whole number/],
    [['submit', '--provider', 'openai', '--base-url', 'http://127.0.0.1:1', 'x'], /not both/],
    [['submit', '-f', '/nonexistent/prompt.txt'], /Cannot read the prompt file .*no such file/],
    [['submit', '-f', 'p.txt', 'also a prompt'], /either as an argument or with -f FILE/],
    [['submit', '--model'], /^mull: --model needs a value\.$/],
    [['submit', '-m'], /^mull: --model needs a value\.$/],
  ])('mull %j', async (args, message) => {
    const result = await mull(args);
    expectOneSentence(result, 2, message);
    expect(result.stderr).toContain("Run 'mull --help' for usage.");
    // Exactly two lines: the sentence and the pointer to the usage (no parseArgs text after it).
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(2);
    // Nothing was stored.
    expect((await mull(['list', '--json'])).stdout).toMatch(/"total": 0/);
  });

  it('mull with no command: the usage on stderr', async () => {
    const result = await mull([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Usage: mull COMMAND/);
  });

  it('--help and `help`: usage on stdout, exit 0, for mull and for each command', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const top = await mull(args);
      expect(top.code).toBe(0);
      expect(top.stdout).toMatch(/^Usage: mull COMMAND/);
    }
    for (const command of [
      'submit',
      'list',
      'show',
      'wait',
      'cancel',
      'search',
      'run',
      'providers',
      'key',
    ]) {
      for (const args of [
        [command, '--help'],
        ['help', command],
        ['--json', command, '-h'],
      ]) {
        const help = await mull(args);
        expect(help.code).toBe(0);
        expect(help.stdout).toMatch(new RegExp(`^Usage: mull ${command}`));
        expect(help.stdout).toContain('--data-dir DIR');
      }
    }
  });
});

describe('failures: exit 1, the message as it is', () => {
  it('an unknown job', async () => {
    expectOneSentence(await mull(['show', 'nosuchjob']), 1, /There is no job 'nosuchjob'\./);
    expectOneSentence(await mull(['wait', 'nosuchjob']), 1, /There is no job 'nosuchjob'\./);
    expectOneSentence(await mull(['cancel', 'nosuchjob']), 1, /There is no job 'nosuchjob'\./);
  });

  it('MULL_ENGINE_OPTIONS (tests only) that is not a JSON object', async () => {
    for (const value of ['{stallMs: 1}', '[1]', '42']) {
      const result = await mullInProcess(['--data-dir', dataDir, 'run'], {
        MULL_ENGINE_OPTIONS: value,
      });
      expectOneSentence(result, 1, /MULL_ENGINE_OPTIONS must be a JSON object/);
    }
    const fine = await mullInProcess(['--data-dir', dataDir, 'run'], {
      MULL_ENGINE_OPTIONS: '{"stallMs":2000}',
    });
    expect(fine.code).toBe(0);
  });
});

describe('the real process', { timeout: 60_000 }, () => {
  let h: CliHarness;
  beforeAll(async () => {
    h = await startCliHarness();
  });
  afterAll(() => h.close());

  it('exit 2 for a wrong use, 0 for --help', async () => {
    expectOneSentence(await h.mull(['list', '--bogus']), 2, /Unknown option '--bogus'/);
    const help = await h.mull(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: mull COMMAND/);
  });

  it('exit 1 for a database Mull cannot open, which is left alone and explained', async () => {
    const damaged = join(h.dataDir, 'damaged');
    mkdirSync(damaged);
    writeFileSync(join(damaged, 'mull.sqlite3'), 'this is not a database, but it may hold answers');
    expectOneSentence(await h.mull(['--data-dir', damaged, 'list']), 1, /mull\.sqlite3/);
  });
});
