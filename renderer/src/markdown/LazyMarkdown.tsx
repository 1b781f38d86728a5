// The Markdown renderer (react-markdown, KaTeX, highlight.js: most of the renderer's code) loads
// apart from the board, so the board comes up without it: when the page is idle after the board
// has shown its jobs, or when a job is opened first.
import { lazy, Suspense } from 'react';

const loadMarkdown = () => import('./Markdown.js');
const Markdown = lazy(async () => ({ default: (await loadMarkdown()).Markdown }));

/**
 * Loads the Markdown renderer once the page is idle, so opening the first job does not wait for
 * it (evaluating it is a task of about 70 ms). A failed load is left to the first job view, which
 * loads it again and shows its error there.
 */
export function preloadMarkdownWhenIdle(): void {
  const load = () => void loadMarkdown().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 5_000 });
  else setTimeout(load, 1_000);
}

export function LazyMarkdown({ text }: { text: string }) {
  return (
    <Suspense fallback={<pre className="markdown-fallback">{text}</pre>}>
      <Markdown text={text} />
    </Suspense>
  );
}
