// @vitest-environment jsdom
// The board's cursor follows the open job (one highlight, never two), j/k open the job above or
// below while one is open (and only move the cursor while none is), and a follow-up's row names
// the conversation it continues.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { createRef, type RefObject } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type JobSummary } from '../../../shared/job-summary.js';
import { ApiProvider } from '../data/api-context.js';
import { createFakeApi } from '../test-support/fake-api.js';
import { jobSummary } from '../test-support/job-summaries.js';
import { JobBoard, type BoardHandle } from './JobBoard.js';

// jsdom lays nothing out: give the list a size so the virtualizer renders its rows.
const sizes = { clientHeight: 800, clientWidth: 400, offsetHeight: 800, offsetWidth: 400 } as const;
const saved = new Map<string, PropertyDescriptor | undefined>();
beforeAll(() => {
  for (const [name, value] of Object.entries(sizes)) {
    saved.set(name, Object.getOwnPropertyDescriptor(Element.prototype, name));
    Object.defineProperty(Element.prototype, name, { configurable: true, get: () => value });
  }
});
afterAll(() => {
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(Element.prototype, name, descriptor);
  }
});
afterEach(cleanup);

const jobs: JobSummary[] = [
  jobSummary({
    id: 'c',
    title: 'Why is the sky blue, more precisely',
    parentId: 'a',
    threadId: 'a',
    createdAt: 3_000,
  }),
  jobSummary({ id: 'b', title: 'Second question', createdAt: 2_000 }),
  jobSummary({
    id: 'a',
    title: 'Why is the sky blue',
    status: 'completed',
    answerPreview: '## Rayleigh **scattering**: shorter wavelengths scatter more.',
    createdAt: 1_000,
  }),
];

function renderBoard(openId: string | undefined, onOpen = vi.fn<(id: string) => void>()) {
  const api = createFakeApi({
    'jobs:list': () => ({ jobs, total: jobs.length, nextCursor: null }),
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const ref: RefObject<BoardHandle | null> = createRef<BoardHandle>();
  const ui = (id: string | undefined) => (
    <ApiProvider api={api}>
      <QueryClientProvider client={client}>
        <JobBoard ref={ref} openId={id} onOpen={onOpen} />
      </QueryClientProvider>
    </ApiProvider>
  );
  const view = render(ui(openId));
  return { ref, onOpen, rerender: (id: string | undefined) => view.rerender(ui(id)) };
}

const highlighted = () =>
  [...document.querySelectorAll('.job-row--selected')].map((row) =>
    row.getAttribute('data-job-id'),
  );

describe('the board’s cursor', () => {
  it('follows a job opened elsewhere (a submit, a retry): one highlight', async () => {
    const { ref, rerender } = renderBoard('a');
    await screen.findByText('Second question');
    expect(highlighted()).toEqual(['a']);

    // Closing the job leaves the cursor on it; the person moves it, then a submit opens another job.
    rerender(undefined);
    expect(highlighted()).toEqual(['a']);
    act(() => ref.current?.move(-1));
    expect(highlighted()).toEqual(['b']);
    rerender('c');
    expect(highlighted()).toEqual(['c']);
    expect(document.querySelector('.job-row--open')?.getAttribute('data-job-id')).toBe('c');
    // A job not on the board yet (just submitted): no other row keeps the highlight.
    rerender('not-listed-yet');
    expect(highlighted()).toEqual([]);
  });

  it('j/k open the job below or above while one is open', async () => {
    const { ref, onOpen, rerender } = renderBoard('b');
    await screen.findByText('Second question');
    act(() => ref.current?.move(1));
    expect(onOpen).toHaveBeenLastCalledWith('a');
    rerender('a');
    act(() => ref.current?.move(-1));
    expect(onOpen).toHaveBeenLastCalledWith('b');
    // At the end of the list there is nothing further to open.
    onOpen.mockClear();
    act(() => ref.current?.move(1));
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('j/k only move the cursor while no job is open', async () => {
    const { ref, onOpen } = renderBoard(undefined);
    await screen.findByText('Second question');
    expect(highlighted()).toEqual(['c']);
    act(() => ref.current?.move(1));
    expect(highlighted()).toEqual(['b']);
    expect(onOpen).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('listbox'));
  });
});

describe('a board row', () => {
  it('groups a follow-up under its conversation and previews an answer', async () => {
    renderBoard(undefined);
    const followUp = (await screen.findByText('Why is the sky blue, more precisely')).closest(
      '.job-row',
    );
    expect(followUp?.classList.contains('job-row--follow-up')).toBe(true);
    expect(followUp?.querySelector('.job-row__thread')?.textContent).toBe(
      '↳ Follow-up of “Why is the sky blue”',
    );
    const first = screen.getByText('Why is the sky blue').closest('.job-row');
    expect(first?.querySelector('.job-row__thread')).toBeNull();
    expect(first?.querySelector('.job-row__preview')?.textContent).toBe(
      'Rayleigh scattering: shorter wavelengths scatter more.',
    );
    expect(first?.querySelector('time')?.getAttribute('dateTime')).toBe(
      new Date(1_000).toISOString(),
    );
  });
});
