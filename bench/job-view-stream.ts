// job_view_long_task_ms and job_view_bytes_ratio: a 2 MB Markdown answer streams for about 60 s
// into the open job view of a page in Chromium, served by the web host in this process. The page
// gets every change the engine tells (one per flush, as a real 60 s stream causes: the emulator
// runs at the clock's speed). Measured: the longest main-thread task in the page (PerformanceObserver
// 'longtask', which reports tasks of 50 ms or more: 0 means none that long) from the submit until
// the finished answer has been shown whole, and every byte the web host wrote to its connections
// in that time (API answers and the event stream) over the answer's bytes.
import { writeFileSync } from 'node:fs';
import { chromium, expect } from '@playwright/test';
import { keySourceFor } from '../electron/core/secrets/index.js';
import { memoryKeyStore } from '../electron/core/secrets/memory-key-store.js';
import { serveWeb } from '../electron/web-host/serve-web.js';
import { deltasOfLength } from '../e2e/openai-emulator/text-deltas.js';
import { makeDefaultProvider } from '../e2e/support/emulator-provider.js';
import { badgeOf, submitPrompts } from '../e2e/support/board-ui.js';
import { benchKey, benchProvider, freshDataDir } from './bench-support.js';
import { ensureRendererBuilt } from './board-first-paint.js';
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

const longTaskProbe = `
globalThis.__mullLongTasks = { since: Infinity, max: 0, count: 0, total: 0 };
new PerformanceObserver((list) => {
  const seen = globalThis.__mullLongTasks;
  for (const entry of list.getEntries()) {
    if (entry.startTime < seen.since) continue;
    seen.max = Math.max(seen.max, entry.duration);
    seen.count += 1;
    seen.total += entry.duration;
  }
}).observe({ type: 'longtask', buffered: true });`;

interface LongTasks {
  max: number;
  count: number;
  total: number;
}

export async function benchJobViewStream(
  emulator: EmulatorProcess,
  options: { answerBytes?: number; seconds?: number; cpuProfile?: string } = {},
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
    keys: keySourceFor({}, keyStore),
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
    await context.addInitScript({ content: longTaskProbe });
    const page = await context.newPage();
    await page.goto(served.host.url);
    await page.getByText(/^No jobs yet/).waitFor();

    const cdp = options.cpuProfile === undefined ? undefined : await context.newCDPSession(page);
    await cdp?.send('Profiler.enable');
    await cdp?.send('Profiler.start');
    const bytesBefore = served.host.bytesSent();
    await page.evaluate('globalThis.__mullLongTasks.since = performance.now()');
    await submitPrompts(page, [prompt]);
    const view = page.getByRole('article', { name: prompt });
    await expect(badgeOf(view)).toHaveText('In progress', { timeout: 30_000 });
    const streamStarted = performance.now();
    jobId = served.backend.manager.list({ limit: 1 }).jobs[0]?.id;
    await expect(badgeOf(view)).toHaveText('Completed', { timeout: (seconds + 120) * 1_000 });
    const streamSeconds = (performance.now() - streamStarted) / 1_000;
    // Shown whole: no Markdown still parsing its slices, and the page idle for a moment.
    // A page that has not caught up two minutes after the end is reported as such (the figures
    // then cover the time until here).
    const caughtUp = await expect(view.locator('.markdown[aria-busy="true"]'))
      .toHaveCount(0, { timeout: 120_000 })
      .then(
        () => true,
        () => false,
      );
    // (A string: this side has no DOM types.)
    await page.evaluate(
      'new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 500)))',
    );
    const tasks = await page.evaluate<LongTasks>('globalThis.__mullLongTasks');
    if (cdp && options.cpuProfile !== undefined) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(options.cpuProfile, JSON.stringify(profile));
    }
    const bytesToPage = served.host.bytesSent() - bytesBefore;
    const job = jobId === undefined ? undefined : served.backend.manager.get(jobId);
    if (!job || job.status !== 'completed') throw new Error('the bench job did not complete');
    const answerBytes = Buffer.byteLength(job.answer);
    await context.close();
    return {
      answerBytes,
      streamSeconds,
      caughtUp,
      updates,
      longTasks: tasks.count,
      longTaskTotalMs: tasks.total,
      job_view_long_task_ms: tasks.max,
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
