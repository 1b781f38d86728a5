// `mull wait ID` drives that job and no other: a stored job of the same server stays pending and
// is never sent; --print writes the answer; a server that cannot be reached is named, with its
// address, in one sentence.
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobManager } from '../core/engine/job-manager.js';
import { printedId, startCliHarness, type CliHarness } from './test-support/cli-harness.js';

let h: CliHarness;
beforeEach(async () => {
  h = await startCliHarness();
});
afterEach(() => h.close());

/** A loopback port nothing listens on (bound once, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('mull wait drives one job', { timeout: 90_000 }, () => {
  it('leaves another pending job untouched, and --print writes the answer', async () => {
    await h.emulator.control.addScript({
      match: { promptIncludes: 'Wait for this one' },
      script: { answer: 'Only this answer.', timing: { thinkMs: 2_000, deltaIntervalMs: 5 } },
    });
    const id = printedId(await h.mull(['submit', 'Wait for this one']));
    // Another job of the same server, stored and never sent (as a submit leaves one for a driver).
    const manager = JobManager.open({
      dataDir: h.dataDir,
      drive: false,
      keys: { get: () => Promise.resolve(undefined) },
    });
    const providerId = manager.get(id)?.providerId ?? '';
    const [other] = manager.submit({ prompt: 'Leave me alone', model: 'gpt-5-pro', providerId });
    await manager.close();
    if (!other) throw new Error('not stored');

    const wait = await h.mull(['wait', '--print', id.slice(0, 8)]);
    expect(wait.code).toBe(0);
    expect(wait.stdout).toBe('Only this answer.');
    expect(wait.stderr).toContain(`${id.slice(0, 8)} completed`);
    // Not a terminal: no progress line.
    expect(wait.stderr).not.toContain('\r');

    const creates = await h.emulator.control.requests({ kind: 'create' });
    expect(creates).toHaveLength(1);
    const shown = JSON.parse((await h.mull(['show', '--json', other.id])).stdout) as {
      status: string;
    };
    expect(shown.status).toBe('pending');
  });
});

describe('an unreachable provider', { timeout: 60_000 }, () => {
  it('is named with its address in one sentence; the job stays stored, nothing is lost', async () => {
    const port = await closedPort();
    const baseUrl = `http://127.0.0.1:${port}/v1`;
    const env = { ...h.env, OPENAI_BASE_URL: baseUrl };
    const submitted = await h.mull(['submit', 'Nobody is there'], { env });
    expect(submitted.code).toBe(1);
    const id = printedId(submitted);
    const lines = submitted.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      `mull: Could not reach the provider 127.0.0.1:${port} at ${baseUrl} (ECONNREFUSED); job ${id.slice(0, 8)} is stored, and 'mull run' sends it.`,
    ]);
    const list = await h.mull(['list']);
    expect(list.stdout).toMatch(new RegExp(`${id.slice(0, 8)}\\s+pending`));
  });
});

describe('providers by name', { timeout: 60_000 }, () => {
  it('shows a --base-url server by its host, and takes that name as --provider', async () => {
    const id = printedId(await h.mull(['submit', 'Named']));
    const host = new URL(h.emulator.baseURL).host;
    const providers = await h.mull(['providers', '--json']);
    expect(providers.code).toBe(0);
    const list = (JSON.parse(providers.stdout) as { providers: { id: string; name: string }[] })
      .providers;
    const mine = list.find((p) => p.name === host);
    expect(mine?.id).toMatch(/^url-[0-9a-f]{12}$/);
    const table = await h.mull(['providers']);
    expect(table.stdout).toMatch(/^ID\s+NAME\s+BASE URL\s+KEY\n/);
    expect(table.stdout).toContain(`${host}  ${h.emulator.baseURL.replace(/\/$/, '')}`);
    // OPENAI_API_KEY serves the server OPENAI_BASE_URL names: said as such, never the key.
    expect(table.stdout).toContain('set, ending in 0001 (OPENAI_API_KEY)');
    expect(table.stdout).not.toContain('sk-test-cli-key');
    const again = await h.mull(['submit', '--provider', host, 'By name'], {
      env: { ...h.env, OPENAI_BASE_URL: undefined, OPENAI_API_KEY: undefined },
    });
    // Found by its name (it needs a key then, having none of its own): not a usage error.
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/needs an API key/);
    expect(id).not.toBe(printedId(again));
  });
});
