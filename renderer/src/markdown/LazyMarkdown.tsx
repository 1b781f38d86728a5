// The Markdown renderer (react-markdown, KaTeX, highlight.js: most of the renderer's code) loads
// apart from the board, so the board comes up without it: when the page is idle after the board
// has shown its jobs, or when a job is opened first.
import { lazy, Suspense } from 'react';
import type { MullApi } from '../../../shared/ipc/envelope.js';

const Markdown = lazy(async () => ({ default: (await import('./Markdown.js')).Markdown }));
let preloaded = false;

/** Resolves when the page is idle (or after a second where there is no idle callback). */
function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout: 5_000 });
    else setTimeout(resolve, 1_000);
  });
}

/**
 * The renderer's parts, each loaded (and evaluated) in an idle moment of its own: evaluating all
 * of them at once is a task of about 70 ms. The bundler makes each a chunk of its own, as it is
 * loaded here on its own.
 */
const parts: ReadonlyArray<() => Promise<unknown>> = [
  () => import('katex'),
  () => import('rehype-katex'),
  () => import('rehype-highlight'),
  () => import('react-markdown'),
  () => import('remark-gfm'),
  () => import('remark-math'),
];

/**
 * Loads the Markdown renderer while the page is idle, a part at a time, then renders samples
 * with it (markdown-warm-up.tsx; their links have `api` above them, never clicked), so opening
 * the first job neither waits for it nor pays for its first, cold render or its fonts' first
 * layout. A failed load is left to the first job view, which loads it again and shows its error
 * there.
 */
export function preloadMarkdownWhenIdle(api: MullApi): void {
  if (preloaded) return;
  preloaded = true;
  void (async () => {
    for (const part of parts) {
      await idle();
      await part();
    }
    await idle();
    const { warmUpMarkdown, warmUpSamples } = await import('./markdown-warm-up.js');
    for (const sample of warmUpSamples) {
      await idle();
      await warmUpMarkdown(api, sample, idle);
    }
  })().catch(() => undefined);
}

export function LazyMarkdown({ text }: { text: string }) {
  return (
    <Suspense fallback={<pre className="markdown-fallback">{text}</pre>}>
      <Markdown text={text} />
    </Suspense>
  );
}
