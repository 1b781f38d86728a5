// The readers of output items: citations turned into marks at the right place (also after an
// emoji), sources numbered once each, tool steps titled, the digest and the words search finds.
import { describe, expect, it } from 'vitest';
import {
  citedSources,
  digestOf,
  messagesOf,
  searchTextOf,
  stepTitle,
  toolStepsOf,
  withCitationMarks,
  type OutputItem,
  type TextPart,
} from './output-items.js';

function message(text: string, annotations: unknown[], phase?: string): OutputItem {
  return {
    type: 'message',
    ...(phase ? { phase } : {}),
    content: [{ type: 'output_text', text, annotations }],
  };
}

function cite(text: string, span: string, url: string, title = url, codePoints = false) {
  const at = text.indexOf(span);
  const offset = codePoints ? Array.from(text.slice(0, at)).length : at;
  const length = codePoints ? Array.from(span).length : span.length;
  return { type: 'url_citation', start_index: offset, end_index: offset + length, url, title };
}

function marked(items: OutputItem[]): string {
  const messages = messagesOf(items);
  const { numberOf } = citedSources(messages);
  return messages
    .flatMap((m) => m.parts)
    .map((part) => withCitationMarks(part as TextPart, numberOf, (n) => `[${n}]`))
    .join('|');
}

describe('citations', () => {
  const link = '([example.com](https://example.com/a?utm_source=openai))';
  const text = `Primes are infinite ${link}. Also ${link}, and [b.org](https://b.org/x).`;

  it('replaces a span that is a link by its number; one number per source', () => {
    const second = text.lastIndexOf(link);
    const items = [
      message(text, [
        cite(text, link, 'https://example.com/a?utm_source=openai', 'Example A'),
        {
          type: 'url_citation',
          start_index: second,
          end_index: second + link.length,
          url: 'https://example.com/a',
          title: 'Example A',
        },
        cite(text, '[b.org](https://b.org/x)', 'https://b.org/x', 'B'),
      ]),
    ];
    expect(marked(items)).toBe('Primes are infinite [1]. Also [1], and [2].');
    expect(citedSources(messagesOf(items)).sources).toEqual([
      {
        number: 1,
        kind: 'url',
        target: 'https://example.com/a?utm_source=openai',
        title: 'Example A',
        domain: 'example.com',
      },
      { number: 2, kind: 'url', target: 'https://b.org/x', title: 'B', domain: 'b.org' },
    ]);
  });

  it('keeps a claim span and puts the mark after it', () => {
    const claim = 'There are infinitely many primes.';
    const items = [message(claim, [cite(claim, 'infinitely many primes', 'https://p.org')])];
    expect(marked(items)).toBe('There are infinitely many primes[1].');
  });

  it.each([
    ['code points', true],
    ['UTF-16 units', false],
  ])('finds the link after an emoji, counted in %s', (_name, codePoints) => {
    const emoji = `🔎 Found it ${link} 🎉 and more.`;
    const items = [message(emoji, [cite(emoji, link, 'https://example.com/a', 'A', codePoints)])];
    expect(marked(items)).toBe('🔎 Found it [1] 🎉 and more.');
  });

  it('reads odd annotations as absent, never throws', () => {
    const items = [
      message('x', [null, { type: 'url_citation' }, { type: 'mystery' }, 'y']),
      { type: 'message', content: 'not a list' },
    ];
    expect(marked(items)).toBe('x');
  });
});

describe('tool steps, digest and search words', () => {
  const items: OutputItem[] = [
    { type: 'reasoning', summary: [] },
    {
      type: 'web_search_call',
      status: 'completed',
      action: {
        type: 'search',
        query: 'prime gaps',
        sources: [{ type: 'url', url: 'https://a.org' }],
      },
    },
    {
      type: 'web_search_call',
      status: 'completed',
      action: { type: 'open_page', url: 'https://a.org/p' },
    },
    {
      type: 'code_interpreter_call',
      code: 'print(2)',
      container_id: 'c1',
      outputs: [{ type: 'logs', logs: '2' }],
    },
    { type: 'code_interpreter_call', code: 'print(3)', container_id: 'c1', outputs: null },
    { type: 'file_search_call', queries: ['twin primes'], results: null },
    { type: 'hologram_call', beam: 1 },
    message('No.', []),
    { type: 'message', content: [{ type: 'refusal', refusal: 'I cannot help with that.' }] },
  ];

  it('titles every step, unknown items by their type', () => {
    expect(toolStepsOf(items).map(stepTitle)).toEqual([
      'Searched: prime gaps',
      'Opened: https://a.org/p',
      'Ran code',
      'Ran code',
      'Searched files: twin primes',
      'hologram_call',
    ]);
  });

  it('counts billable calls: searches (not page opens), file searches, containers', () => {
    expect(digestOf(items)).toEqual({
      refused: true,
      sources: 0,
      searches: 2,
      toolCalls: { webSearchCalls: 1, fileSearchCalls: 1, codeInterpreterContainers: 1 },
    });
  });

  it('gives search the queries made and the pages opened', () => {
    expect(searchTextOf(items).split('\n')).toEqual([
      'prime gaps',
      'https://a.org/p',
      'twin primes',
    ]);
  });
});
