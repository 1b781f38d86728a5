// @vitest-environment jsdom
// A finished job's answer read from its output items (real recordings): citations are numbered
// links that open the cited page through the OS, the sources are listed by number, title and
// domain, a refusal reads as one, and what the model said while working is its own block.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { messagesOf, type OutputItem } from '../../../shared/output-items.js';
import { ApiProvider } from '../data/api-context.js';
import { createFakeApi } from '../test-support/fake-api.js';
import { answerFromItems, ItemsAnswer } from './ItemsAnswer.js';
import { recordedItems } from './test-support/recordings.js';

afterEach(cleanup);

function renderItems(items: OutputItem[]) {
  const api = createFakeApi({ 'app:openExternal': () => ({ ok: true }) });
  const view = render(
    <ApiProvider api={api}>
      <ItemsAnswer items={items} />
    </ApiProvider>,
  );
  return { api, container: view.container };
}

describe('an answer with web citations (vercel-websearch-5mini)', () => {
  const items = recordedItems('webSearch');

  it('numbers every citation in the answer, one number per source', async () => {
    renderItems(items);
    const answer = screen.getByRole('region', { name: 'Answer' });
    // 12 citations of 7 distinct sources, numbered in first-cited order, once the whole answer
    // is shown (a long one is rendered a slice per task).
    await within(answer).findAllByRole('button', { name: '[1]' });
    await waitFor(() => expect(answer.querySelector('[aria-busy]')).toBeNull());
    const marks = within(answer)
      .getAllByRole('button')
      .map((button) => button.textContent);
    expect(marks).toHaveLength(12);
    expect(new Set(marks)).toEqual(new Set(['[1]', '[2]', '[3]', '[4]', '[5]', '[6]', '[7]']));
    expect(marks.slice(0, 5)).toEqual(['[1]', '[2]', '[3]', '[4]', '[5]']);
    // The inline "([techcrunch.com](…))" the model wrote is replaced by the number.
    expect(answer.textContent).not.toContain('([techcrunch.com]');
    expect(within(answer).queryByRole('button', { name: 'techcrunch.com' })).toBeNull();
  });

  it('opens a cited page through the OS, never in the app', async () => {
    const { api, container } = renderItems(items);
    const answer = screen.getByRole('region', { name: 'Answer' });
    const [first] = await within(answer).findAllByRole('button', { name: '[1]' });
    expect(first?.getAttribute('title')).toContain(
      'https://techcrunch.com/2025/12/05/petco-confirms-security-lapse-exposed-customers-personal-data/',
    );
    expect(first?.getAttribute('title')).toContain('Petco confirms security lapse');
    fireEvent.click(first as HTMLElement);
    expect(api.calls).toEqual([
      {
        channel: 'app:openExternal',
        request: {
          url: 'https://techcrunch.com/2025/12/05/petco-confirms-security-lapse-exposed-customers-personal-data/?utm_source=openai',
        },
      },
    ]);
    expect(container.querySelectorAll('a[href], [src], img')).toHaveLength(0);
  });

  it('lists the sources under the answer: number, title, domain', () => {
    renderItems(items);
    const sources = screen.getByRole('region', { name: 'Sources' });
    const entries = within(sources).getAllByRole('listitem');
    expect(entries).toHaveLength(7);
    expect(entries[0]?.textContent).toBe(
      '1Petco confirms security lapse exposed customers’ personal data | TechCrunchtechcrunch.com',
    );
    expect(within(entries[4] as HTMLElement).getByText('wired.com')).toBeTruthy();
    expect(
      within(entries[6] as HTMLElement).getByRole('button', {
        name: 'AI coding startup Vercel raises $300 million, valued at $9.3 billion',
      }),
    ).toBeTruthy();
    expect(within(entries[6] as HTMLElement).getByText('finance.yahoo.com')).toBeTruthy();
    expect(within(sources).getByLabelText('Source 7')).toBeTruthy();
  });

  it('opens a source from the list through the OS', () => {
    const { api } = renderItems(items);
    const sources = screen.getByRole('region', { name: 'Sources' });
    fireEvent.click(within(sources).getByRole('button', { name: /^Check Out Highlights/ }));
    expect(api.calls).toEqual([
      {
        channel: 'app:openExternal',
        request: {
          url: 'https://www.wired.com/story/the-big-interview-2025-recap?utm_source=openai',
        },
      },
    ]);
  });
});

describe('phases (vercel-phase-codex)', () => {
  it('shows the commentary and the final answer as two blocks, the commentary set apart', async () => {
    renderItems(recordedItems('phases'));
    const working = screen.getByRole('group', { name: 'While working' });
    const final = screen.getByRole('group', { name: 'Final answer' });
    expect(working.className).toContain('answer-block--commentary');
    expect(final.className).not.toContain('answer-block--commentary');
    expect(
      await within(working).findByText(/I’ll quickly check reliable, up-to-date sources/),
    ).toBeTruthy();
    expect(await within(final).findByText(/AI headlines for today/)).toBeTruthy();
    expect(working.compareDocumentPosition(final) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // No citations: no Sources list.
    expect(screen.queryByRole('region', { name: 'Sources' })).toBeNull();
  });
});

describe('a refusal (mira-refusal)', () => {
  it('reads "Refused" with the model’s words', () => {
    renderItems(recordedItems('refusal'));
    const refusal = screen.getByRole('note', { name: 'Refusal' });
    expect(within(refusal).getByText('Refused')).toBeTruthy();
    expect(within(refusal).getByText("I'm sorry, I can't assist with that.")).toBeTruthy();
    expect(screen.queryByText('Completed')).toBeNull();
  });
});

describe('which answer a settled job shows', () => {
  it('shows a completed job’s items, and a stopped job’s streamed text when it has more', () => {
    const items = recordedItems('phases');
    expect(answerFromItems(items, { status: 'completed', answer: '' })).toBe(true);
    expect(answerFromItems([], { status: 'completed', answer: 'text' })).toBe(false);
    expect(
      answerFromItems(recordedItems('codeInterpreter').slice(0, 2), {
        status: 'completed',
        answer: 'x',
      }),
    ).toBe(false);
    const [working] = messagesOf(items);
    const workingText = working?.parts[0]?.text ?? '';
    // Stopped before the final answer arrived as an item: the streamed text has more.
    const stopped = { status: 'incomplete' as const, answer: `${workingText}\n\nHere are a few` };
    expect(answerFromItems(items.slice(0, 1), stopped)).toBe(false);
    expect(answerFromItems(items, stopped)).toBe(true);
  });
});
