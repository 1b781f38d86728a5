// @vitest-environment jsdom
// Model output is untrusted and must never take the page down: malformed URLs and percent-escapes,
// Markdown nested thousands deep and a huge table, fed into every place model text is shown (the
// answer as text, the answer from output items with its citations, the reasoning summary, the
// thread). Whatever happens to one part, the job view around it still renders; a part that cannot
// be shown says so and shows its raw text.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../../shared/job.js';
import { digestOf, type OutputItem } from '../../../shared/output-items.js';
import { ApiProvider } from '../data/api-context.js';
import { MarkdownLink } from '../markdown/MarkdownLink.js';
import { createFakeApi } from '../test-support/fake-api.js';
import { fullJob, jobSummary } from '../test-support/job-summaries.js';
import { ErrorBoundary } from '../ui/ErrorBoundary.js';
import { renderJobView } from './test-support/render-job-view.js';

afterEach(cleanup);

// Nesting: 5,000 deep once (the answer text), 1,000 elsewhere (each render of it takes seconds in
// jsdom, and the point, a parser's recursion, is made well before 1,000).
const depth = 1_000;
const deepQuotes = `${'> '.repeat(5_000)}bottom of the quotes`;
const hostile: Record<string, string> = {
  'a malformed escape in an anchor': '[see here](#%E0%A4%A)',
  'malformed escapes everywhere': '[a](%) [b](#%) [c](https://example.com/%E0%A4%A) %E0%A4%A <%ZZ>',
  'malformed URLs': [
    '[v6](http://[::1)',
    '[port](https://example.com:99999/)',
    '[empty host](https://)',
    '[spaces](https://exa mple.com)',
    '<https://%>',
    '![img](https://%E0%A4%A)',
    '[ref]: https://[oops',
    '[ref]',
  ].join('\n\n'),
  'blockquotes nested 1,000 deep': `${'> '.repeat(depth)}bottom of the quotes`,
  'lists nested 1,000 deep': `${'- '.repeat(depth)}bottom of the lists`,
  'emphasis nested 1,000 deep': `${'*_'.repeat(depth)}x${'_*'.repeat(depth)}`,
  'a huge table': [
    `| ${Array.from({ length: 30 }, (_, col) => `c${col}`).join(' | ')} |`,
    `| ${Array.from({ length: 30 }, () => '---').join(' | ')} |`,
    ...Array.from(
      { length: 600 },
      (_, row) => `| ${Array.from({ length: 30 }, (_, col) => `${row}.${col}`).join(' | ')} |`,
    ),
  ].join('\n'),
  'math that does not parse': '$$\\frac{$$ and $\\href{javascript:alert(1)}{x}$',
};

function messageItems(text: string): OutputItem[] {
  return [
    {
      type: 'message',
      id: 'msg_1',
      status: 'completed',
      role: 'assistant',
      content: [
        {
          type: 'output_text',
          text,
          annotations: [
            {
              type: 'url_citation',
              url: 'https://%E0%A4%A',
              title: '%E0%A4%A',
              start_index: 0,
              end_index: 3,
            },
            {
              type: 'url_citation',
              url: 'http://[::1',
              title: 'broken',
              start_index: 2,
              end_index: 1,
            },
            {
              type: 'url_citation',
              url: '#%E0%A4%A',
              title: '',
              start_index: 9_999,
              end_index: 99_999,
            },
          ],
        },
      ],
    },
  ];
}

/** The job view is there and whole: its title, the usage table and the timeline. */
async function expectTheViewStands(job: Job) {
  const view = await screen.findByRole('article', { name: job.title });
  expect(within(view).getByRole('region', { name: 'Usage and cost' })).toBeTruthy();
  expect(within(view).getByRole('region', { name: 'Timeline' })).toBeTruthy();
  expect(within(view).getByRole('toolbar', { name: 'Job actions' })).toBeTruthy();
  return view;
}

/** The part rendered its text, or said it could not be shown and showed the raw text. */
async function expectShownOrRaw(part: HTMLElement, text: string) {
  // The Markdown renderer loads lazily: wait until the fallback has gone.
  await vi.waitFor(() => expect(part.querySelector('.markdown-fallback')).toBeNull(), {
    timeout: 20_000,
  });
  const fallback = part.querySelector('.error-boundary__raw');
  if (fallback) {
    expect(within(part).getByText('This part could not be shown.')).toBeTruthy();
    expect(fallback.textContent).toBe(text);
  } else {
    expect(part.querySelector('.markdown')).not.toBeNull();
  }
}

describe('hostile model output', () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);

  for (const [name, text] of Object.entries(hostile)) {
    it(`${name}: as the answer text and as the reasoning summary`, async () => {
      const job = fullJob(
        { id: 'text', status: 'completed', responseId: 'resp_text', title: 'Hostile text' },
        { answer: text, reasoningSummary: text },
      );
      renderJobView({ job, events: [], thread: [], items: [] });
      const view = await expectTheViewStands(job);
      await expectShownOrRaw(within(view).getByRole('region', { name: 'Answer' }), text);
      const summary = within(view)
        .getByRole('heading', { name: 'Reasoning summary' })
        .closest('details') as HTMLElement;
      await expectShownOrRaw(summary, text);
    });

    it(`${name}: as an answer from output items, with broken citations`, async () => {
      const items = messageItems(text);
      const job = fullJob(
        {
          id: 'items',
          status: 'completed',
          responseId: 'resp_items',
          title: 'Hostile items',
          outputDigest: digestOf(items),
        },
        { answer: text },
      );
      renderJobView({ job, events: [], thread: [], items });
      const view = await expectTheViewStands(job);
      await expectShownOrRaw(within(view).getByRole('region', { name: 'Answer' }), text);
    });
  }

  it('blockquotes nested 5,000 deep as the answer', { timeout: 120_000 }, async () => {
    const job = fullJob(
      { id: 'deep', status: 'completed', responseId: 'resp_deep', title: 'Deep quotes' },
      { answer: deepQuotes },
    );
    renderJobView({ job, events: [], thread: [], items: [] });
    const view = await expectTheViewStands(job);
    await expectShownOrRaw(within(view).getByRole('region', { name: 'Answer' }), deepQuotes);
  });

  it('a thread of hostile titles: every entry and the rest of the view', async () => {
    const titles = Object.values(hostile).map((text) => text.slice(0, 2_000));
    const thread = titles.map((title, index) =>
      jobSummary({ id: `t${index}`, title, threadId: 't0', status: 'completed' }),
    );
    const job = fullJob(
      { id: 't0', threadId: 't0', status: 'completed', title: 'Hostile thread' },
      { answer: '[see here](#%E0%A4%A)' },
    );
    renderJobView({ job, events: [], thread, items: [] });
    const view = await expectTheViewStands(job);
    const conversation = within(view).getByRole('region', { name: 'Conversation' });
    expect(within(conversation).getAllByRole('listitem')).toHaveLength(thread.length);
  });

  it('shows `[see here](#%E0%A4%A)` as text: the link’s words and what it pointed at', async () => {
    const job = fullJob(
      { id: 'see', status: 'completed', responseId: 'resp_see', title: 'See here' },
      { answer: '[see here](#%E0%A4%A)', reasoningSummary: '[see here](#%E0%A4%A)' },
    );
    renderJobView({ job, events: [], thread: [], items: [] });
    const view = await expectTheViewStands(job);
    const answer = within(view).getByRole('region', { name: 'Answer' });
    expect(await within(answer).findByText('see here')).toBeTruthy();
    // The Markdown parser escapes the stray `%` (`%25`): still no valid escape, still shown.
    expect(answer.textContent).toMatch(/\(#%E0%A4%(?:25)?A\)/u);
    expect(view.querySelector('.error-boundary')).toBeNull();
  });
});

describe('MarkdownLink', () => {
  it('renders a malformed anchor as text, a good one as a button that scrolls', () => {
    render(
      <ApiProvider api={createFakeApi()}>
        <MarkdownLink href="#%E0%A4%A">bad</MarkdownLink>
        <MarkdownLink href="#fn-1">good</MarkdownLink>
      </ApiProvider>,
    );
    expect(screen.queryByRole('button', { name: 'bad' })).toBeNull();
    expect(screen.getByText('bad').closest('.md-link--inert')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'good' })).toBeTruthy();
  });
});

describe('ErrorBoundary', () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);

  function Throws({ text }: { text: string }): never {
    throw new URIError(`URI malformed: ${text}`);
  }

  it('shows the sentence and the raw text as plain text; the parts around it stay', () => {
    const raw = '<b>not bold</b> [see here](#%E0%A4%A)';
    render(
      <div>
        <p>Before</p>
        <ErrorBoundary raw={raw} label="the answer">
          <Throws text={raw} />
        </ErrorBoundary>
        <p>After</p>
      </div>,
    );
    expect(screen.getByText('Before')).toBeTruthy();
    expect(screen.getByText('After')).toBeTruthy();
    expect(screen.getByText('This part could not be shown.')).toBeTruthy();
    expect(document.querySelector('.error-boundary__raw')?.textContent).toBe(raw);
    expect(document.querySelector('b')).toBeNull();
  });

  it('tries again when its text changes', () => {
    function MaybeThrows({ text }: { text: string }) {
      if (text.includes('%E0')) throw new URIError('URI malformed');
      return <p>{text}</p>;
    }
    const { rerender } = render(
      <ErrorBoundary raw="bad %E0">
        <MaybeThrows text="bad %E0" />
      </ErrorBoundary>,
    );
    expect(screen.getByText('This part could not be shown.')).toBeTruthy();
    rerender(
      <ErrorBoundary raw="fine now">
        <MaybeThrows text="fine now" />
      </ErrorBoundary>,
    );
    expect(screen.getByText('fine now')).toBeTruthy();
    expect(screen.queryByText('This part could not be shown.')).toBeNull();
  });
});
