// osKeychain() and keySourceFor() against a real keychain: a private gnome-keyring on its own D-Bus
// session bus, and a process with no session bus at all. Each runs in a child process (see
// test-support/run-probe.ts) so the keychain of the person running the tests is never touched.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { probeKeys, type Outcome } from './test-support/probe-protocol.js';
import { withKeyring, withoutKeychain } from './test-support/run-probe.js';

const uniqueService = (): string => `app.mull.test.${randomUUID()}`;

const resolved = (value: unknown): Outcome => ({ ok: true, value });

function expectNoKeyIn(outcome: Outcome | undefined): void {
  const text = JSON.stringify(outcome);
  for (const key of Object.values(probeKeys)) expect(text).not.toContain(key);
}

describe('osKeychain with gnome-keyring on a session bus', () => {
  it('stores, reads, overwrites and clears keys per provider', async () => {
    const result = await withKeyring('round-trip', uniqueService());

    expect(result).toEqual({
      statusBefore: resolved({ set: false }),
      getBefore: resolved(null),
      set: resolved(null),
      statusAfterSet: resolved({ set: true, last4: '1111', source: 'keychain' }),
      // Stored without the trailing newline it was pasted with.
      getAfterSet: resolved(probeKeys.first),
      setOther: resolved(null),
      overwrite: resolved(null),
      getAfterOverwrite: resolved(probeKeys.second),
      statusAfterOverwrite: resolved({ set: true, last4: '2222', source: 'keychain' }),
      // Another provider id is another account: untouched by the overwrite.
      getOther: resolved(probeKeys.other),
      sourceGet: resolved(probeKeys.second),
      sourceStatus: resolved({ set: true, last4: '2222', source: 'keychain' }),
      // OPENAI_API_KEY wins over the keychain, for the OpenAI provider only.
      environmentGet: resolved(probeKeys.environment),
      environmentStatus: resolved({ set: true, last4: '4444', source: 'environment' }),
      environmentGetOtherProvider: resolved(probeKeys.other),
      clear: resolved(null),
      getAfterClear: resolved(null),
      statusAfterClear: resolved({ set: false }),
      // Clearing what is not there is not an error.
      clearAgain: resolved(null),
      getOtherAfterClear: resolved(probeKeys.other),
      clearOther: resolved(null),
    });
  });
});

describe('osKeychain with no keychain reachable (no D-Bus session bus)', () => {
  it('rejects with KeychainUnavailableError; the key source passes it on, or reads the environment', async () => {
    const result = await withoutKeychain('no-keychain', uniqueService());

    for (const step of ['set', 'get', 'status', 'clear'] as const) {
      expect(result[step]).toMatchObject({
        ok: false,
        name: 'KeychainUnavailableError',
        isKeychainUnavailable: true,
      });
      expectNoKeyIn(result[step]);
    }
    const setMessage = result.set?.ok === false ? result.set.message : '';
    expect(setMessage).toMatch(/^Could not save the API key in the OS keychain: /u);
    // The reason from D-Bus is kept, and the message says what happened and what to do.
    expect(setMessage).toMatch(/D-?Bus/iu);
    expect(setMessage).toContain('The key was not stored anywhere else');
    expect(setMessage).toContain('Secret Service');
    expect(setMessage).toContain('OPENAI_API_KEY');

    // The key source passes the failure on (the job then waits as "needs key" with this reason);
    // its status reads "not set".
    expect(result.sourceGet).toMatchObject({
      ok: false,
      name: 'KeychainUnavailableError',
      isKeychainUnavailable: true,
    });
    expectNoKeyIn(result.sourceGet);
    expect(result.sourceStatus).toEqual(resolved({ set: false }));
    // Surrounding whitespace in the variable is ignored.
    expect(result.environmentGet).toEqual(resolved(probeKeys.environment));
    expect(result.environmentStatus).toEqual(
      resolved({ set: true, last4: '4444', source: 'environment' }),
    );
  });
});
