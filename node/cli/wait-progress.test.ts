// `mull wait`'s progress line: one line on a terminal, rewritten in place (status, tokens so far,
// elapsed); nothing at all on a pipe.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../shared/job.js';
import { newJobRecord } from '../core/engine/new-job-record.js';
import { progressLine } from './wait-progress.js';

function job(patch: Partial<Job>): Job {
  const base = newJobRecord({ prompt: 'p', model: 'gpt-5-pro', providerId: 'openai' }, {}, 1_000);
  return { ...base, ...patch };
}

function capture(isTTY: boolean) {
  let written = '';
  const stream = Object.assign(new PassThrough(), { isTTY });
  stream.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
  return { stream, written: () => written };
}

describe('the progress line', () => {
  it('on a terminal: status, tokens so far and elapsed, on one line rewritten in place', async () => {
    const { stream, written } = capture(true);
    let now = 66_000;
    const line = progressLine(stream, () => now);
    line.update(job({ status: 'in_progress', submittedAt: 1_000, answer: 'x'.repeat(4_800) }));
    now = 3_726_000;
    line.update(
      job({
        status: 'completed',
        submittedAt: 1_000,
        usage: {
          inputTokens: 10,
          cachedTokens: 0,
          outputTokens: 1_990,
          reasoningTokens: 0,
          totalTokens: 2_000,
        },
      }),
    );
    line.stop();
    await new Promise((resolve) => setImmediate(resolve));
    const id = job({}).id.slice(0, 8);
    const clear = '\r\u001b[K';
    expect(written().startsWith(clear)).toBe(true);
    expect(written()).toContain(' in progress · about 1,200 tokens so far · 1m 05s');
    expect(written()).toContain('completed · 2,000 tokens · 1h 02m 05s');
    expect(written().endsWith(clear)).toBe(true);
    expect(written()).not.toContain('\n');
    expect(id).toHaveLength(8);
  });

  it('on a pipe: nothing', async () => {
    const { stream, written } = capture(false);
    const line = progressLine(stream);
    line.update(job({ status: 'in_progress' }));
    line.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(written()).toBe('');
  });
});
