// The Markdown renderer (react-markdown, KaTeX, highlight.js: most of the renderer's code) loads
// when the first job is opened, so the board comes up without it.
import { lazy, Suspense } from 'react';

const Markdown = lazy(async () => ({ default: (await import('./Markdown.js')).Markdown }));

export function LazyMarkdown({ text }: { text: string }) {
  return (
    <Suspense fallback={<pre className="markdown-fallback">{text}</pre>}>
      <Markdown text={text} />
    </Suspense>
  );
}
