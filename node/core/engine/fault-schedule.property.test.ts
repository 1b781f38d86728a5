// Randomized fault schedules (fast-check, seeded): for every job, faults at random moments of its
// create stream, of its resumes and of its polls (resets before and after the response headers,
// mid-frame closes, clean ends, numbered error frames, stalls past the stall threshold, 429 with
// Retry-After and 5xx, re-streaming refused by age), refused creates, and SIGKILLs of the driving
// process (`mull run` in a child, restarted until every job is at rest). The rules it guards:
// - exactly one create per job that may have started a job on the server (a create answered with
//   an HTTP error status started nothing);
// - every job completes byte-identical to the server (status, answer, usage, cost), or is
//   `unknown` only when a fault was scheduled inside its create window or a SIGKILL landed between
//   its create request leaving and its response id being stored;
// - the database passes SQLite's integrity check.
// Seed: MULL_FAULT_SEED (printed); number of jobs: MULL_FAULT_SCHEDULES (default 240);
// MULL_FAULT_VERBOSE=1 shows the drivers' output and every kill.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, it } from 'vitest';
import { startEmulator, type LoggedRequest, type RunningEmulator } from '../../emulator/index.js';
import type { Job } from '../../../shared/job.js';
import { atRest, openReaderOnEmulator } from './test-support/engine-harness.js';
import { checkIntegrity } from '../store/index.js';
import type { JobManager } from './job-manager.js';
import {
  EmulatorHooks,
  batchSchedule,
  childEngine,
  describeKill,
  describeSchedule,
  emulatorSpeed,
  jobIdOf,
  jobSchedule,
  scriptOf,
  type BatchSchedule,
  type JobSchedule,
  type KillMoment,
} from './test-support/fault-schedule.js';
import { expectJobMatchesServer } from './test-support/server-truth.js';

const cli = fileURLToPath(new URL('../../../bin/mull.mjs', import.meta.url));
const seed = Number(process.env.MULL_FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
const total = Number(process.env.MULL_FAULT_SCHEDULES ?? 240);
const verbose = process.env.MULL_FAULT_VERBOSE === '1';
const replay = `replay with MULL_FAULT_SEED=${seed}`;
const batchSize = 40;
/** One driver run never takes this long (the slowest schedule settles in a few seconds). */
const runDeadlineMs = 120_000;
const key = 'sk-fault-schedule-key-4242';

let emulator: RunningEmulator;
let dataDir: string;
let reader: JobManager;
let readerOpen = false;
let hooks: EmulatorHooks;
let running: ChildProcess | undefined;
const schedules = new Map<string, JobSchedule>();

beforeAll(async () => {
  console.log(`fault schedules seed ${seed} (${replay}), ${total} jobs`);
  emulator = await startEmulator({ config: { speed: emulatorSpeed } });
  hooks = new EmulatorHooks(emulator, schedules);
  dataDir = mkdtempSync(join(tmpdir(), 'mull-faults-'));
  reader = openReaderOnEmulator(dataDir, emulator, key);
  readerOpen = true;
});
afterAll(async () => {
  running?.kill('SIGKILL');
  if (readerOpen) await reader.close();
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Driver {
  child: ChildProcess;
  /** Resolves once the driver says it is driving (the engine is up). */
  driving: Promise<void>;
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

function startDriver(): Driver {
  const child = spawn(process.execPath, [cli, 'run', '--data-dir', dataDir], {
    env: {
      ...process.env,
      OPENAI_API_KEY: key,
      OPENAI_BASE_URL: emulator.baseURL,
      MULL_DATA_DIR: dataDir,
      MULL_ENGINE_OPTIONS: JSON.stringify(childEngine),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  running = child;
  let seen = '';
  // 'close', not 'exit': every byte of stderr has been read by then.
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const driving = new Promise<void>((resolve, reject) => {
    // Keeps reading after the line too: a full stderr pipe would block the driver.
    child.stderr.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (verbose) process.stdout.write(chunk);
      if (seen.includes('mull: driving')) resolve();
    });
    void closed.then(() => reject(new Error(`the driver exited before driving: ${seen}`)));
  });
  return { child, driving, closed, output: () => seen };
}

/** SIGKILLs the driver at `moment`, unless it finishes first. */
function killAt(driver: Driver, moment: KillMoment): void {
  let count = 0;
  let timer: NodeJS.Timeout | undefined;
  let unlisten: (() => void) | undefined;
  const stop = () => {
    clearTimeout(timer);
    unlisten?.();
  };
  const kill = () => {
    stop();
    driver.child.kill('SIGKILL');
  };
  if (moment.after === 'delay') {
    timer = setTimeout(kill, moment.ms);
  } else {
    // Synchronously, as the server receives the request (before it answers).
    unlisten = hooks.onRequest((entry) => {
      const counted =
        moment.after === 'create'
          ? entry.kind === 'create'
          : entry.kind === 'stream' || entry.kind === 'poll';
      if (counted && ++count === moment.n) kill();
    });
  }
  void driver.closed.then(stop);
}

/** `promise`, or a failure naming the seed (and SIGKILLing the driver) past the deadline. */
async function within<T>(driver: Driver, promise: Promise<T>, jobs: Job[]): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), runDeadlineMs);
  });
  const result = await Promise.race([promise, late]);
  clearTimeout(timer);
  if (result !== 'late') return result;
  driver.child.kill('SIGKILL');
  await driver.closed;
  const stuck = jobs
    .map((job) => reader.get(job.id))
    .filter((job): job is Job => job !== undefined && !atRest(job))
    .map((job) => `${job.id} ${job.status} (${describeSchedule(scheduleOf(job.id))})`);
  throw new Error(
    `a driver ran for ${runDeadlineMs / 1000} s without settling ${stuck.length} job(s) (${replay}):\n${stuck.join('\n')}\n${driver.output().slice(-3000)}`,
  );
}

function scheduleOf(id: string): JobSchedule {
  const schedule = schedules.get(id);
  if (!schedule) throw new Error(`no schedule for job ${id}`);
  return schedule;
}

interface Tally {
  kills: number;
  /** Jobs found between their create request leaving and their id being stored after a kill. */
  killedInWindow: Set<string>;
  phases: Record<'create' | 'streaming' | 'polling', number>;
  lastExit: Array<{ code: number | null; output: string }>;
}

/** Where the batch's jobs stood when the driver died. */
function afterKill(jobs: Job[], tally: Tally): void {
  const phases = new Set<keyof Tally['phases']>();
  for (const { id } of jobs) {
    const job = reader.get(id);
    if (!job) continue;
    if (job.status === 'submitting' && job.submittedAt !== null && job.responseId === null)
      tally.killedInWindow.add(job.id);
    if (job.status === 'pending' || job.status === 'submitting') phases.add('create');
    if (job.status === 'queued' || job.status === 'in_progress' || job.status === 'reconnecting')
      phases.add('streaming');
    if (job.status === 'polling') phases.add('polling');
  }
  for (const phase of phases) tally.phases[phase]++;
}

async function runBatch(batch: BatchSchedule, jobs: Job[], tally: Tally): Promise<void> {
  for (const fault of batch.createFaults)
    await emulator.control.addFault({ ...fault, on: ['create'], count: 1 });
  const kills = [...batch.kills];
  for (;;) {
    const driver = startDriver();
    await within(driver, driver.driving, jobs);
    const moment = kills.shift();
    if (moment) killAt(driver, moment);
    const { code, signal } = await within(driver, driver.closed, jobs);
    if (signal !== 'SIGKILL') {
      tally.lastExit.push({ code, output: driver.output() });
      return; // it finished by itself: every job is at rest
    }
    tally.kills++;
    afterKill(jobs, tally);
    if (verbose && moment) console.log(`SIGKILL ${describeKill(moment)}`);
  }
}

function createsOnServer(creates: LoggedRequest[]): Map<string, LoggedRequest[]> {
  const byJob = new Map<string, LoggedRequest[]>();
  for (const request of creates) {
    const id = jobIdOf(request);
    if (id !== undefined) byJob.set(id, [...(byJob.get(id) ?? []), request]);
  }
  return byJob;
}

/** What the whole log says was played, for the summary. */
function faultsPlayed(log: LoggedRequest[]): string {
  const counts = new Map<string, number>();
  const bump = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  for (const entry of log) {
    if (entry.streamFault) bump(`${entry.streamFault} on ${entry.kind}`);
    if (entry.status === 400 && entry.kind === 'stream') bump('re-stream refused');
    else if (entry.status >= 400) bump(`HTTP ${entry.status} on ${entry.kind}`);
  }
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
}

/** Any failure names the seed, so the run can be replayed. */
async function withReplay(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Error && !error.message.includes(replay))
      error.message = `${error.message} (${replay})`;
    throw error;
  }
}

async function runSchedules(): Promise<void> {
  const started = Date.now();
  const jobPlans = fc.sample(fc.noBias(jobSchedule), { seed, numRuns: total });
  const batchCount = Math.ceil(total / batchSize);
  const batchPlans = fc.sample(fc.noBias(batchSchedule), { seed: seed + 1, numRuns: batchCount });
  const tally: Tally = {
    kills: 0,
    killedInWindow: new Set(),
    phases: { create: 0, streaming: 0, polling: 0 },
    lastExit: [],
  };
  const jobs: Job[] = [];
  for (let b = 0; b < batchCount; b++) {
    const plans = jobPlans.slice(b * batchSize, (b + 1) * batchSize);
    const batchJobs = reader.submit(
      plans.map((plan, i) => ({
        prompt: `fault-job-${b * batchSize + i}. Explain it.`,
        model: plan.model,
        providerId: 'openai',
        reasoningSummary: plan.summary ? ('auto' as const) : undefined,
      })),
    );
    for (const [i, job] of batchJobs.entries()) {
      const plan = plans[i] as JobSchedule;
      schedules.set(job.id, plan);
      await emulator.control.addScript({
        match: { metadata: { mull_job_id: job.id } },
        script: scriptOf(plan, b * batchSize + i),
      });
    }
    jobs.push(...batchJobs);
    await runBatch(batchPlans[b] as BatchSchedule, batchJobs, tally);
  }

  const problems: string[] = [];
  const problem = (job: Job, what: string) =>
    problems.push(`${job.id} [${describeSchedule(scheduleOf(job.id))}]: ${what}`);
  for (const { code, output } of tally.lastExit) {
    if (code !== 0) problems.push(`a driver exited with ${code}: ${output.slice(-2000)}`);
  }
  const log = await emulator.control.requests();
  const creates = createsOnServer(log.filter((r) => r.kind === 'create'));
  let completed = 0;
  let doubled = 0;
  let unknownByFault = 0;
  let unknownByKill = 0;
  let neverArrived = 0;
  for (const { id } of jobs) {
    const job = reader.get(id);
    if (!job) throw new Error(`job ${id} vanished (${replay})`);
    const schedule = scheduleOf(id);
    // A create answered with an HTTP error status started nothing on the server.
    const mayHaveStarted = (creates.get(id) ?? []).filter((r) => r.status < 400).length;
    if (mayHaveStarted > 1) {
      doubled++;
      problem(job, `${mayHaveStarted} creates reached the server (a job paid for twice)`);
    }
    if (job.status === 'completed') {
      if (mayHaveStarted !== 1) problem(job, `completed with ${mayHaveStarted} creates`);
      try {
        await expectJobMatchesServer(emulator, job);
        const anomalies = reader.events(id).filter((e) => e.kind === 'anomaly');
        if (anomalies.length > 0)
          problem(job, `the streamed text differed from the server's: ${anomalies[0]?.detail}`);
        else completed++;
      } catch (error) {
        problem(job, `does not match the server: ${(error as Error).message}`);
      }
    } else if (job.status === 'unknown') {
      const byKill = job.error?.message.startsWith('Mull stopped after sending') ?? false;
      if (job.responseId !== null) problem(job, 'unknown with a response id');
      if (byKill) {
        unknownByKill++;
        if (!tally.killedInWindow.has(id))
          problem(job, 'unknown after a restart, but no SIGKILL landed in its create window');
        // A kill after submittedAt is stored (synced) and before the bytes leave: no create.
        if (mayHaveStarted === 0) neverArrived++;
        if (mayHaveStarted > 1) problem(job, `unknown after ${mayHaveStarted} creates`);
      } else {
        unknownByFault++;
        if (!schedule.createWindow)
          problem(job, `unknown with no fault in its create window: ${job.error?.message}`);
        if (mayHaveStarted !== 1) problem(job, `unknown after ${mayHaveStarted} creates`);
      }
    } else {
      problem(job, `ended ${job.status}: ${job.error?.message ?? 'no error'}`);
    }
  }
  await reader.close();
  readerOpen = false;
  const integrity = checkIntegrity(dataDir);
  if (integrity !== 'ok') problems.push(`the database fails its integrity check: ${integrity}`);

  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `fault schedules (seed ${seed}): ${jobs.length} jobs, ${tally.kills} SIGKILLs, ${completed} completed byte-identical, ${unknownByFault + unknownByKill} unknown (${unknownByFault} create-window faults, ${unknownByKill} kills in the create window${neverArrived > 0 ? `, ${neverArrived} of them never reached the server` : ''}), ${doubled} doubled creates`,
  );
  console.log(
    `fault schedules: ${seconds} s; ${jobs.filter((j) => schedules.get(j.id)?.createWindow).length} create-window faults scheduled; kills interrupted ${JSON.stringify(tally.phases)}; played: ${faultsPlayed(log)}`,
  );
  if (problems.length > 0) {
    throw new Error(
      `${problems.length} rule(s) broken (${replay}):\n${problems.slice(0, 25).join('\n')}`,
    );
  }
}

it(
  `random fault schedules (${total} jobs) and SIGKILLs: one create per job, exact text, unknown only inside the create window`,
  () => withReplay(runSchedules),
  Math.max(10 * 60_000, total * 3_000),
);
