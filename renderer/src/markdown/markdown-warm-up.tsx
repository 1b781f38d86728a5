// First renders of the Markdown renderer while the page is idle: short samples of what long
// answers hold (headings, emphasis, a list, a table, highlighted code, inline and display math),
// each rendered once into a hidden element off screen, laid out, and dropped. The first renders in
// a page pay for compiling the parser, KaTeX and highlight.js as they are first called (measured:
// 86-170 ms for 1,000-4,000 characters, against about 10 ms once warm); the first layout of text
// in a face not used before starts loading it (KaTeX's web fonts, seen in a trace of the first
// math slice of a streamed answer: a 50 ms task of which 14 ms were the page's own work). This way
// an answer opened or streaming pays neither, and the slice pacer starts from timed renders.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { MullApi } from '../../../shared/ipc/envelope.js';
import { ApiProvider } from '../data/api-context.js';
import { Markdown } from './Markdown.js';

/**
 * What long answers hold, a kind per sample: each is rendered in an idle moment of its own. Links
 * become buttons that would ask the app's API to open them (MarkdownLink): the root has the app's
 * API above it, and nothing clicks them. (A link left cold cost the first streamed slice 50 ms.)
 */
export const warmUpSamples: readonly string[] = [
  '## A heading with *emphasis*\n\nA paragraph with **bold**, `code` and _more_.\n\n> A quote.',
  '- a list item\n- another, with ~~strike~~\n  1. nested\n\n| a | b |\n| --- | ---: |\n| 1 | 2.5 |',
  'A [reference](https://example.com/1), an anchor [^](#top) and https://example.com/2 bare.',
  '```ts\nconst answer: number = [1, 2, 3].reduce((a, b) => a + b, 0);\n```',
  // Math in steps: KaTeX's first render compiles most of it, however short the formula.
  '$x$',
  'Inline $e^{i\\pi} + 1 = 0$.',
  '$$\n\\int_0^1 x^2 \\, dx = \\frac{1}{3}\n$$',
];

/**
 * Renders one sample off screen, hidden from sight, pointer and assistive technology, with the
 * app's API above it; lays it out once after `between` (the next idle moment: rendering and
 * layout each a task of its own) and drops it.
 */
export async function warmUpMarkdown(
  api: MullApi,
  sample: string,
  between: () => Promise<void>,
): Promise<void> {
  const host = document.createElement('div');
  host.className = 'markdown-warm-up';
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  document.body.append(host);
  const root = createRoot(host);
  try {
    flushSync(() =>
      root.render(
        <ApiProvider api={api}>
          <Markdown text={sample} />
        </ApiProvider>,
      ),
    );
    await between();
    // Read to lay it out now (if no frame did yet): the fonts its text needs are matched, and web
    // fonts start loading (they finish on their own, for the answers to come).
    host.getBoundingClientRect();
  } finally {
    root.unmount();
    host.remove();
  }
}
