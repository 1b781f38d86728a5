// Shared bits of the benchmarks: a throwaway data directory with a manager pointed at the emulator.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobManager } from '../node/core/engine/job-manager.js';
import type { JobSummary } from '../shared/job-summary.js';
import type { HostBackend } from '../node/backend/backend.js';
import type { Job } from '../shared/job.js';

export const benchProvider = 'bench-emulator';
export const benchKey = 'sk-bench-0000';

/** Data directories not removed yet: removed when the process exits, even after a failure. */
const leftDirs = new Set<string>();
process.once('exit', () => {
  for (const dir of leftDirs) rmSync(dir, { recursive: true, force: true });
});
// Ctrl+C or a kill in the middle (a 100,000-job dataset is gigabytes): exit, so the above runs.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

export function freshDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'mull-bench-'));
  leftDirs.add(dir);
  return {
    dir,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
      leftDirs.delete(dir);
    },
  };
}

export function openManager(dataDir: string, baseURL: string): JobManager {
  const manager = JobManager.open({
    dataDir,
    drive: true,
    keys: { get: () => Promise.resolve(benchKey) },
  });
  manager.settings.saveProvider({
    id: benchProvider,
    kind: 'compatible',
    label: 'Bench',
    baseUrl: baseURL,
    authStyle: 'bearer',
  });
  return manager;
}

/** Resolves when `check(job)` holds for every id (checked on each change event). */
export function waitForAll(
  manager: JobManager,
  ids: string[],
  check: (job: Job) => boolean,
): Promise<void> {
  const waiting = new Set(ids.filter((id) => !check(manager.get(id) as Job)));
  if (waiting.size === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = manager.onChange(({ job }) => {
      if (waiting.has(job.id) && check(job)) {
        waiting.delete(job.id);
        if (waiting.size === 0) {
          stop();
          resolve();
        }
      }
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** A request to a backend (in a worker or not) whose answer must be ok. */
export async function dispatched<T>(
  backend: Pick<HostBackend, 'dispatch'>,
  channel: string,
  payload: unknown,
): Promise<T> {
  const settled = await backend.dispatch(channel, payload);
  if (!settled.ok) throw new Error(`${channel} failed: ${settled.error.message}`);
  return settled.value as T;
}

/** Resolves when `check(summary)` holds for every id, as the backend's jobs:changed events tell. */
export async function eventsShowAll(
  backend: HostBackend,
  ids: string[],
  check: (job: JobSummary) => boolean,
): Promise<void> {
  const waiting = new Set(ids);
  let done: () => void = () => {};
  const allDone = new Promise<void>((resolve) => (done = resolve));
  const stop = backend.onEvent((event, payload) => {
    if (event !== 'jobs:changed') return;
    const { job } = payload as { job: JobSummary };
    if (waiting.has(job.id) && check(job)) waiting.delete(job.id);
    if (waiting.size === 0) done();
  });
  // What was true before anyone listened, from the board's own list (the newest 500: the jobs a
  // benchmark waits for are the ones it just submitted).
  const page = await dispatched<{ jobs: JobSummary[] }>(backend, 'jobs:list', { limit: 500 });
  for (const job of page.jobs) if (waiting.has(job.id) && check(job)) waiting.delete(job.id);
  if (waiting.size === 0) done();
  await allDone;
  stop();
}
