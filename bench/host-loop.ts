// host_loop_p99_ms: the event-loop delay of the thread that serves the page's requests (the web
// host and its backend; Electron's main process has the same shape), while 300 jobs stream into
// the engine and a person searches the scaled dataset. The engine and SQLite run on the backend's
// worker threads (docs/ARCHITECTURE.md, "Threads"): what is left on this thread is HTTP, routing
// the contract, and writing the events the writer thread serialized to the page's stream.
// The page is played by another process, so its own work is not counted here: one event stream
// (`GET /api/events`, as an open board holds it) and a search every 200 ms (the search box's
// debounce) cycling through the search benchmark's queries, each waiting for the previous answer.
import { spawn } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isSettled } from '../shared/job.js';
import { defaultOpenAIProvider } from '../shared/provider.js';
import { JobManager } from '../node/core/engine/job-manager.js';
import { memoryKeyStore } from '../node/core/secrets/memory-key-store.js';
import { serveWeb } from '../node/web-host/serve-web.js';
import type { JobSummary } from '../shared/job-summary.js';
import { benchKey, benchProvider, dispatched, eventsShowAll } from './bench-support.js';
import type { BoardDataset } from './board-dataset.js';
import type { EmulatorProcess } from './emulator-process.js';
import { loopDelayMs, sampleEveryMs } from './loop-delay.js';
import { percentiles, searchQueries, type Percentiles } from './search-latency.js';

export interface HostLoopResult {
  datasetJobs: number;
  jobs: number;
  eventsPerSecondPerJob: number;
  /** The measured window: every job streaming and the searches running, until the first job ends. */
  windowSeconds: number;
  host_loop_p99_ms: number;
  maxMs: number;
  searches: number;
  /** As the searching process saw them (request to parsed answer). */
  search: Percentiles;
  /** Bytes the event stream carried to the page in the window. */
  eventBytes: number;
  completed: number;
}

/** The page's side, in a process of its own: plain Node, no TypeScript. */
const pageScript = `
const { origin, token, queries, everyMs } = JSON.parse(process.env.MULL_BENCH_PAGE);
const headers = { Authorization: 'Bearer ' + token };
let stopped = false;
let eventBytes = 0;
const abort = new AbortController();
process.stdin.on('end', () => { stopped = true; abort.abort(); });
process.stdin.resume();
const events = fetch(origin + '/api/events', { headers, signal: abort.signal })
  .then(async (response) => { for await (const chunk of response.body) eventBytes += chunk.length; })
  .catch(() => undefined);
const times = [];
for (let i = 0; !stopped; i++) {
  const started = performance.now();
  const response = await fetch(origin + '/api/jobs:search', {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ words: queries[i % queries.length], limit: 100 }),
  });
  const envelope = await response.json();
  if (!envelope.ok) { console.error('jobs:search refused', envelope); process.exit(1); }
  const ms = performance.now() - started;
  times.push(ms);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, everyMs - ms)));
}
await events;
process.stdout.write(JSON.stringify({ times, eventBytes }));
`;

export async function benchHostLoop(
  emulator: EmulatorProcess,
  dataset: BoardDataset,
  options: { jobs?: number; deltas?: number; intervalMs?: number } = {},
): Promise<HostLoopResult> {
  const jobs = options.jobs ?? 300;
  const deltas = options.deltas ?? 400;
  const intervalMs = options.intervalMs ?? 50; // about 20 events per second per job
  await emulator.control.addScript({
    match: { promptIncludes: 'host-loop' },
    times: null,
    script: { answer: 'token ', answerDeltas: deltas, timing: { deltaIntervalMs: intervalMs } },
  });
  // The emulator as one more provider of the dataset (stored as the app stores it).
  const setup = JobManager.open({
    dataDir: dataset.dir,
    drive: false,
    keys: { get: () => Promise.resolve(undefined) },
  });
  try {
    setup.settings.saveProvider({
      id: benchProvider,
      kind: 'compatible',
      label: 'Bench',
      baseUrl: emulator.baseURL,
      authStyle: 'bearer',
    });
  } finally {
    await setup.close();
  }
  const keyStore = memoryKeyStore({
    [defaultOpenAIProvider.id]: 'sk-bench-board-0000',
    [benchProvider]: benchKey,
  });
  const served = await serveWeb({
    dataDir: dataset.dir,
    mode: 'web',
    version: 'bench',
    keyStore,
    keyEnv: {},
    log: (message, error) => console.error(`web host: ${message}`, error ?? ''),
  });
  const { backend } = served;
  const loop = monitorEventLoopDelay({ resolution: sampleEveryMs });
  let page: ReturnType<typeof spawn> | undefined;
  try {
    // Through the contract, as the composer submits: 50 to a request (its most).
    const ids: string[] = [];
    for (let first = 0; first < jobs; first += 50) {
      const { jobs: submitted } = await dispatched<{ jobs: { id: string }[] }>(
        backend,
        'jobs:submit',
        {
          jobs: Array.from({ length: Math.min(50, jobs - first) }, (_, i) => ({
            prompt: `host-loop ${first + i}`,
            model: 'gpt-4.1',
            providerId: benchProvider,
          })),
        },
      );
      ids.push(...submitted.map((job) => job.id));
    }
    await eventsShowAll(backend, ids, (job) => job.cursor >= 10);

    page = spawn(process.execPath, ['--input-type=module', '-e', pageScript], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: {
        ...process.env,
        MULL_BENCH_PAGE: JSON.stringify({
          origin: served.host.origin,
          token: served.host.token,
          queries: searchQueries(dataset.vocabulary),
          everyMs: 200,
        }),
      },
    });
    let pageOutput = '';
    page.stdout?.on('data', (chunk: Buffer) => (pageOutput += chunk.toString('utf8')));
    const pageExited = new Promise<number | null>((resolve) => page?.once('exit', resolve));

    loop.enable();
    const windowStarted = performance.now();
    await new Promise<void>((resolve) => {
      const stop = backend.onEvent((event, payload) => {
        const { job } = payload as { job: JobSummary };
        if (event === 'jobs:changed' && ids.includes(job.id) && isSettled(job.status)) {
          stop();
          resolve();
        }
      });
    });
    loop.disable();
    const windowSeconds = (performance.now() - windowStarted) / 1000;
    page.stdin?.end();
    const code = await pageExited;
    if (code !== 0) throw new Error(`the page's process exited ${String(code)}`);
    const seen = JSON.parse(pageOutput) as { times: number[]; eventBytes: number };
    const ended = new Map<string, string>();
    await eventsShowAll(backend, ids, (job) => {
      if (isSettled(job.status)) ended.set(job.id, job.status);
      return isSettled(job.status);
    });
    const completed = [...ended.values()].filter((status) => status === 'completed').length;
    return {
      datasetJobs: dataset.jobs,
      jobs,
      eventsPerSecondPerJob: 1000 / intervalMs,
      windowSeconds,
      host_loop_p99_ms: loopDelayMs(loop, 99),
      maxMs: loopDelayMs(loop, 'max'),
      searches: seen.times.length,
      search: percentiles(seen.times),
      eventBytes: seen.eventBytes,
      completed,
    };
  } finally {
    if (page && page.exitCode === null) page.kill();
    await served.close();
  }
}
