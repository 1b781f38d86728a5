// @vitest-environment jsdom
// Search hits a page at a time: the box asks for the first 50; as many back means there may be
// more, said as "the 50 best matches" with a button that asks for the rest (up to the contract's
// 100); fewer back is the whole count. Other words start again from the first page.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobSearchHit } from '../../../shared/job-query.js';
import { ApiProvider } from '../data/api-context.js';
import { createFakeApi } from '../test-support/fake-api.js';
import { JobBoard } from './JobBoard.js';

afterEach(cleanup);

/** A search backend where "common" matches 180 jobs and "rare" matches 3. */
function renderSearchableBoard() {
  const matches = (words: string) => (words.startsWith('common') ? 180 : 3);
  const api = createFakeApi({
    'jobs:list': () => ({ jobs: [], total: 0, nextCursor: null }),
    'jobs:search': ({ words, limit = 20 }) =>
      Array.from({ length: Math.min(limit, matches(words)) }, (_, index): JobSearchHit => ({
        id: `j${index}`,
        title: `Hit ${index}`,
        snippet: [],
      })),
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <ApiProvider api={api}>
      <QueryClientProvider client={client}>
        <JobBoard openId={undefined} onOpen={() => undefined} />
      </QueryClientProvider>
    </ApiProvider>,
  );
  const searchFor = (words: string) =>
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: words } });
  const limits = () =>
    api.calls
      .filter((call) => call.channel === 'jobs:search')
      .map((call) => (call.request as { limit: number }).limit);
  return { searchFor, limits };
}

describe('search results', () => {
  it('show the first 50 best matches, then the rest on request, then no more button', async () => {
    const { searchFor, limits } = renderSearchableBoard();
    searchFor('common');
    expect(await screen.findByText('The 50 best matches for “common”.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show more matches' }));
    expect(await screen.findByText('The 100 best matches for “common”.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show more matches' })).toBeNull();
    expect(screen.getAllByRole('listitem')).toHaveLength(100);
    expect(limits()).toEqual([50, 100]);
  });

  it('say the whole count when fewer came back, and start again for other words', async () => {
    const { searchFor, limits } = renderSearchableBoard();
    searchFor('common');
    await screen.findByText('The 50 best matches for “common”.');
    fireEvent.click(screen.getByRole('button', { name: 'Show more matches' }));
    await screen.findByText('The 100 best matches for “common”.');
    searchFor('rare');
    expect(await screen.findByText('3 jobs match “rare”.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show more matches' })).toBeNull();
    expect(limits()).toEqual([50, 100, 50]);
  });
});
