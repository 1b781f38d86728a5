// `mull submit --model a,b,c`: one prompt to several models as one comparison: a create per
// model, one id printed per job, the jobs sharing a group id; a bad list stores nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCliHarness, type CliHarness } from './test-support/cli-harness.js';

let h: CliHarness;
beforeEach(async () => {
  h = await startCliHarness();
});
afterEach(() => h.close());

interface ShownJob {
  id: string;
  model: string;
  effort: string | null;
  groupId: string | null;
}

describe('mull submit to several models', { timeout: 60_000 }, () => {
  it('sends the prompt to each model and groups the jobs as one comparison', async () => {
    const run = await h.mull([
      '--json',
      'submit',
      '--model',
      'gpt-5-pro, o3-pro,gpt-5',
      '--effort',
      'high',
      'Which sort is stable?',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const jobs = JSON.parse(run.stdout) as ShownJob[];
    expect(jobs.map((job) => [job.model, job.effort])).toEqual([
      ['gpt-5-pro', 'high'],
      ['o3-pro', 'high'],
      ['gpt-5', 'high'],
    ]);
    const [first] = jobs;
    expect(first?.groupId).toMatch(/^[0-9a-f-]{36}$/u);
    expect(new Set(jobs.map((job) => job.groupId))).toEqual(new Set([first?.groupId]));

    const creates = await h.emulator.control.requests({ kind: 'create' });
    expect(creates.map((request) => (request.body as { model: string }).model)).toEqual([
      'gpt-5-pro',
      'o3-pro',
      'gpt-5',
    ]);
  });

  it('prints one id per job, and one model alone makes no group', async () => {
    const several = await h.mull(['submit', '--model', 'gpt-5,gpt-5-mini', 'Two answers']);
    expect(several.code, several.stderr).toBe(0);
    expect(several.stdout.trim().split('\n')).toHaveLength(2);
    const single = await h.mull(['--json', 'submit', '--model', 'gpt-5', 'One answer']);
    expect((JSON.parse(single.stdout) as ShownJob).groupId).toBeNull();
  });

  it('refuses an empty model name, storing and sending nothing', async () => {
    const run = await h.mull(['submit', '--model', 'gpt-5,,o3-pro', 'A prompt']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/empty model name/u);
    expect(await h.emulator.control.requests({ kind: 'create' })).toEqual([]);
    const list = await h.mull(['--json', 'list']);
    expect((JSON.parse(list.stdout) as { jobs: unknown[] }).jobs).toEqual([]);
  });
});
