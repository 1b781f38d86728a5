// Text the page already holds, left out of a `jobs:get` answer. A page that streamed a job's
// answer through `jobs:text` holds it whole; when it asks for the job again (it ended: its final
// items, usage and timeline), it says what it holds (length and hash of each text) and the backend
// leaves out what matches: the job's answer and reasoning summary, and the copies of them in the
// output items (a message's `output_text`, a reasoning item's `summary_text`), each replaced by its
// span in the text. The page puts them back from its own copy before anything else sees the
// detail. Nothing is left out unless the page's copy is the backend's, code unit for code unit
// (same length, same 64-bit hash).
import type { OutputItem } from '../output-items.js';
import { holdsAt } from '../text-prefix.js';

export interface TextMark {
  length: number;
  hash: string;
}

/** Which text a left-out part came from, and where in it. */
interface TextSpan {
  of: 'answer' | 'reasoningSummary';
  start: number;
  end: number;
}

/** The field a left-out part carries in place of its text. */
export const textSpanField = 'mullTextSpan';

/** Parts shorter than this go as they are: not worth a span. */
const minElidedLength = 64;

/** Two 32-bit FNV-1a style hashes over the UTF-16 code units, as 16 hex digits. */
export function textMark(text: string): TextMark {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x5bd1e995) ^ (b >>> 15);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return { length: text.length, hash: hex(a) + hex(b) };
}

export function sameMark(mark: TextMark | undefined, text: string): boolean {
  return mark !== undefined && mark.length === text.length && textMark(text).hash === mark.hash;
}

type Loose = Record<string, unknown>;

const isRecord = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where each item keeps copies of a text: [the array field, the part type, which text]. */
function textParts(item: OutputItem): [string, string, TextSpan['of']] | undefined {
  if (item.type === 'message') return ['content', 'output_text', 'answer'];
  if (item.type === 'reasoning') return ['summary', 'summary_text', 'reasoningSummary'];
  return undefined;
}

/** The items with the copies of `texts` (those given) replaced by their spans. */
export function elideItemTexts(
  items: readonly OutputItem[],
  texts: Partial<Record<TextSpan['of'], string>>,
): OutputItem[] {
  const cursors: Record<TextSpan['of'], number> = { answer: 0, reasoningSummary: 0 };
  return items.map((item) => {
    const where = textParts(item);
    if (!where) return item;
    const [field, partType, of] = where;
    const source = texts[of];
    const parts = (item as Loose)[field];
    if (source === undefined || !Array.isArray(parts)) return item;
    const changed = { any: false };
    const elided = parts.map((part: unknown) => {
      if (!isRecord(part) || part.type !== partType || typeof part.text !== 'string') return part;
      const text = part.text;
      if (text.length < minElidedLength) return part;
      const start = holdsAt(source, text, cursors[of]) ? cursors[of] : source.indexOf(text);
      if (start < 0) return part;
      cursors[of] = start + text.length;
      changed.any = true;
      const span: TextSpan = { of, start, end: start + text.length };
      return { ...part, text: '', [textSpanField]: span };
    });
    return changed.any ? { ...item, [field]: elided } : item;
  });
}

/** The items with every left-out part's text put back from `texts`; undefined if one cannot be. */
export function restoreItemTexts(
  items: readonly OutputItem[],
  texts: Record<TextSpan['of'], string>,
): OutputItem[] | undefined {
  const failed = { any: false };
  const restored = items.map((item) => {
    const where = textParts(item);
    const parts = where ? (item as Loose)[where[0]] : undefined;
    if (!where || !Array.isArray(parts) || !parts.some((p) => isRecord(p) && textSpanField in p)) {
      return item;
    }
    const back = parts.map((part: unknown) => {
      if (!isRecord(part) || !(textSpanField in part)) return part;
      const { [textSpanField]: span, ...rest } = part;
      if (!isRecord(span) || (span.of !== 'answer' && span.of !== 'reasoningSummary')) {
        failed.any = true;
        return part;
      }
      const { start, end } = span;
      const source = texts[span.of];
      if (typeof start !== 'number' || typeof end !== 'number' || end > source.length) {
        failed.any = true;
        return part;
      }
      return { ...rest, text: source.slice(start, end) };
    });
    return { ...item, [where[0]]: back };
  });
  return failed.any ? undefined : restored;
}
