// loop_delay_p99_ms and tx_per_job_second: 100 jobs streaming about 100 events per second each
// into one engine. The event loop's delay is sampled in the engine's process (the main process
// of the app: if it lags, the UI freezes); transactions are counted by the writer.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  benchProvider,
  freshDataDir,
  openManager,
  settledStatuses,
  waitForAll,
} from './bench-support.js';
import type { EmulatorProcess } from './emulator-process.js';

export interface LoopDelayResult {
  jobs: number;
  eventsPerSecondPerJob: number;
  seconds: number;
  loop_delay_p99_ms: number;
  loop_delay_max_ms: number;
  tx_per_job_second: number;
}

export async function benchLoopDelay(
  emulator: EmulatorProcess,
  jobs = 100,
  deltas = 500,
): Promise<LoopDelayResult> {
  const intervalMs = 10; // about 100 events per second per job
  await emulator.control.addScript({
    match: { promptIncludes: 'loop-delay' },
    times: null,
    script: { answer: 'token ', answerDeltas: deltas, timing: { deltaIntervalMs: intervalMs } },
  });
  const data = freshDataDir();
  const manager = openManager(data.dir, emulator.baseURL);
  try {
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    const txBefore = manager.stats().transactions;
    const started = performance.now();
    histogram.enable();
    const submitted = manager.submit(
      Array.from({ length: jobs }, (_, i) => ({
        prompt: `loop-delay ${i}`,
        model: 'gpt-4.1',
        providerId: benchProvider,
      })),
    );
    await waitForAll(
      manager,
      submitted.map((j) => j.id),
      (j) => settledStatuses.has(j.status),
    );
    histogram.disable();
    const seconds = (performance.now() - started) / 1000;
    const transactions = manager.stats().transactions - txBefore;
    const failed = submitted.map((j) => manager.get(j.id)).filter((j) => j?.status !== 'completed');
    if (failed.length > 0) throw new Error(`${failed.length} jobs did not complete`);
    return {
      jobs,
      eventsPerSecondPerJob: 1000 / intervalMs,
      seconds,
      loop_delay_p99_ms: histogram.percentile(99) / 1e6,
      loop_delay_max_ms: histogram.max / 1e6,
      tx_per_job_second: transactions / (jobs * seconds),
    };
  } finally {
    await manager.close();
    data.remove();
  }
}
