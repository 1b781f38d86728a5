// @vitest-environment jsdom
// The usage table after a price override: a finished job's rows are priced at the price its cost
// was computed with (job.priceUsed), so rows and total agree, and the override is said to apply to
// new jobs; a running job is priced at today's price, as an estimate.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { costOf, formatUsd, sumUsd } from '../../../shared/cost.js';
import type { Job } from '../../../shared/job.js';
import { findModel } from '../../../shared/models.js';
import { ApiProvider } from '../data/api-context.js';
import { createFakeApi } from '../test-support/fake-api.js';
import { fullJob } from '../test-support/job-summaries.js';
import { UsageBreakdown } from './UsageBreakdown.js';

afterEach(cleanup);

const found = findModel('gpt-5');
if (!found) throw new Error('gpt-5 is in the registry');
const model = found;
const builtIn = model.price;
const override = {
  ...builtIn,
  inputUsdPerMillion: builtIn.inputUsdPerMillion * 4,
  outputUsdPerMillion: builtIn.outputUsdPerMillion * 3,
  checkedOn: '2030-01-02',
};
const usage = {
  inputTokens: 120_000,
  cachedTokens: 20_000,
  outputTokens: 90_000,
  reasoningTokens: 60_000,
  totalTokens: 210_000,
};

function renderUsage(job: Job) {
  const api = createFakeApi({
    'models:list': () => ({ models: [{ ...model, price: override }] }),
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <ApiProvider api={api}>
      <QueryClientProvider client={queryClient}>
        <UsageBreakdown job={job} />
      </QueryClientProvider>
    </ApiProvider>,
  );
  return queryClient;
}

const cellsOf = (table: HTMLElement, part: string) =>
  within(table)
    .getByRole('row', { name: new RegExp(`^${part} `, 'u') })
    .querySelectorAll('td');

describe('UsageBreakdown after a price override', () => {
  it('prices a finished job’s rows at the price it ended with: rows add up to the total', async () => {
    const cost = costOf(usage, builtIn);
    renderUsage(
      fullJob({
        id: 'done',
        status: 'completed',
        usage,
        cost,
        priceUsed: builtIn,
        finishedAt: 5_000,
        model: 'gpt-5',
      }),
    );
    const table = screen.getByRole('table', { name: 'Token usage and cost' });
    // Once the catalog (with the override) has arrived, the note says the override is newer.
    expect(await screen.findByText(/your override applies to new jobs\.$/u)).toBeTruthy();
    const rowCosts = ['Input', 'Cached input', 'Output', 'Reasoning'].map((part) => {
      const cells = cellsOf(table, part);
      return cells[cells.length - 1]?.textContent ?? '';
    });
    const total = cellsOf(table, 'Total');
    expect(total[total.length - 1]?.textContent).toBe(formatUsd(cost));
    const parsed = rowCosts.map((text) => Number(text.replace(/[^0-9.]/gu, '')));
    expect(formatUsd(sumUsd(parsed))).toBe(formatUsd(cost));
    expect(cellsOf(table, 'Input')[1]?.textContent).toContain(String(builtIn.inputUsdPerMillion));
    expect(screen.getByText(/^Priced at the prices of /u)).toBeTruthy();
  });

  it('says nothing of an override when the job ended at today’s price', async () => {
    const queryClient = renderUsage(
      fullJob({
        id: 'same',
        status: 'completed',
        usage,
        cost: costOf(usage, override),
        priceUsed: override,
        finishedAt: 5_000,
        model: 'gpt-5',
      }),
    );
    await vi.waitFor(() => expect(queryClient.getQueryData(['models'])).toBeDefined());
    expect(screen.queryByText(/your override applies/u)).toBeNull();
  });

  it('labels a running job’s bill as an estimate at today’s prices', async () => {
    renderUsage(fullJob({ id: 'live', status: 'in_progress', usage, model: 'gpt-5' }));
    expect(await screen.findByText(/^An estimate at today’s prices/u)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Token usage and cost' });
    const total = () => [...cellsOf(table, 'Total')].pop()?.textContent;
    await vi.waitFor(() => expect(total()).toContain(formatUsd(costOf(usage, override))));
  });
});
