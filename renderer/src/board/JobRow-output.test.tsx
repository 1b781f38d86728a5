// @vitest-environment jsdom
// A row says how many sources a job cited and searches it made, when it has any, and a refusal's
// badge reads "Refused".
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type JobSummary } from '../../../shared/job-summary.js';
import { ApiProvider } from '../data/api-context.js';
import { createFakeApi } from '../test-support/fake-api.js';
import { jobSummary } from '../test-support/job-summaries.js';
import { JobRow, outputCountsText } from './JobRow.js';

afterEach(cleanup);

const digest = (fields: { refused?: boolean; sources?: number; searches?: number }) => ({
  refused: false,
  sources: 0,
  searches: 0,
  toolCalls: { webSearchCalls: 0, fileSearchCalls: 0, codeInterpreterContainers: 0 },
  ...fields,
});

function renderRow(job: JobSummary) {
  const api = createFakeApi();
  return render(
    <ApiProvider api={api}>
      <QueryClientProvider client={new QueryClient()}>
        <JobRow
          job={job}
          selected={false}
          open={false}
          position={1}
          setSize={1}
          onOpen={() => undefined}
        />
      </QueryClientProvider>
    </ApiProvider>,
  ).container;
}

describe('a row’s sources and searches', () => {
  it('counts them in words', () => {
    expect(outputCountsText(digest({ sources: 12, searches: 6 }))).toBe('12 sources · 6 searches');
    expect(outputCountsText(digest({ sources: 1, searches: 0 }))).toBe('1 source');
    expect(outputCountsText(digest({ searches: 1 }))).toBe('1 search');
    expect(outputCountsText(digest({}))).toBeNull();
    expect(outputCountsText(null)).toBeNull();
  });

  it('shows them in the row, and nothing for a job without any', () => {
    const row = renderRow(
      jobSummary({
        id: 'a',
        status: 'completed',
        outputDigest: digest({ sources: 7, searches: 2 }),
      }),
    );
    expect(row.querySelector('.job-row__output')?.textContent).toBe('7 sources · 2 searches');
    cleanup();
    const plain = renderRow(jobSummary({ id: 'b', status: 'completed' }));
    expect(plain.querySelector('.job-row__output')).toBeNull();
  });

  it('badges a completed refusal "Refused"', () => {
    const row = renderRow(
      jobSummary({ id: 'c', status: 'completed', outputDigest: digest({ refused: true }) }),
    );
    expect(row.querySelector('.status-badge__label')?.textContent).toBe('Refused');
  });
});
