// loop_delay_p99_ms and tx_per_job_second: 100 jobs streaming about 100 events per second each
// into one engine. The event loop's delay is sampled in the engine's process (the main process
// of the app: if it lags, the UI freezes); transactions are counted by the writer.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isSettled } from '../shared/job.js';
import { benchProvider, freshDataDir, openManager, waitForAll } from './bench-support.js';
import type { EmulatorProcess } from './emulator-process.js';

export interface LoopDelayResult {
  jobs: number;
  eventsPerSecondPerJob: number;
  seconds: number;
  steadySeconds: number;
  /** While every job streams. */
  loop_delay_p99_ms: number;
  loop_delay_max_ms: number;
  /** Including the burst of 100 creates at the start. */
  loop_delay_whole_run_p99_ms: number;
  loop_delay_whole_run_max_ms: number;
  tx_per_job_second: number;
  tx_per_job_second_streaming: number;
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
    // Two windows: the whole run (100 creates sent in one burst, then streaming), and the steady
    // state the target is about: every job streaming, from the moment all of them have text until
    // the first one ends.
    const whole = monitorEventLoopDelay({ resolution: 5 });
    const steady = monitorEventLoopDelay({ resolution: 5 });
    const txBefore = manager.stats().transactions;
    const started = performance.now();
    whole.enable();
    const submitted = manager.submit(
      Array.from({ length: jobs }, (_, i) => ({
        prompt: `loop-delay ${i}`,
        model: 'gpt-4.1',
        providerId: benchProvider,
      })),
    );
    const ids = submitted.map((j) => j.id);
    await waitForAll(manager, ids, (j) => j.cursor >= 10);
    steady.enable();
    const steadyStarted = performance.now();
    const txSteadyBefore = manager.stats().transactions;
    await new Promise<void>((resolve) => {
      const stop = manager.onChange(({ job }) => {
        if (isSettled(job.status)) {
          stop();
          resolve();
        }
      });
    });
    steady.disable();
    const steadySeconds = (performance.now() - steadyStarted) / 1000;
    const txSteady = manager.stats().transactions - txSteadyBefore;
    await waitForAll(manager, ids, (j) => isSettled(j.status));
    whole.disable();
    const seconds = (performance.now() - started) / 1000;
    const transactions = manager.stats().transactions - txBefore;
    const failed = submitted.map((j) => manager.get(j.id)).filter((j) => j?.status !== 'completed');
    if (failed.length > 0) throw new Error(`${failed.length} jobs did not complete`);
    return {
      jobs,
      eventsPerSecondPerJob: 1000 / intervalMs,
      seconds,
      steadySeconds,
      loop_delay_p99_ms: steady.percentile(99) / 1e6,
      loop_delay_max_ms: steady.max / 1e6,
      loop_delay_whole_run_p99_ms: whole.percentile(99) / 1e6,
      loop_delay_whole_run_max_ms: whole.max / 1e6,
      tx_per_job_second: transactions / (jobs * seconds),
      tx_per_job_second_streaming: txSteady / (jobs * steadySeconds),
    };
  } finally {
    await manager.close();
    data.remove();
  }
}
