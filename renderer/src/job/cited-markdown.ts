// An answer's text part as Markdown with its citations as numbered links: `[3]` opens the cited
// page in the browser (through the answer's link buttons, renderer/src/markdown/MarkdownLink.tsx),
// or for a cited file scrolls to it in the Sources list. Titles and URLs come from the model's
// output, so both are escaped to stay one link: they can never end it early or add markup.
import { withCitationMarks, type Citation, type TextPart } from '../../../shared/output-items.js';

const markOpen = '\uE000';
const markClose = '\uE001';
const placeholder = /([!\\]?)\uE000(\d+)\uE001/gu;

/**
 * `withCitationMarks`, safe for Markdown: a mark right after `!` would make an image of the link,
 * right after `\` would escape it; such a mark gets a space before it.
 */
export function markCitations(
  part: TextPart,
  numberOf: (citation: Citation) => number,
  mark: (number: number, citation: Citation) => string,
): string {
  const marks: string[] = [];
  const text = withCitationMarks(part, numberOf, (number, citation) => {
    marks.push(number > 0 ? mark(number, citation) : '');
    return `${markOpen}${marks.length - 1}${markClose}`;
  });
  return text.replace(placeholder, (_match, before: string, index: string) => {
    const spaced = before === '' ? '' : `${before} `;
    return spaced + (marks[Number(index)] ?? '');
  });
}

/** A link title in `"…"`: one line, its quotes and backslashes escaped. */
function linkTitle(title: string): string {
  return title
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/["\\]/gu, (c) => `\\${c}`);
}

/** A link destination in `<…>`: no angle bracket, space or backslash can end or escape it. */
function linkDestination(url: string): string {
  return `<${url.replace(/[<>\s\\]/gu, (c) => encodeURIComponent(c))}>`;
}

/** The DOM id of a source in the Sources list, under a per-view prefix. */
export function sourceAnchor(prefix: string, number: number): string {
  return `${prefix}-source-${number}`;
}

/** The Markdown of a text part with each citation a numbered link. */
export function citedMarkdown(
  part: TextPart,
  numberOf: (citation: Citation) => number,
  anchorPrefix: string,
): string {
  return markCitations(part, numberOf, (number, citation) => {
    const label = `[\\[${number}\\]]`;
    if (citation.kind === 'url') {
      return `${label}(${linkDestination(citation.url)} "${linkTitle(citation.title)}")`;
    }
    return `${label}(#${sourceAnchor(anchorPrefix, number)} "${linkTitle(citation.filename)}")`;
  });
}
