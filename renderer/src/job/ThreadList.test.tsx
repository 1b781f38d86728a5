// @vitest-environment jsdom
// A thread reads as a conversation: each turn's question, then the start of its answer and the
// model that gave it, oldest first; the open job's turn is marked and the others open on a click.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jobSummary } from '../test-support/job-summaries.js';
import { ThreadList, turnAnswerText } from './ThreadList.js';

afterEach(cleanup);

const thread = [
  jobSummary({
    id: 'a',
    title: 'Is every even number above 2 a sum of two primes?',
    status: 'completed',
    answerPreview: 'Nobody knows: this is Goldbach’s conjecture.',
  }),
  jobSummary({
    id: 'b',
    title: 'How far has it been checked?',
    status: 'completed',
    model: 'gpt-5-pro',
    effort: 'high',
    parentId: 'a',
    threadId: 'a',
    answerPreview: 'Up to 4 × 10^18.',
  }),
  jobSummary({
    id: 'c',
    title: 'Who checked it?',
    status: 'in_progress',
    parentId: 'b',
    threadId: 'a',
  }),
];

describe('the conversation', () => {
  it('shows questions and answers in order, with the model of each turn', () => {
    render(<ThreadList thread={thread} currentId="c" onOpen={() => undefined} />);
    const turns = screen.getAllByRole('listitem');
    expect(turns.map((turn) => turn.querySelector('.thread__question')?.textContent)).toEqual([
      'StartIs every even number above 2 a sum of two primes?',
      'Follow-up 1How far has it been checked?',
      'Follow-up 2Who checked it?',
    ]);
    expect(turns[0]?.querySelector('.thread__answer .thread__text')?.textContent).toBe(
      'Nobody knows: this is Goldbach’s conjecture.',
    );
    expect(within(turns[1] as HTMLElement).getByText(/gpt-5-pro · high/)).toBeTruthy();
    const current = turns[2]?.querySelector('[aria-current="page"]');
    expect(current?.textContent).toContain('This job: its answer is below.');
  });

  it('opens another turn on a click, not the open one', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    render(<ThreadList thread={thread} currentId="c" onOpen={onOpen} />);
    await user.click(screen.getByRole('button', { name: /How far has it been checked/ }));
    expect(onOpen).toHaveBeenCalledWith('b');
    expect(screen.queryByRole('button', { name: /Who checked it/ })).toBeNull();
  });

  it('says where a turn without an answer is', () => {
    expect(turnAnswerText(jobSummary({ id: 'x', status: 'queued' }))).toBe('Thinking…');
    expect(turnAnswerText(jobSummary({ id: 'y', status: 'failed' }))).toBe('No answer (failed).');
  });
});
