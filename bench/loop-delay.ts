// loop_delay_p99_ms and tx_per_job_second: 100 jobs streaming about 100 events per second each
// into one engine. The event loop's delay is sampled in the engine's process (the main process
// of the app: if it lags, the UI freezes); transactions are counted by the writer.
// streams_1000 runs the same with 1,000 jobs (about 10 events per second each, sent in one burst
// of creates): how long until the last of them streams, whether every text arrived exact, the
// loop's delay and the transactions per second; nothing is thrown for jobs that did not complete,
// they are counted (and the kernel's listen-queue overflow counters read before and after).
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { isSettled, type JobStatus } from '../shared/job.js';
import { deltasOfLength } from '../node/emulator/text-deltas.js';
import { benchProvider, freshDataDir, openManager, waitForAll } from './bench-support.js';
import type { EmulatorProcess } from './emulator-process.js';

/** How often the loop-delay histograms sample: often, so that short stalls are seen. */
export const sampleEveryMs = 1;

/**
 * The event loop's delay at a percentile (or its max), in ms. Node's histogram records the time
 * between two samples, the sampling interval itself included (an idle loop sampled every 5 ms
 * reads 5.1): the delay is what lies beyond the interval.
 */
export function loopDelayMs(histogram: IntervalHistogram, percentile: number | 'max'): number {
  const recorded = percentile === 'max' ? histogram.max : histogram.percentile(percentile);
  return Math.max(0, recorded / 1e6 - sampleEveryMs);
}

export interface LoopDelayOptions {
  jobs?: number;
  /** Deltas of each answer. */
  deltas?: number;
  /** Milliseconds between two deltas of one job. */
  intervalMs?: number;
  /** Throw when a job does not complete exactly (the 100-job figure); else count them. */
  requireAll?: boolean;
  /** Give up waiting for the jobs to settle after this long (then they are counted as such). */
  timeoutMs?: number;
}

export interface LoopDelayResult {
  jobs: number;
  eventsPerSecondPerJob: number;
  seconds: number;
  steadySeconds: number;
  /** While every job streams (NaN when the first ended before the last began). */
  loop_delay_p99_ms: number;
  loop_delay_max_ms: number;
  /** Including the burst of creates at the start. */
  loop_delay_whole_run_p99_ms: number;
  loop_delay_whole_run_max_ms: number;
  tx_per_job_second: number;
  tx_per_job_second_streaming: number;
  /** Transactions per second over the whole run, and while every job streams. */
  txPerSecond: number;
  txPerSecondStreaming: number;
  /** Commits synced to disk over the run: the marks that creates were sent, several per commit. */
  syncedCommits: number;
  /** Submit to each job's first committed text: the median and the last one. */
  firstTextP50Ms: number;
  lastFirstTextMs: number;
  /** Submit to each job's response id stored (its create answered): the median and the last. */
  createdP50Ms: number;
  lastCreatedMs: number;
  /** Jobs whose text never came. */
  neverStreamed: number;
  /** Jobs that completed with exactly the emulator's text, and no anomaly in their timeline. */
  exact: number;
  /** Jobs per final status (settled or not, at the end of the wait). */
  statuses: Partial<Record<JobStatus, number>>;
  /** Timeline entries of trouble over all jobs: disconnects, reconnects, server errors, anomalies. */
  trouble: Record<string, number>;
  /** The kernel's TcpExt ListenOverflows and ListenDrops over the run (machine-wide). */
  listenOverflows: number;
  listenDrops: number;
}

const unit = 'token ';

/** TcpExt counters from /proc/net/netstat (Linux; zeros elsewhere). */
function listenCounters(): { overflows: number; drops: number } {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
    const names = lines.find((line) => line.startsWith('TcpExt:'))?.split(/\s+/u) ?? [];
    const values = lines.filter((line) => line.startsWith('TcpExt:'))[1]?.split(/\s+/u) ?? [];
    const value = (name: string) => Number(values[names.indexOf(name)] ?? 0);
    return { overflows: value('ListenOverflows'), drops: value('ListenDrops') };
  } catch {
    return { overflows: 0, drops: 0 };
  }
}

export async function benchLoopDelay(
  emulator: EmulatorProcess,
  options: LoopDelayOptions = {},
): Promise<LoopDelayResult> {
  const jobs = options.jobs ?? 100;
  const deltas = options.deltas ?? 500;
  const intervalMs = options.intervalMs ?? 10; // about 100 events per second per job
  const requireAll = options.requireAll ?? true;
  // Distinct per count: 'loop-delay-100' is a part of 'loop-delay-1000'.
  const tag = `loop-delay-${jobs}-jobs`;
  await emulator.control.addScript({
    match: { promptIncludes: tag },
    times: null,
    script: { answer: unit, answerDeltas: deltas, timing: { deltaIntervalMs: intervalMs } },
  });
  const expected = deltasOfLength(unit, deltas).join('');
  const data = freshDataDir();
  const manager = openManager(data.dir, emulator.baseURL);
  try {
    // Two windows: the whole run (the creates sent in one burst, then streaming), and the steady
    // state the target is about: every job streaming, from the moment all of them have text until
    // the first one ends.
    const whole = monitorEventLoopDelay({ resolution: sampleEveryMs });
    const steady = monitorEventLoopDelay({ resolution: sampleEveryMs });
    const listenBefore = listenCounters();
    const { transactions: txBefore, syncedCommits: syncedBefore } = manager.stats();
    const firstText = new Map<string, number>();
    // Streaming for the steady window: ten events in (as before streams_1000 was added).
    const streaming = new Set<string>();
    let firstEnded: number | undefined;
    let steadyStarted: number | undefined;
    let txSteadyBefore = 0;
    let txSteady = 0;
    const started = performance.now();
    const startedAt = Date.now();
    whole.enable();
    const ids = new Set<string>();
    const stopWatching = manager.onChange(({ job }) => {
      if (!ids.has(job.id)) return;
      if (job.answer !== '' && !firstText.has(job.id))
        firstText.set(job.id, performance.now() - started);
      if (job.cursor >= 10 && !streaming.has(job.id)) {
        streaming.add(job.id);
        if (streaming.size === jobs && firstEnded === undefined) {
          steadyStarted = performance.now();
          txSteadyBefore = manager.stats().transactions;
          steady.enable();
        }
      }
      if (isSettled(job.status) && firstEnded === undefined) {
        firstEnded = performance.now();
        if (steadyStarted !== undefined) {
          steady.disable();
          txSteady = manager.stats().transactions - txSteadyBefore;
        }
      }
    });
    const submitted = manager.submit(
      Array.from({ length: jobs }, (_, i) => ({
        prompt: `${tag} ${i}`,
        model: 'gpt-4.1',
        providerId: benchProvider,
      })),
    );
    for (const job of submitted) ids.add(job.id);
    const timeoutMs = options.timeoutMs ?? 600_000;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      waitForAll(manager, [...ids], (j) => isSettled(j.status)),
      new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
    stopWatching();
    whole.disable();
    const seconds = (performance.now() - started) / 1000;
    const transactions = manager.stats().transactions - txBefore;
    const syncedCommits = manager.stats().syncedCommits - syncedBefore;
    const listenAfter = listenCounters();
    const finals = submitted.map((j) => manager.mustGet(j.id));
    const statuses: Partial<Record<JobStatus, number>> = {};
    const trouble: Record<string, number> = {};
    let exact = 0;
    const createdTimes: number[] = [];
    for (const job of finals) {
      statuses[job.status] = (statuses[job.status] ?? 0) + 1;
      const events = manager.events(job.id);
      const created = events.find((event) => event.kind === 'created');
      if (created) createdTimes.push(created.at - startedAt);
      for (const event of events) {
        if (
          ['disconnected', 'reconnected', 'stalled', 'polling', 'server_error', 'anomaly'].includes(
            event.kind,
          )
        )
          trouble[event.kind] = (trouble[event.kind] ?? 0) + 1;
      }
      const anomaly = events.some((event) => event.kind === 'anomaly');
      if (job.status === 'completed' && job.answer === expected && !anomaly) exact++;
    }
    if (requireAll && exact < jobs)
      throw new Error(`${jobs - exact} jobs did not complete exactly`);
    const steadySeconds =
      steadyStarted !== undefined && firstEnded !== undefined
        ? (firstEnded - steadyStarted) / 1000
        : 0;
    const firstTimes = [...firstText.values()].sort((a, b) => a - b);
    createdTimes.sort((a, b) => a - b);
    return {
      jobs,
      eventsPerSecondPerJob: 1000 / intervalMs,
      seconds,
      steadySeconds,
      loop_delay_p99_ms: steadySeconds > 0 ? loopDelayMs(steady, 99) : Number.NaN,
      loop_delay_max_ms: steadySeconds > 0 ? loopDelayMs(steady, 'max') : Number.NaN,
      loop_delay_whole_run_p99_ms: loopDelayMs(whole, 99),
      loop_delay_whole_run_max_ms: loopDelayMs(whole, 'max'),
      tx_per_job_second: transactions / (jobs * seconds),
      tx_per_job_second_streaming:
        steadySeconds > 0 ? txSteady / (jobs * steadySeconds) : Number.NaN,
      txPerSecond: transactions / seconds,
      txPerSecondStreaming: steadySeconds > 0 ? txSteady / steadySeconds : Number.NaN,
      syncedCommits,
      firstTextP50Ms: firstTimes[Math.floor(firstTimes.length / 2)] ?? Number.NaN,
      lastFirstTextMs: firstTimes.length === jobs ? (firstTimes.at(-1) ?? Number.NaN) : Number.NaN,
      createdP50Ms: createdTimes[Math.floor(createdTimes.length / 2)] ?? Number.NaN,
      lastCreatedMs:
        createdTimes.length === jobs ? (createdTimes.at(-1) ?? Number.NaN) : Number.NaN,
      neverStreamed: jobs - firstTimes.length,
      exact,
      statuses,
      trouble,
      listenOverflows: listenAfter.overflows - listenBefore.overflows,
      listenDrops: listenAfter.drops - listenBefore.drops,
    };
  } finally {
    await manager.close();
    data.remove();
  }
}
