// First renders of the Markdown renderer while the page is idle: short samples of what long
// answers hold (headings, emphasis, a list, a table, highlighted code, inline and display math),
// each rendered once into an element outside the page and dropped. The first renders in a page pay
// for compiling the parser, KaTeX and highlight.js as they are first called (measured: 86-170 ms
// for 1,000-4,000 characters, against about 10 ms once warm); this way an answer opened or
// streaming does not pay it, and the slice pacer starts from timed renders.
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

/** Renders one sample outside the page, with the app's API above it, and drops it. */
export function warmUpMarkdown(api: MullApi, sample: string): void {
  const root = createRoot(document.createElement('div'));
  flushSync(() =>
    root.render(
      <ApiProvider api={api}>
        <Markdown text={sample} />
      </ApiProvider>,
    ),
  );
  root.unmount();
}
