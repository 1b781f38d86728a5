// @vitest-environment jsdom
// A finished job says until when the server keeps its response and that Mull's copy stays; once
// that date has passed it says a follow-up cannot continue the conversation.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { serverCopyExpiresAt } from '../../../shared/server-retention.js';
import { formatDateTime } from '../format/dates.js';
import { fullJob } from '../test-support/job-summaries.js';
import { ServerCopyNote } from './ServerCopyNote.js';

afterEach(cleanup);

const day = 24 * 60 * 60 * 1_000;
const finished = (submittedAt: number) =>
  fullJob({ id: 'a', status: 'completed', responseId: 'resp_1', submittedAt });

describe('ServerCopyNote', () => {
  it('gives the date the server copy goes, 30 days after it was made', () => {
    const job = finished(Date.now() - 2 * day);
    render(<ServerCopyNote job={job} now={Date.now()} />);
    expect(serverCopyExpiresAt(job)).toBe((job.submittedAt ?? 0) + 30 * day);
    expect(screen.getByRole('note').textContent).toBe(
      `The server keeps this response until ${formatDateTime(serverCopyExpiresAt(job))} (30 days); Mull's copy stays on this computer.`,
    );
  });

  it('says the server copy expired, and that a follow-up cannot continue it', () => {
    render(<ServerCopyNote job={finished(Date.now() - 31 * day)} now={Date.now()} />);
    expect(screen.getByRole('note').textContent).toMatch(
      /^The server's copy of this response expired on .* a follow-up cannot continue this conversation: start a new job instead\. Mull's copy of the job stays on this computer\.$/u,
    );
  });

  it('says nothing for a job the server never had', () => {
    const { container } = render(
      <ServerCopyNote
        job={fullJob({ id: 'b', status: 'failed', responseId: null })}
        now={Date.now()}
      />,
    );
    expect(container.textContent).toBe('');
  });
});
