// @vitest-environment jsdom
// The job view with and without output items: a finished job with items shows its answer from
// them (numbered citations, Sources, Steps, "Refused" for a refusal); a job without items (stored
// before items were kept) shows its answer text as before; a running job streams its text.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobDetail } from '../../../shared/ipc/contract.js';
import type { Job } from '../../../shared/job.js';
import { digestOf, type OutputItem } from '../../../shared/output-items.js';
import { fullJob } from '../test-support/job-summaries.js';
import { renderJobView } from './test-support/render-job-view.js';
import { recordedItems } from './test-support/recordings.js';

afterEach(cleanup);

function renderJob(job: Job, items: OutputItem[] | undefined) {
  renderJobView({ job, events: [], thread: [], items } as unknown as JobDetail);
}

const completed = (id: string, items: OutputItem[], answer: string) =>
  fullJob(
    { id, status: 'completed', responseId: `resp_${id}`, outputDigest: digestOf(items) },
    { answer },
  );

describe('the job view', () => {
  it('renders a web-search answer from its items: citations, sources, steps', async () => {
    const items = recordedItems('webSearch');
    renderJob(completed('web', items, 'The streamed text, which the items replace.'), items);
    const answer = await screen.findByRole('region', { name: 'Answer' });
    expect((await within(answer).findAllByRole('button', { name: '[1]' })).length).toBeGreaterThan(
      0,
    );
    expect(answer.textContent).not.toContain('The streamed text');
    const sources = screen.getByRole('region', { name: 'Sources' });
    expect(within(sources).getAllByRole('listitem')).toHaveLength(7);
    expect(screen.getByText('Steps')).toBeTruthy();
    expect(screen.getByText('Searched: tech news today December 5 2025')).toBeTruthy();
    expect(document.querySelector('.job-header .status-badge__label')?.textContent).toBe(
      'Completed',
    );
  });

  it('badges a refusal "Refused" and shows the refusal', async () => {
    const items = recordedItems('refusal');
    renderJob(completed('no', items, ''), items);
    const header = await screen.findByRole('banner');
    expect(header.querySelector('.status-badge__label')?.textContent).toBe('Refused');
    expect(within(header).getByText('Job status: Refused')).toBeTruthy();
    const refusal = screen.getByRole('note', { name: 'Refusal' });
    expect(refusal.textContent).toContain("I'm sorry, I can't assist with that.");
    expect(screen.queryByText('Completed')).toBeNull();
  });

  it('shows a job without items as before: its answer text', async () => {
    renderJob(completed('old', [], 'An **old** answer.'), undefined);
    const answer = await screen.findByRole('region', { name: 'Answer' });
    expect(await within(answer).findByText('old')).toBeTruthy();
    expect(answer.textContent).toBe('AnswerAn old answer.');
    expect(screen.queryByRole('region', { name: 'Sources' })).toBeNull();
    expect(screen.queryByText('Steps')).toBeNull();
  });

  it('streams a running job’s text, with the searches made so far as steps', async () => {
    const items = recordedItems('webSearch').filter((item) => item.type !== 'message');
    const job = fullJob(
      { id: 'live', status: 'in_progress', responseId: 'resp_live' },
      { answer: 'So far, the answer' },
    );
    renderJob(job, items);
    const answer = await screen.findByRole('region', { name: 'Answer' });
    expect(await within(answer).findByText('So far, the answer')).toBeTruthy();
    const steps = document.querySelector('details.tool-steps') as HTMLDetailsElement;
    expect(steps.open).toBe(true);
    expect(within(steps).getByText('Searched: tech news today December 5 2025')).toBeTruthy();
  });
});
