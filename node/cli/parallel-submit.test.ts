// Many `mull submit`s at once with no driver running: one of them holds the driver lock and the
// others store their jobs for it; that holder is itself about to exit, so either it sends them
// before letting go or they take the lock in turn. Every job must reach the server exactly once,
// and none may be left pending. MULL_PARALLEL_SUBMITS=300 runs the heavy version.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobManager } from '../core/engine/index.js';
import { keySourceFor } from '../core/secrets/index.js';
import { memoryKeyStore } from '../core/secrets/memory-key-store.js';
import { startCliHarness, type CliHarness } from './test-support/cli-harness.js';

const count = Number(process.env.MULL_PARALLEL_SUBMITS ?? 10);
// Each `mull` process takes about 130 MB: 300 at once would not fit in this machine's memory, so
// at most this many run at the same time (a new one starts as soon as one ends).
const atOnce = Math.min(count, Number(process.env.MULL_PARALLEL_AT_ONCE ?? 60));

/** Runs `run(i)` for i < total with at most `limit` running at once; results in order. */
async function pooled<T>(total: number, limit: number, run: (i: number) => Promise<T>) {
  const results: T[] = [];
  let next = 0;
  const lane = async () => {
    while (next < total) {
      const i = next++;
      results[i] = await run(i);
    }
  };
  await Promise.all(Array.from({ length: limit }, lane));
  return results;
}

let h: CliHarness;
beforeEach(async () => {
  h = await startCliHarness();
});
afterEach(() => h.close());

describe(`${count} parallel mull submit with no driver running`, { timeout: 600_000 }, () => {
  it('every job is sent, exactly once; none is left pending', async () => {
    await h.emulator.control.addScript({ times: null, script: { answerDeltas: 5 } });
    const started = Date.now();
    const runs = await pooled(count, atOnce, (i) => h.mull(['submit', `Parallel job ${i}`]));
    const seconds = (Date.now() - started) / 1000;
    // Every submit succeeded; a failing one shows what it said.
    expect(runs.filter((run) => run.code !== 0).map((run) => run.stderr)).toEqual([]);

    const reader = JobManager.open({
      dataDir: h.dataDir,
      keys: keySourceFor({}, memoryKeyStore()),
      drive: false,
    });
    try {
      const jobs = reader.list({ limit: 500 }).jobs;
      expect(jobs).toHaveLength(count);
      expect(jobs.filter((job) => job.status === 'pending' || job.status === 'submitting')).toEqual(
        [],
      );
      expect(jobs.every((job) => job.responseId !== null)).toBe(true);
      const creates = await h.emulator.control.requests({ kind: 'create' });
      const perJob = new Map<string, number>();
      for (const create of creates) {
        const id = (create.body as { metadata?: { mull_job_id?: string } }).metadata?.mull_job_id;
        if (id !== undefined) perJob.set(id, (perJob.get(id) ?? 0) + 1);
      }
      expect(creates).toHaveLength(count);
      expect([...perJob.values()].every((n) => n === 1)).toBe(true);
      expect(new Set(jobs.map((job) => job.id))).toEqual(new Set(perJob.keys()));
      console.log(
        `parallel submits: ${count} processes (${atOnce} at once) in ${seconds.toFixed(1)} s; ${creates.length} creates for ${jobs.length} jobs; 0 pending`,
      );
    } finally {
      await reader.close();
    }
  });
});
