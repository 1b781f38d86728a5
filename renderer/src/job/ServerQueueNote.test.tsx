// @vitest-environment jsdom
// A job the server keeps queued for long says so in its view, and stops saying it once it runs.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fullJob } from '../test-support/job-summaries.js';
import { ServerQueueNote } from './ServerQueueNote.js';

afterEach(cleanup);

const minutesAgo = (minutes: number) => Date.now() - minutes * 60_000 - 5_000;

describe('ServerQueueNote', () => {
  it('says how long the server has held the job in its queue', () => {
    const job = fullJob({
      id: 'a',
      status: 'polling',
      serverStatus: 'queued',
      responseId: 'resp_1',
      submittedAt: minutesAgo(12),
    });
    render(<ServerQueueNote job={job} />);
    expect(screen.getByRole('status').textContent).toBe(
      'Queued on the server for 12 min. Mull keeps waiting for it and will not send it again.',
    );
  });

  it('says nothing once the server runs it', () => {
    const job = fullJob({
      id: 'b',
      status: 'in_progress',
      serverStatus: 'in_progress',
      responseId: 'resp_2',
      submittedAt: minutesAgo(12),
    });
    render(<ServerQueueNote job={job} />);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
