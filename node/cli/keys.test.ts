// Keys on the command line: OPENAI_API_KEY serves OpenAI, and the server OPENAI_BASE_URL names
// (the OpenAI SDK's own pairing), never another server given with --base-url.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCliHarness, type CliHarness } from './test-support/cli-harness.js';

let h: CliHarness;
beforeEach(async () => {
  h = await startCliHarness();
});
afterEach(() => h.close());

describe('keys', { timeout: 60_000 }, () => {
  it('--base-url gets no OpenAI key: the job waits for one and run names it, until the key is paired', async () => {
    const unpaired = { ...h.env, OPENAI_BASE_URL: undefined };
    const submitted = await h.mull(['submit', '--base-url', h.emulator.baseURL, 'Keyless'], {
      env: unpaired,
    });
    expect(submitted.code).toBe(1);
    const id = submitted.stdout.trim();
    expect(submitted.stderr).toMatch(new RegExp(`mull: job ${id.slice(0, 8)} needs an API key: `));
    expect(await h.emulator.control.requests({ kind: 'create' })).toHaveLength(0);

    const stuck = await h.mull(['run'], { env: unpaired });
    expect(stuck.code).toBe(1);
    expect(stuck.stderr).toMatch(/1 job\(s\) need an API key/);
    // The provider by its readable name (the server's host), not its generated id.
    const host = new URL(h.emulator.baseURL).host;
    expect(stuck.stderr).toContain(`${id.slice(0, 8)} needs_key (provider ${host})`);
    expect(stuck.stderr).not.toContain('(provider url-');

    // OPENAI_BASE_URL naming that server pairs OPENAI_API_KEY with it: the same job goes through.
    const run = await h.mull(['run']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${id.slice(0, 8)} completed`);
    const creates = await h.emulator.control.requests({ kind: 'create' });
    expect(creates.map((r) => r.keyLast4)).toEqual(['0001']);
  });
});
