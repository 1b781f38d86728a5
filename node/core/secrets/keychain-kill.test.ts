// The keychain as a service that can fail, against the real gnome-keyring: a load of jobs whose keys
// come from the keychain through keychainService() while the daemon is SIGKILLed (as it was seen to
// die under load), and 600 status reads at once. Each runs in a child process on a private D-Bus
// session bus (test-support/private-bus.ts) so the keychain of the person running the tests is
// never touched.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runOnPrivateBus } from './test-support/private-bus.js';

const script = fileURLToPath(new URL('./test-support/keychain-outage.ts', import.meta.url));
const uniqueService = (): string => `app.mull.test.${randomUUID()}`;

interface KillOutcome {
  jobs: number;
  providers: number;
  readBeforeKill: number;
  atOutage: Record<string, number>;
  sentDuringOutage: number;
  reason: string;
  statusesSet: number;
  statusesAnswered: number;
  statusMs: number;
  completedAfterRestart: number;
  createsMin: number;
  createsMax: number;
  recoveredMs: number;
  libraryCalls: number;
  libraryMostAtOnce: number;
  totalMs: number;
  violations: string[];
}

interface FloodOutcome {
  rounds: { set: number; notSet: number; ms: number }[];
  libraryCalls: number;
  libraryMostAtOnce: number;
  daemonAlive: boolean;
}

describe('keychainService with gnome-keyring killed under load', () => {
  it('pauses jobs as "needs key" with the keychain\'s reason, never "submitting", and resumes them when it is back', async () => {
    const outcome = (await runOnPrivateBus(
      script,
      ['kill', uniqueService()],
      90_000,
    )) as KillOutcome;

    const waiting = outcome.atOutage.needs_key ?? 0;
    const done = outcome.atOutage.completed ?? 0;
    // The one line the lead quotes.
    console.log(
      `keychain kill: ${outcome.jobs} jobs on ${outcome.providers} providers, gnome-keyring SIGKILLed after ` +
        `${outcome.readBeforeKill} keys were read: ${done} created once and completed ` +
        `(${outcome.sentDuringOutage} of them sent during the outage with the key held in memory), ` +
        `${waiting} waiting as needs_key with the keychain's reason and never sent, ` +
        `${outcome.atOutage.submitting ?? 0} submitting, ${outcome.atOutage.pending ?? 0} pending; ` +
        `keys:status answered ${outcome.statusesAnswered}/${outcome.providers} in ${outcome.statusMs} ms during the outage; ` +
        `daemon restarted: ${outcome.completedAfterRestart}/${outcome.jobs} completed ${outcome.recoveredMs} ms later, ` +
        `creates per job ${outcome.createsMin}..${outcome.createsMax}; ` +
        `${outcome.libraryCalls} keychain calls, at most ${outcome.libraryMostAtOnce} at once; ${outcome.totalMs} ms`,
    );

    expect(outcome.violations).toEqual([]);
    expect(outcome.jobs).toBe(300);
    // Every job either went out once (its key was read before the kill) or waits for its key.
    expect(outcome.atOutage).toEqual({ completed: 125, needs_key: 175 });
    expect(outcome.sentDuringOutage).toBe(25);
    expect(outcome.reason).toMatch(
      /^Could not read the API key from the OS keychain: .*DBus error/u,
    );
    expect(outcome.reason).toContain(
      'Paused jobs go on by themselves once the key can be read again.',
    );
    expect(outcome.reason).not.toContain('No API key is set');
    expect(outcome.statusesAnswered).toBe(outcome.providers);
    expect(outcome.statusesSet).toBe(outcome.readBeforeKill);
    expect(outcome.completedAfterRestart).toBe(300);
    expect([outcome.createsMin, outcome.createsMax]).toEqual([1, 1]);
    expect(outcome.libraryMostAtOnce).toBe(1);
  }, 100_000);

  it('answers 600 status reads at once without bringing the daemon down', async () => {
    const outcome = (await runOnPrivateBus(
      script,
      ['status-flood', uniqueService()],
      60_000,
    )) as FloodOutcome;

    console.log(
      `keychain status flood: 2 x 600 status reads at once on 30 providers answered in ` +
        `${outcome.rounds.map((r) => `${r.ms} ms`).join(' and ')} with ${outcome.libraryCalls} keychain calls, ` +
        `at most ${outcome.libraryMostAtOnce} at once; daemon ${outcome.daemonAlive ? 'still up' : 'gone'}`,
    );

    expect(outcome.rounds.map(({ set, notSet }) => ({ set, notSet }))).toEqual([
      { set: 400, notSet: 200 },
      { set: 400, notSet: 200 },
    ]);
    expect(outcome.daemonAlive).toBe(true);
    expect(outcome.libraryMostAtOnce).toBe(1);
    // 30 providers, 10 without a key (their bound account, then the old unbound one): reads are
    // shared, not one per status request.
    expect(outcome.libraryCalls).toBeLessThan(200);
  }, 70_000);
});
