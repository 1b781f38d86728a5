// Templates from the command line: `mull submit --save-template NAME` keeps a prompt with its
// {{placeholders}} and options without sending anything; `mull templates` lists it; `mull submit
// --template NAME --var key=value` fills it in and sends it with the template's models and effort.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCliHarness, type CliHarness } from './test-support/cli-harness.js';

let h: CliHarness;
beforeEach(async () => {
  h = await startCliHarness();
});
afterEach(() => h.close());

interface CreateBody {
  model: string;
  input: unknown;
  instructions?: string;
  reasoning?: { effort?: string };
}

async function creates(): Promise<CreateBody[]> {
  return (await h.emulator.control.requests({ kind: 'create' })).map(
    (request) => request.body as CreateBody,
  );
}

describe('mull templates', { timeout: 60_000 }, () => {
  it('saves a template, lists it, and starts jobs from it with the values given', async () => {
    const saved = await h.mull([
      'submit',
      '--save-template',
      'Code review',
      '--model',
      'gpt-5-pro,o3-pro',
      '--effort',
      'high',
      '--instructions',
      'You review {{language}} code.',
      'Review {{file}} for race conditions.',
    ]);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stderr).toMatch(/saved template 'Code review'; nothing was sent/u);
    expect(await creates()).toEqual([]);

    const listed = await h.mull(['templates']);
    expect(listed.stdout).toMatch(
      /Code review\s+gpt-5-pro, o3-pro\s+\{\{file\}\} \{\{language\}\}/u,
    );

    const run = await h.mull([
      'submit',
      '--template',
      'code REVIEW',
      '--var',
      'file=queue.rs',
      '--var',
      'language=Rust',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const sent = await creates();
    expect(sent.map((body) => [body.model, body.reasoning?.effort])).toEqual([
      ['gpt-5-pro', 'high'],
      ['o3-pro', 'high'],
    ]);
    for (const body of sent) {
      expect(body.input).toBe('Review queue.rs for race conditions.');
      expect(body.instructions).toBe('You review Rust code.');
    }
  });

  it('keeps the flex tier with the template', async () => {
    await h.mull(['submit', '--save-template', 'Cheap', '--model', 'gpt-5', '--flex', 'Sum {{a}}']);
    const run = await h.mull(['submit', '--template', 'Cheap', '--var', 'a=1+1']);
    expect(run.code, run.stderr).toBe(0);
    const [body] = (await h.emulator.control.requests({ kind: 'create' })).map(
      (request) => request.body as { input: unknown; service_tier?: string },
    );
    expect(body).toMatchObject({ input: 'Sum 1+1', service_tier: 'flex' });
  });

  it('refuses a missing value, an unknown template and a bad --var, sending nothing', async () => {
    await h.mull(['submit', '--save-template', 'Explain', 'Explain {{topic}} to {{audience}}']);
    const cases: Array<[string[], RegExp]> = [
      [
        ['--template', 'Explain', '--var', 'topic=monads'],
        /needs a value: Give a value for \{\{audience\}\}/u,
      ],
      [['--template', 'Nope'], /There is no template 'Nope'; there are 'Explain'/u],
      [['--template', 'Explain', '--var', 'topic'], /--var 'topic' is not KEY=VALUE/u],
      [['--template', 'Explain', 'and a prompt'], /Give a prompt or --template, not both/u],
    ];
    for (const [args, sentence] of cases) {
      const run = await h.mull(['submit', ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(sentence);
    }
    expect(await creates()).toEqual([]);
    const list = await h.mull(['--json', 'list']);
    expect((JSON.parse(list.stdout) as { jobs: unknown[] }).jobs).toEqual([]);
  });
});
