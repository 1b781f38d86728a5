import { describe, expect, it } from 'vitest';
import { blankJob } from '../../shared/blank-job.js';
import { summaryOf, type JobSummary } from '../../shared/job-summary.js';
import { answerFirstLine } from '../../shared/notification-text.js';
import { terminalNotification } from './terminal-notification.js';

/** A completed job's summary: what a notification is usually made from. */
function summary(patch: Partial<JobSummary>): JobSummary {
  const job = blankJob({
    id: 'job-1',
    title: 'Prove the lemma',
    prompt: 'Prove the lemma.',
    model: 'gpt-5-pro',
    providerId: 'openai',
    createdAt: 0,
  });
  return {
    ...summaryOf(job),
    status: 'completed',
    serverStatus: 'completed',
    responseId: 'resp_1',
    cursor: 10,
    submittedAt: 0,
    startedAt: 0,
    finishedAt: 1,
    updatedAt: 1,
    revision: 3,
    answerPreview: 'The lemma holds because…',
    ...patch,
  };
}

describe('terminalNotification', () => {
  it('says a completed answer is ready and previews it', () => {
    expect(terminalNotification(summary({}))).toEqual({
      title: 'Answer ready: Prove the lemma',
      body: 'The lemma holds because…',
    });
  });

  it('says why a job failed', () => {
    const text = terminalNotification(
      summary({ status: 'failed', error: { code: 'server_error', message: 'The server failed.' } }),
    );
    expect(text).toEqual({ title: 'Job failed: Prove the lemma', body: 'The server failed.' });
  });

  it('says why an answer was cut short', () => {
    const text = terminalNotification(
      summary({ status: 'incomplete', incompleteReason: 'max_output_tokens' }),
    );
    expect(text.title).toBe('Answer cut short: Prove the lemma');
    expect(text.body).toBe('Stopped: max output tokens.');
  });

  it.each([
    ['cancelled', 'Job cancelled'],
    ['expired', 'Job expired'],
  ] as const)('names a %s job', (status, headline) => {
    expect(terminalNotification(summary({ status })).title).toBe(`${headline}: Prove the lemma`);
  });

  it('keeps a long title and body short, on one line', () => {
    const text = terminalNotification(
      summary({ title: `a\n${'x'.repeat(300)}`, answerPreview: 'y '.repeat(300) }),
    );
    expect(text.title.length).toBeLessThanOrEqual('Answer ready: '.length + 80);
    expect(text.title).not.toContain('\n');
    expect(text.body.length).toBeLessThanOrEqual(180);
    expect(text.body.endsWith('…')).toBe(true);
  });

  it('says the first line of the whole answer, as plain words', () => {
    const answer =
      '## The lemma **holds**\n\nBecause every bounded sequence has a convergent subsequence.';
    expect(terminalNotification(summary({}), answer).body).toBe('The lemma holds');
  });

  it('falls back to the preview when it has no answer to read', () => {
    expect(terminalNotification(summary({ answerPreview: '# Yes It follows.' })).body).toBe(
      'Yes It follows.',
    );
  });
});

describe('answerFirstLine', () => {
  it.each([
    ['Plain first line\nsecond', 'Plain first line'],
    ['\n\n  \n> **Short answer:** no.\nThe rest', 'Short answer: no.'],
    ['- [x] Item *one* done', 'Item one done'],
    [
      '1. See [the proof](https://example.com/p) and ![a figure](x.png)',
      'See the proof and a figure',
    ],
    ['```python\nprint(1)\n```', 'print(1)'],
    ['---\n| a | b |\n|---|---|', 'a | b'],
    ['Call `snake_case_name` now', 'Call snake_case_name now'],
    ['$$\nE = mc^2\n$$', 'E = mc^2'],
    ['', ''],
  ])('reads %j as %j', (answer, line) => {
    expect(answerFirstLine(answer)).toBe(line);
  });
});
