// job_view_long_task_ms and job_view_bytes_ratio: a 2 MB Markdown answer streams for about 60 s
// into the open job view of a page in Chromium, served by the web host in this process. The page
// gets every change the engine tells (one per flush, as a real 60 s stream causes: the emulator
// runs at the clock's speed). Measured: the longest main-thread task in the page, script and
// rendering alike, read from a Chromium trace (main-thread-tasks.ts), from the submit until the
// finished answer has been shown whole, and every byte the web host wrote to its connections in
// that time (API answers and the event stream) over the answer's bytes. Beside the longest task,
// the thread's CPU time in it: on a shared VM much of a long task can be time the thread waited.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { memoryKeyStore } from '../node/core/secrets/memory-key-store.js';
import { serveWeb } from '../node/web-host/serve-web.js';
import { deltasOfLength } from '../node/emulator/text-deltas.js';
import { makeDefaultProvider } from '../node/demo/emulator-provider.js';
import { submitPrompts } from '../e2e/support/board-ui.js';
import type { JobDetail } from '../shared/ipc/contract.js';
import type { JobPage } from '../shared/job-query.js';
import { benchKey, benchProvider, dispatched, freshDataDir } from './bench-support.js';
import { ensureRendererBuilt } from './board-first-paint.js';
import { tracedTasks } from './main-thread-tasks.js';
import type { EmulatorProcess } from './emulator-process.js';

export interface JobViewStreamResult {
  answerBytes: number;
  streamSeconds: number;
  /** False when the page was still parsing the answer two minutes after the job ended. */
  caughtUp: boolean;
  /** `jobs:changed` events the backend told about the job. */
  updates: number;
  longTasks: number;
  longTaskTotalMs: number;
  job_view_long_task_ms: number;
  /** The page thread's CPU time in that longest task. */
  longestTaskCpuMs: number;
  bytesToPage: number;
  job_view_bytes_ratio: number;
}

const prompt = 'Job view stream bench';

/** A few KB of the Markdown a long answer holds: headings, paragraphs, a list, code, a table. */
function answerUnit(): string {
  const paragraph = (n: number) =>
    `Paragraph ${n} weighs the **evidence** and its _limits_: a claim, a caveat and a \`term\` or two, ` +
    `with a [reference](https://example.com/${n}) and some inline math $a_${n} + b^2$. `.repeat(3);
  return [
    '## A section of the answer',
    paragraph(1),
    paragraph(2),
    '- first point, with `code`\n- second point\n  - nested detail\n- third point',
    '```ts\nfunction step(x: number): number {\n  return x * 2 + 1;\n}\n```',
    '| quantity | value | note |\n| --- | ---: | --- |\n| alpha | 1.5 | measured |\n| beta | 2.25 | derived |',
    paragraph(3),
    '',
  ].join('\n\n');
}

/**
 * How often the bench looks at the page. It looks with one querySelector, not Playwright's role
 * and text engines: those walk every element of a 2 MB answer's page (about 100k) on each poll,
 * and their tasks in the page would be counted as the page's own.
 */
const probeEveryMs = 250;

/** The little of the page's DOM the probes read (this side has no DOM types). */
interface ProbedPage {
  document: { querySelector(selector: string): { textContent: string | null } | null };
}

/** Resolves when the element `selector` finds reads `text` (null: when there is none). */
async function pageShows(page: Page, selector: string, text: string | null, timeout: number) {
  // A function, not a string: the page's CSP refuses eval.
  await page.waitForFunction(
    ([selector, text]) => {
      const found = (globalThis as unknown as ProbedPage).document.querySelector(selector);
      return text === null ? found === null : found?.textContent === text;
    },
    [selector, text] as const,
    { polling: probeEveryMs, timeout },
  );
}

function scrollPaneToEnd(): void {
  const pane = (globalThis as unknown as ScrolledPage).document.querySelector('.pane[data-pane]');
  if (pane) pane.scrollTop = pane.scrollHeight;
}

interface ScrolledPage {
  document: { querySelector(selector: string): { scrollTop: number; scrollHeight: number } | null };
}

/** Waits until the open job view's badge reads `status`. */
function viewShows(page: Page, status: string, timeout: number): Promise<void> {
  return pageShows(page, '.job-view .status-badge__label', status, timeout);
}

export async function benchJobViewStream(
  emulator: EmulatorProcess,
  options: {
    answerBytes?: number;
    seconds?: number;
    cpuProfile?: string;
    followTail?: boolean;
  } = {},
): Promise<JobViewStreamResult> {
  ensureRendererBuilt();
  const targetBytes = options.answerBytes ?? 2 * 1024 * 1024;
  const seconds = options.seconds ?? 60;
  const unit = answerUnit();
  const deltaChars = 256;
  // The emulator repeats the unit's deltas (a short one ends each repetition).
  const meanDelta =
    deltasOfLength(unit, 1_000, deltaChars).reduce((sum, d) => sum + d.length, 0) / 1_000;
  const deltas = Math.ceil(targetBytes / meanDelta);
  await emulator.control.addScript({
    match: { promptIncludes: prompt },
    times: null,
    script: {
      answer: unit,
      answerDeltas: deltas,
      deltaChars,
      timing: { queuedMs: 1_000, deltaIntervalMs: (seconds * 1_000) / deltas },
    },
  });

  const data = freshDataDir();
  await makeDefaultProvider(
    data.dir,
    { id: benchProvider, label: 'Bench', baseUrl: emulator.baseURL },
    'gpt-5',
  );
  const keyStore = memoryKeyStore({ [benchProvider]: benchKey });
  const served = await serveWeb({
    dataDir: data.dir,
    mode: 'web',
    version: 'bench',
    keyStore,
    keyEnv: {},
    log: (message, error) => console.error(`web host: ${message}`, error ?? ''),
  });
  let updates = 0;
  let jobId: string | undefined;
  const stopCounting = served.backend.onEvent((event, payload) => {
    if (event === 'jobs:changed' && (payload as { job: { id: string } }).job.id === jobId) {
      updates++;
    }
  });
  const browser = await chromium.launch({
    executablePath: process.env.MULL_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(served.host.url);
    await page.getByText(/^No jobs yet/).waitFor();

    const cdp = options.cpuProfile === undefined ? undefined : await context.newCDPSession(page);
    await cdp?.send('Profiler.enable');
    await cdp?.send('Profiler.start');
    const bytesBefore = served.host.bytesSent();
    let streamSeconds = 0;
    let caughtUp = false;
    const tasks = await tracedTasks(browser, page, join(data.dir, 'page.trace.json'), async () => {
      await submitPrompts(page, [prompt]);
      await viewShows(page, 'In progress', 30_000);
      const streamStarted = performance.now();
      const newest = await dispatched<JobPage>(served.backend, 'jobs:list', { limit: 1 });
      jobId = newest.jobs[0]?.id;
      // Following the tail: the pane kept scrolled to the end, as a reader of the growing end does.
      const follow = options.followTail
        ? setInterval(
            () => void page.evaluate(scrollPaneToEnd).catch(() => undefined),
            probeEveryMs,
          )
        : undefined;
      await viewShows(page, 'Completed', (seconds + 120) * 1_000);
      clearInterval(follow);
      streamSeconds = (performance.now() - streamStarted) / 1_000;
      // Shown whole: no Markdown still parsing its slices, and the page idle for a moment.
      // A page that has not caught up two minutes after the end is reported as such (the
      // figures then cover the time until here).
      caughtUp = await pageShows(page, '.job-view .markdown[aria-busy="true"]', null, 120_000).then(
        () => true,
        () => false,
      );
      // (A string: this side has no DOM types.)
      await page.evaluate(
        'new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 500)))',
      );
    });
    if (cdp && options.cpuProfile !== undefined) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(options.cpuProfile, JSON.stringify(profile));
    }
    const bytesToPage = served.host.bytesSent() - bytesBefore;
    const job =
      jobId === undefined
        ? undefined
        : (await dispatched<JobDetail>(served.backend, 'jobs:get', { id: jobId })).job;
    if (!job || job.status !== 'completed') throw new Error('the bench job did not complete');
    const answerBytes = Buffer.byteLength(job.answer);
    await context.close();
    return {
      answerBytes,
      streamSeconds,
      caughtUp,
      updates,
      longTasks: tasks.longCount,
      longTaskTotalMs: tasks.longTotalMs,
      job_view_long_task_ms: tasks.longestMs,
      longestTaskCpuMs: tasks.longestCpuMs,
      bytesToPage,
      job_view_bytes_ratio: bytesToPage / answerBytes,
    };
  } finally {
    stopCounting();
    await browser.close();
    await served.close();
    data.remove();
  }
}
