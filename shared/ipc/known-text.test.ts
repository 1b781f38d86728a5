// Texts the page holds are left out of a `jobs:get` answer and put back exactly.
import { describe, expect, it } from 'vitest';
import type { OutputItem } from '../output-items.js';
import { elideItemTexts, restoreItemTexts, sameMark, textMark } from './known-text.js';

const long = (word: string) => `${word} `.repeat(40).trim();

describe('known text', () => {
  it('marks differ when one code unit differs, and match the same text', () => {
    expect(sameMark(textMark(long('a')), long('a'))).toBe(true);
    expect(sameMark(textMark(long('a')), `${long('a')}.`)).toBe(false);
    expect(textMark('ab').hash).not.toBe(textMark('ba').hash);
    expect(textMark('').hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('leaves out the copies of the answer and the summary, and puts them back', () => {
    const first = long('first');
    const second = long('second');
    const answer = `${first}\n\n${second}`;
    const reasoningSummary = long('thinking');
    const items: OutputItem[] = [
      { type: 'reasoning', id: 'rs', summary: [{ type: 'summary_text', text: reasoningSummary }] },
      { type: 'web_search_call', id: 'ws', status: 'completed' },
      {
        type: 'message',
        id: 'm1',
        phase: 'commentary',
        content: [{ type: 'output_text', text: first, annotations: [] }],
      },
      {
        type: 'message',
        id: 'm2',
        content: [
          { type: 'output_text', text: second, annotations: [{ type: 'url_citation' }] },
          { type: 'refusal', refusal: 'no' },
          { type: 'output_text', text: 'short', annotations: [] },
        ],
      },
    ];
    const elided = elideItemTexts(items, { answer, reasoningSummary });
    expect(JSON.stringify(elided)).not.toContain('first first');
    expect(JSON.stringify(elided)).not.toContain('thinking thinking');
    expect(JSON.stringify(elided)).toContain('short');
    expect(restoreItemTexts(elided, { answer, reasoningSummary })).toEqual(items);
  });

  it('keeps a part it cannot find, and refuses a span past the text', () => {
    const items: OutputItem[] = [
      { type: 'message', content: [{ type: 'output_text', text: long('elsewhere') }] },
    ];
    expect(elideItemTexts(items, { answer: long('other') })).toEqual(items);
    const elided = elideItemTexts(items, { answer: long('elsewhere') });
    expect(restoreItemTexts(elided, { answer: 'x', reasoningSummary: '' })).toBeUndefined();
  });
});
