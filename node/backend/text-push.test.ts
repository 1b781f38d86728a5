// `jobs:text`: appends while the text grows, the whole text when it shrank or changed.
import { describe, expect, it } from 'vitest';
import type { Job } from '../../shared/job.js';
import { TextPusher } from './text-push.js';

const job = (answer: string, status: Job['status'] = 'in_progress', revision = 1) =>
  ({ id: 'j', answer, reasoningSummary: '', status, revision }) as Job;

describe('TextPusher', () => {
  it('tells appends from the length told, then the whole text after a change inside it', () => {
    const pusher = new TextPusher();
    expect(pusher.next(job('Hello')).answer).toEqual({ from: 0, append: 'Hello' });
    expect(pusher.next(job('Hello, world', 'in_progress', 2)).answer).toEqual({
      from: 5,
      append: ', world',
    });
    expect(pusher.next(job('Hello, world', 'in_progress', 3)).answer).toEqual({
      from: 12,
      append: '',
    });
    // Shrank (a retry): whole.
    expect(pusher.next(job('Hi', 'in_progress', 4)).answer).toEqual({ from: 0, append: 'Hi' });
  });

  it('checks the whole text told when the job ends: a change before the tail goes whole', () => {
    const pusher = new TextPusher();
    const streamed = `${'a'.repeat(100)}${'b'.repeat(40)}`;
    pusher.next(job(streamed));
    const final = `${'A'.repeat(100)}${'b'.repeat(40)} end`;
    expect(pusher.next(job(final, 'completed', 2)).answer).toEqual({ from: 0, append: final });
    const again = new TextPusher();
    again.next(job(streamed));
    expect(again.next(job(`${streamed}!`, 'completed', 2)).answer).toEqual({
      from: 140,
      append: '!',
    });
  });
});
