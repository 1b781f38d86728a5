// The page's main-thread tasks from a Chromium trace. The Long Tasks API (PerformanceObserver
// 'longtask') does not see the rendering steps of a frame (style, layout, paint), which are most
// of what a long answer costs the page, so the tasks are read from a trace of the renderer's
// main thread instead: every task that ran there, script and rendering alike.
import { copyFileSync, readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';

export interface MainThreadTasks {
  /** The longest task, ms (wall time). */
  longestMs: number;
  /**
   * The CPU time of the thread in that task, ms: the rest of it the thread was not running
   * (other threads and processes had the cores, or a VM's host took them: see cpu-steal.ts).
   */
  longestCpuMs: number;
  /** Tasks of 50 ms or more, and their total, ms. */
  longCount: number;
  longTotalMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  /** The thread's CPU time in the event, µs. */
  tdur?: number;
  args?: { name?: string };
}

/** Traces `page` while `run` runs; resolves with its main thread's tasks. */
export async function tracedTasks(
  browser: Browser,
  page: Page,
  tracePath: string,
  run: () => Promise<void>,
): Promise<MainThreadTasks> {
  // 'disabled-by-default-devtools.timeline' holds the task events (RunTask).
  await browser.startTracing(page, {
    path: tracePath,
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
  });
  try {
    await run();
  } finally {
    await browser.stopTracing();
  }
  // For looking into a figure: MULL_BENCH_TRACE=file.json keeps the trace (chrome://tracing or
  // Perfetto open it).
  const kept = process.env.MULL_BENCH_TRACE;
  if (kept) copyFileSync(tracePath, kept);
  return tasksIn(JSON.parse(readFileSync(tracePath, 'utf8')) as { traceEvents: TraceEvent[] });
}

function tasksIn(trace: { traceEvents: TraceEvent[] }): MainThreadTasks {
  const mainThreads = new Set(
    trace.traceEvents
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = trace.traceEvents.filter(
    (e) => e.ph === 'X' && e.name === 'RunTask' && mainThreads.has(`${e.pid}:${e.tid}`),
  );
  const longest = tasks.reduce<TraceEvent | undefined>(
    (found, e) => ((e.dur ?? 0) > (found?.dur ?? -1) ? e : found),
    undefined,
  );
  if (!longest) throw new Error('the trace holds no task of the page');
  const long = tasks.map((e) => (e.dur ?? 0) / 1_000).filter((ms) => ms >= 50);
  return {
    longestMs: (longest.dur ?? 0) / 1_000,
    longestCpuMs: (longest.tdur ?? 0) / 1_000,
    longCount: long.length,
    longTotalMs: long.reduce((sum, ms) => sum + ms, 0),
  };
}
