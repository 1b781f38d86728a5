// @vitest-environment jsdom
// Every status has its own word (never colour alone) and an icon, and the badge shows the word.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { JobStatus } from '../../../shared/job.js';
import {
  isRefused,
  presentationOf,
  refusedPresentation,
  statusFilterOrder,
  statusPresentation,
} from './job-status.js';
import { StatusBadge } from './StatusBadge.js';

afterEach(cleanup);

const expectedWords: Record<JobStatus, string> = {
  pending: 'Pending',
  submitting: 'Submitting',
  queued: 'Queued',
  in_progress: 'In progress',
  reconnecting: 'Reconnecting',
  polling: 'Polling',
  needs_key: 'Needs key',
  unknown: 'Unknown',
  completed: 'Completed',
  incomplete: 'Incomplete',
  failed: 'Failed',
  cancelled: 'Cancelled',
  expired: 'Expired',
};

describe('status badges', () => {
  it.each(JobStatus.options)('%s reads as a word with an icon', (status) => {
    const { container } = render(<StatusBadge status={status} />);
    expect(container.textContent).toBe(expectedWords[status]);
    const icon = container.querySelector('svg');
    expect(icon?.getAttribute('aria-hidden')).toBe('true');
    expect(container.firstElementChild?.getAttribute('title')).toBe(
      statusPresentation[status].description,
    );
  });

  it('gives each status a different word', () => {
    const words = JobStatus.options.map((status) => statusPresentation[status].label);
    expect(new Set(words).size).toBe(words.length);
  });

  it('offers every status in the filter', () => {
    expect([...statusFilterOrder].sort()).toEqual([...JobStatus.options].sort());
  });

  it('reads "Refused", not "Completed", for a completed refusal', () => {
    const { container } = render(<StatusBadge status="completed" refused />);
    expect(container.textContent).toBe('Refused');
    expect(container.firstElementChild?.getAttribute('title')).toBe(
      refusedPresentation.description,
    );
    expect(container.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    // Only a completed job can read as refused.
    cleanup();
    expect(render(<StatusBadge status="in_progress" refused />).container.textContent).toBe(
      'In progress',
    );
  });

  it('takes a refusal from the job’s output digest', () => {
    const digest = (refused: boolean) => ({
      refused,
      sources: 0,
      searches: 0,
      toolCalls: { webSearchCalls: 0, fileSearchCalls: 0, codeInterpreterContainers: 0 },
    });
    expect(isRefused({ status: 'completed', outputDigest: digest(true) })).toBe(true);
    expect(isRefused({ status: 'completed', outputDigest: digest(false) })).toBe(false);
    expect(isRefused({ status: 'completed', outputDigest: null })).toBe(false);
    expect(isRefused({ status: 'failed', outputDigest: digest(true) })).toBe(false);
    expect(presentationOf({ status: 'completed', outputDigest: digest(true) }).label).toBe(
      'Refused',
    );
    expect(presentationOf({ status: 'completed', outputDigest: null }).label).toBe('Completed');
  });
});
