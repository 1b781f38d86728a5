// Child-process fixture for keychain-kill.test.ts, run on a private D-Bus session bus
// (private-bus.ts) with its own gnome-keyring (keyring-daemon.ts). Prints one JSON line.
//
//   node --import tsx keychain-outage.ts kill <service>
//     ~300 jobs on the real emulator, their keys read from the real keychain through
//     keychainService(); gnome-keyring is SIGKILLed in the middle, then started again.
//   node --import tsx keychain-outage.ts status-flood <service>
//     600 status reads at once through keychainService(), twice; the daemon must still be there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/index.js';
import type { Job } from '../../../../shared/job.js';
import type { ProviderConfig } from '../../../../shared/provider.js';
import { JobManager } from '../../engine/index.js';
import { fastEngine } from '../../engine/test-support/engine-harness.js';
import { providerIdOfAccount } from '../key-account.js';
import { keySourceFor, type KeySourceWithStatus } from '../key-source.js';
import type { KeyStore } from '../key-store.js';
import { keychainService, type KeychainService } from '../keychain-service.js';
import { osKeychain } from '../os-keychain.js';
import { storeProviderKey } from '../provider-keys.js';
import { killKeyring, secretServicePid, startKeyring } from './keyring-daemon.js';

/** A key store that counts the calls reaching the keychain library, and how many ran at once. */
interface Counted extends KeyStore {
  readonly calls: { total: number; running: number; mostAtOnce: number };
}

function counted(store: KeyStore, afterGet?: (account: string, key: string | undefined) => void) {
  const calls = { total: 0, running: 0, mostAtOnce: 0 };
  const track = async <T>(run: () => Promise<T>): Promise<T> => {
    calls.total++;
    calls.running++;
    calls.mostAtOnce = Math.max(calls.mostAtOnce, calls.running);
    try {
      return await run();
    } finally {
      calls.running--;
    }
  };
  const wrapped: Counted = {
    calls,
    get: (account) =>
      track(async () => {
        const key = await store.get(account);
        afterGet?.(account, key);
        return key;
      }),
    set: (account, key) => track(() => store.set(account, key)),
    clear: (account) => track(() => store.clear(account)),
    status: (account) => track(() => store.status(account)),
  };
  return wrapped;
}

const keyFor = (index: number) =>
  `sk-keychain-outage-${String(index).padStart(4, '0')}-000000000000`;

function providersOn(emulator: RunningEmulator, count: number): ProviderConfig[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `keyring-${index}`,
    kind: 'compatible' as const,
    label: `Keyring ${index}`,
    baseUrl: emulator.baseURL,
    authStyle: 'bearer' as const,
  }));
}

/** Resolves once every job in `ids` satisfies `done`; rejects after `ms` naming where they stand. */
function allOf(
  manager: JobManager,
  ids: string[],
  done: (job: Job) => boolean,
  ms: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = new Set(ids.filter((id) => !done(manager.get(id) as Job)));
    if (open.size === 0) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      stop();
      const stuck = [...open].map((id) => manager.get(id));
      const where = countBy(stuck.map((job) => job?.status ?? 'missing'));
      const why = stuck.find((job) => job?.error)?.error?.message ?? '';
      reject(
        new Error(
          `${open.size} jobs did not get there in ${ms} ms: ${JSON.stringify(where)} (${why})`,
        ),
      );
    }, ms);
    const stop = manager.onChange(({ job }) => {
      if (open.has(job.id) && done(job)) open.delete(job.id);
      if (open.size === 0) {
        clearTimeout(timer);
        stop();
        resolve();
      }
    });
  });
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

async function killScenario(service: string): Promise<unknown> {
  const providerCount = 12;
  const firstWave = 20; // jobs per provider, sent at once
  const outageWave = 5; // jobs per provider, sent while the daemon is dead
  const readBeforeKill = 5; // keys read from the keychain when it is killed

  let daemon = await startKeyring();
  const emulator = await startEmulator({
    config: { defaultScript: { answerDeltas: 8, timing: { thinkMs: 150, deltaIntervalMs: 10 } } },
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'mull-keychain-outage-'));
  const raw = osKeychain(service);
  const violations: string[] = [];
  let killedAt: number | undefined;
  const accountsRead = new Set<string>();
  // Killed from inside the library's answer to the 5th key: reads of the other 7 are queued then.
  const library = counted(raw, (account, key) => {
    if (key === undefined || killedAt !== undefined) return;
    accountsRead.add(account);
    if (accountsRead.size === readBeforeKill) {
      killKeyring(daemon);
      killedAt = Date.now();
    }
  });
  const keychain: KeychainService = keychainService(library, {
    probeMs: 100,
    probeMaxMs: 400,
    refreshMs: 0,
    // Generous: on a loaded machine a call may be slow; what fails here fails at once.
    timeoutMs: 15_000,
  });
  const keys: KeySourceWithStatus = keySourceFor({}, keychain);
  // A stall is only a silent stream here, never a slow machine: a create that stalled after it was
  // sent would be "unknown" (never sent again), which is not what this test is about.
  const engine = { ...fastEngine, stallMs: 20_000 };
  const manager = JobManager.open({ dataDir, keys, drive: true, engine });
  // As the composition roots wire it (backend.ts, cli/session.ts).
  keychain.onAvailableAgain((account) => manager.keyChanged(providerIdOfAccount(account)));
  const started = Date.now();
  try {
    const providers = providersOn(emulator, providerCount);
    for (const [index, provider] of providers.entries()) {
      manager.settings.saveProvider(provider);
      await storeProviderKey(raw, provider, keyFor(index)); // stored earlier, as by the app
    }
    const libraryCallsBefore = library.calls.total;

    const wave = (perProvider: number, tag: string) =>
      manager.submit(
        providers.flatMap((provider) =>
          Array.from({ length: perProvider }, (_, n) => ({
            prompt: `${tag} job ${n} of ${provider.id}`,
            model: 'gpt-5',
            providerId: provider.id,
          })),
        ),
      );
    const first = wave(firstWave, 'first');
    await manager.idle();
    if (killedAt === undefined) violations.push('the daemon was never killed');
    if ((await secretServicePid()) !== undefined) violations.push('the daemon is still there');

    // keys:status during the outage: every provider answers (the key in memory, or "not set").
    const statusStarted = Date.now();
    const statuses = await Promise.all(providers.map((provider) => keys.status(provider)));
    const statusMs = Date.now() - statusStarted;

    const outage = wave(outageWave, 'outage');
    await manager.idle();
    const all = [...first, ...outage];

    const creates = emulator.state.log.list({ kind: 'create' });
    const createsOf = (id: string) =>
      creates.filter(
        (r) => (r.body as { metadata?: { mull_job_id?: string } }).metadata?.mull_job_id === id,
      ).length;
    const atOutage = all.map((job) => manager.get(job.id) as Job);
    const waiting = atOutage.filter((job) => job.status === 'needs_key');
    const reason = waiting[0]?.error?.message ?? '';
    for (const job of atOutage) {
      if (job.status === 'completed') {
        if (createsOf(job.id) !== 1)
          violations.push(`${job.id} completed with ${createsOf(job.id)} creates`);
      } else if (job.status === 'needs_key') {
        if (createsOf(job.id) !== 0) violations.push(`${job.id} waits for a key but was sent`);
        if (job.error?.message !== reason) violations.push(`${job.id} waits with another reason`);
      } else {
        violations.push(`${job.id} is ${job.status} during the outage`);
      }
    }
    const readProviders = new Set(
      providers.filter((_, index) => statuses[index]?.set === true).map((p) => p.id),
    );
    for (const job of atOutage) {
      const hadKey = readProviders.has(job.providerId);
      if (hadKey !== (job.status === 'completed'))
        violations.push(
          `${job.id} is ${job.status} though its key was ${hadKey ? '' : 'not '}read`,
        );
    }

    // The daemon comes back: the jobs waiting for a key go on by themselves.
    const restartedAt = Date.now();
    daemon = await startKeyring();
    await allOf(
      manager,
      all.map((job) => job.id),
      (job) => job.status === 'completed',
      30_000,
    ).catch((error: unknown) => violations.push(String(error)));
    const recoveredMs = Date.now() - restartedAt;
    const finalCreates = emulator.state.log.list({ kind: 'create' });
    const perJob = countBy(
      finalCreates.map(
        (r) => (r.body as { metadata?: { mull_job_id?: string } }).metadata?.mull_job_id ?? '?',
      ),
    );
    const createCounts = all.map((job) => perJob[job.id] ?? 0);
    for (const [index, count] of createCounts.entries()) {
      if (count !== 1) violations.push(`${all[index]?.id ?? '?'} was created ${count} times`);
    }

    return {
      jobs: all.length,
      providers: providerCount,
      readBeforeKill,
      atOutage: countBy(atOutage.map((job) => job.status)),
      sentDuringOutage: atOutage.filter(
        (job) => job.status === 'completed' && outage.some((o) => o.id === job.id),
      ).length,
      reason,
      statusesSet: statuses.filter((s) => s.set).length,
      statusesAnswered: statuses.length,
      statusMs,
      completedAfterRestart: all.filter((job) => manager.get(job.id)?.status === 'completed')
        .length,
      createsMin: Math.min(...createCounts),
      createsMax: Math.max(...createCounts),
      recoveredMs,
      libraryCalls: library.calls.total - libraryCallsBefore,
      libraryMostAtOnce: library.calls.mostAtOnce,
      totalMs: Date.now() - started,
      violations,
    };
  } finally {
    keychain.close();
    await manager.close();
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function statusFlood(service: string): Promise<unknown> {
  const pid = await startKeyring();
  const raw = osKeychain(service);
  const library = counted(raw);
  const targets = Array.from({ length: 30 }, (_, index) => ({
    id: `flood-${index}`,
    baseUrl: 'https://flood.example',
  }));
  // Keys for two thirds of them; stored straight into the keychain, as by an earlier run.
  for (const [index, target] of targets.entries()) {
    if (index % 3 !== 2) await storeProviderKey(raw, target, keyFor(index));
  }
  // refreshMs 0: every status read also asks the keychain again in the background.
  const keychain = keychainService(library, { refreshMs: 0 });
  const keys = keySourceFor({}, keychain);
  const rounds: { set: number; notSet: number; ms: number }[] = [];
  for (let round = 0; round < 2; round++) {
    const startedAt = Date.now();
    // 600 at once: each of the 30 targets 20 times.
    const requests = Array.from({ length: 600 / targets.length }, () => targets).flat();
    const statuses = await Promise.all(requests.map((target) => keys.status(target)));
    rounds.push({
      set: statuses.filter((s) => s.set).length,
      notSet: statuses.filter((s) => !s.set).length,
      ms: Date.now() - startedAt,
    });
  }
  // One more call queued behind the background reads: when it answers, they are done.
  await keychain.get('flood-check');
  keychain.close();
  let alive = true;
  try {
    process.kill(pid, 0);
  } catch {
    alive = false;
  }
  return {
    rounds,
    libraryCalls: library.calls.total,
    libraryMostAtOnce: library.calls.mostAtOnce,
    daemonAlive: alive && (await secretServicePid()) === pid,
  };
}

const [mode, service] = process.argv.slice(2);
if (service === undefined || (mode !== 'kill' && mode !== 'status-flood')) {
  console.error('usage: keychain-outage.ts <kill|status-flood> <service>');
  process.exit(2);
}
const result = mode === 'kill' ? await killScenario(service) : await statusFlood(service);
console.log(JSON.stringify(result));
// The keychain library's D-Bus connections would keep the process alive.
process.exit(0);
