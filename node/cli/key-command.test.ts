// `mull key set` / `mull key clear` / `mull providers` against a real gnome-keyring on a private
// session bus (test-support/keyring-bus.ts): a key read from stdin is stored bound to the
// provider's address, shown only by its last four characters, and used by `mull submit`; cleared,
// it is gone. No OPENAI_API_KEY anywhere: the keychain is the only source.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printedId, startCliHarness, type CliHarness } from './test-support/cli-harness.js';
import { startKeyringBus, type KeyringBus } from './test-support/keyring-bus.js';

const key = 'sk-proj-cli-keychain-test-000000000000Kc42';

let h: CliHarness;
let bus: KeyringBus;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  [h, bus] = await Promise.all([startCliHarness(), startKeyringBus()]);
  env = { ...h.env, ...bus.env, OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined };
});
afterEach(async () => {
  await Promise.all([h.close(), bus.close()]);
});

interface ShownProvider {
  id: string;
  name: string;
  baseUrl: string;
  key: { set: boolean; last4?: string; source?: string };
}

describe('mull key and mull providers', { timeout: 90_000 }, () => {
  it('key set from stdin, then providers shows it by its last four, submit uses it, key clear removes it', async () => {
    const base = h.emulator.baseURL;
    const host = new URL(base).host;
    const set = await h.mull(['key', 'set', '--base-url', base], { env, stdin: `${key}\n` });
    expect(set.stderr).toBe(
      `mull: the API key for ${host} (${new URL(base).origin}) is stored in the OS keychain, ending in Kc42.\n`,
    );
    expect(set.code).toBe(0);
    expect(set.stdout).toBe('');

    const table = await h.mull(['providers'], { env });
    expect(table.code).toBe(0);
    const row = table.stdout.split('\n').find((line) => line.includes(host)) ?? '';
    expect(row).toMatch(new RegExp(`^url-[0-9a-f]{12}\\s+${host}\\s+\\S+\\s+set, ending in Kc42$`));
    expect(table.stdout).toMatch(/^openai\s+OpenAI\s+https:\/\/api\.openai\.com\/v1\s+not set$/m);
    const json = JSON.parse((await h.mull(['providers', '--json'], { env })).stdout) as {
      providers: ShownProvider[];
    };
    const mine = json.providers.find((p) => p.name === host);
    expect(mine?.key).toEqual({ set: true, last4: 'Kc42', source: 'keychain' });

    // The key is used: the create reaches the server with it (by name: the provider's host).
    const submitted = await h.mull(['submit', '--provider', host, 'With the stored key'], { env });
    expect(submitted.code).toBe(0);
    printedId(submitted);
    const creates = await h.emulator.control.requests({ kind: 'create' });
    expect(creates.map((r) => r.keyLast4)).toEqual(['Kc42']);

    const clear = await h.mull(['key', 'clear', '--provider', mine?.id ?? ''], { env });
    expect(clear.code).toBe(0);
    expect(clear.stderr).toBe(`mull: the API key for ${host} is removed from the OS keychain.\n`);
    const after = await h.mull(['providers'], { env });
    expect(after.stdout.split('\n').find((line) => line.includes(host))).toMatch(/not set$/);
    const again = await h.mull(['key', 'clear', '--base-url', base], { env });
    expect(again.stderr).toBe(`mull: ${host} had no API key in the OS keychain.\n`);

    // Without it, a submit waits for a key and sends nothing.
    const keyless = await h.mull(['submit', '--base-url', base, 'No key now'], { env });
    expect(keyless.code).toBe(1);
    expect(keyless.stderr).toMatch(/needs an API key/);
    expect(await h.emulator.control.requests({ kind: 'create' })).toHaveLength(1);

    // The key was never printed by any of them.
    for (const output of [set, table, submitted, clear, after, again, keyless]) {
      expect(output.stdout + output.stderr).not.toContain(key.slice(0, 20));
    }
  });

  it('refuses an empty stdin and a key given as an argument, storing nothing', async () => {
    const empty = await h.mull(['key', 'set', '--provider', 'openai'], { env, stdin: '' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^mull: No key on stdin: pipe it in/);
    const inArgv = await h.mull(['key', 'set', '--provider', 'openai', key], { env });
    expect(inArgv.code).toBe(2);
    expect(inArgv.stderr).not.toContain(key);
    expect(inArgv.stderr).toMatch(/never from the arguments/);
    const bad = await h.mull(['key', 'set', '--provider', 'openai'], { env, stdin: 'two keys' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/spaces or line breaks/);
    const table = await h.mull(['providers'], { env });
    expect(table.stdout).toMatch(/^openai\s+OpenAI\s+\S+\s+not set$/m);
  });
});
