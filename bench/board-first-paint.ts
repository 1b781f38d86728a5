// board_first_paint_ms: the board opened in Chromium on a data directory of 10,000 finished jobs,
// from navigation start to the first frame that paints a job row. Each run is a new browser
// context (cold HTTP cache: every script and the first jobs:list fetched afresh), so the figure is
// what a person waits for when opening Mull, not a warm reload; the median of the runs is reported.
import { spawnSync } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';
import { median } from './bench-support.js';
import { serveDataset, type BoardDataset } from './board-dataset.js';

export interface BoardFirstPaintResult {
  jobs: number;
  runsMs: number[];
  board_first_paint_ms: number;
}

/**
 * Runs in the page before its own scripts. When the first job row enters the DOM it waits for
 * the next animation frame (the one that paints the row) and then for a message posted from that
 * frame, which runs once the frame's paint is done; `performance.now()` then is milliseconds since
 * navigation start (the document's time origin).
 */
const firstRowProbe = `
globalThis.__mullFirstRowPainted = new Promise((resolve) => {
  const rowSelector = '[role="listbox"] [role="option"].job-row';
  const observer = new MutationObserver(() => {
    if (!document.querySelector(rowSelector)) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
});`;

/** The renderer as `vite build` leaves it; built now if it is not there yet. */
let rendererBuilt = false;

/**
 * Builds the renderer once per bench run (a second or two): a build left from before would
 * measure the page as it was, not as the sources are.
 */
export function ensureRendererBuilt(): void {
  if (rendererBuilt) return;
  console.error('bench: building the renderer (npm run build:renderer)');
  const built = spawnSync('npm', ['run', 'build:renderer'], { stdio: ['ignore', 2, 2] });
  if (built.status !== 0) throw new Error('npm run build:renderer failed');
  rendererBuilt = true;
}

/** `url` is the address the host prints: the token rides in its fragment, no login round trip. */
async function oneLoad(browser: Browser, url: string, jobs: number): Promise<number> {
  const context = await browser.newContext();
  try {
    await context.addInitScript({ content: firstRowProbe });
    const page = await context.newPage();
    await page.goto(url);
    const paintedAt = await page.evaluate<number>('globalThis.__mullFirstRowPainted');
    // Not timed: the board counts every job of the dataset (it did not paint an error).
    const label = await page.getByRole('listbox').getAttribute('aria-label');
    if (label !== `Jobs, ${jobs} in all`) {
      throw new Error(`the board did not list the dataset: ${String(label)}`);
    }
    return paintedAt;
  } finally {
    await context.close();
  }
}

export async function benchBoardFirstPaint(
  dataset: BoardDataset,
  runs = 5,
): Promise<BoardFirstPaintResult> {
  ensureRendererBuilt();
  const served = await serveDataset(dataset);
  const browser = await chromium.launch({
    executablePath: process.env.MULL_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const runsMs: number[] = [];
    for (let run = 0; run < runs; run++) {
      runsMs.push(await oneLoad(browser, served.host.url, dataset.jobs));
    }
    return { jobs: dataset.jobs, runsMs, board_first_paint_ms: median(runsMs) };
  } finally {
    await browser.close();
    await served.close();
  }
}
