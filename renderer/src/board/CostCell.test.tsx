// @vitest-environment jsdom
// The board's cost cell: an amount, a dash while running, and for a job whose model has no price
// a link to the price corrections instead of a silent dash.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { modelFromPriceHash, priceOverrideHash } from '../settings/PriceOverrides.js';
import { jobSummary } from '../test-support/job-summaries.js';
import { CostCell, costUnknown } from './CostCell.js';

afterEach(cleanup);

const usage = {
  inputTokens: 1_000,
  cachedTokens: 0,
  outputTokens: 500,
  reasoningTokens: 0,
  totalTokens: 1_500,
};

describe('CostCell', () => {
  it('shows the cost of a priced job', () => {
    render(<CostCell job={jobSummary({ id: 'a', status: 'completed', usage, cost: 0.0125 })} />);
    expect(screen.getByText('$0.013')).toBeTruthy();
  });

  it('shows a dash while the job runs', () => {
    render(<CostCell job={jobSummary({ id: 'b', status: 'in_progress' })} />);
    expect(screen.getByTitle('Priced when the job ends').textContent).toBe('—');
  });

  it('links an ended job of an unknown model to the price corrections, preselecting it', () => {
    const onRowClick = vi.fn();
    const job = jobSummary({
      id: 'c',
      status: 'completed',
      model: 'my-azure-deployment',
      usage,
      cost: null,
    });
    render(
      <div onClick={onRowClick}>
        <CostCell job={job} />
      </div>,
    );
    const link = screen.getByRole('link', { name: 'cost unknown: add a price' });
    expect(link.getAttribute('href')).toBe('#/settings/prices/my-azure-deployment');
    fireEvent.click(link);
    expect(onRowClick).not.toHaveBeenCalled();
  });

  it('is not "unknown" for a known model, a running job or a job without usage', () => {
    const ended = { status: 'completed' as const, usage, cost: null };
    expect(costUnknown(jobSummary({ id: 'd', ...ended, model: 'my-model' }))).toBe(true);
    expect(costUnknown(jobSummary({ id: 'e', ...ended, model: 'gpt-4o' }))).toBe(false);
    expect(
      costUnknown(jobSummary({ id: 'f', ...ended, model: 'x', resolvedModel: 'o3-2025-04-16' })),
    ).toBe(false);
    expect(costUnknown(jobSummary({ id: 'g', ...ended, status: 'polling', model: 'x' }))).toBe(
      false,
    );
    expect(costUnknown(jobSummary({ id: 'h', ...ended, usage: null, model: 'x' }))).toBe(false);
  });
});

describe('price links', () => {
  it('round-trip a model name through the hash', () => {
    const hash = priceOverrideHash('my deployment/1');
    expect(hash).toBe('#/settings/prices/my%20deployment%2F1');
    expect(modelFromPriceHash(hash)).toBe('my deployment/1');
    expect(modelFromPriceHash('#/settings/prices')).toBe('');
    expect(modelFromPriceHash('#/settings')).toBeNull();
    expect(modelFromPriceHash('#/settings/pricesx')).toBeNull();
  });
});
