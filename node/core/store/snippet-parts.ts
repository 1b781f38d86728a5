// Search snippets travel as plain-text pieces rather than markup, so nothing from an answer is
// ever interpreted as HTML. FTS5's snippet() marks each match with two control characters, which
// are split on here.
import type { SnippetPart } from '../../../shared/job-query.js';

export const highlightStart = '\u0002';
export const highlightEnd = '\u0003';

export function toSnippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const add = (text: string, highlighted: boolean) => {
    if (text !== '') parts.push({ text, highlighted });
  };
  const [before = '', ...matches] = marked.split(highlightStart);
  add(before, false);
  // Each later piece is "<match><end marker><plain text up to the next match>".
  for (const piece of matches) {
    const [match = '', after = ''] = piece.split(highlightEnd);
    add(match, true);
    add(after, false);
  }
  return parts;
}
