// The timed flush holds its period under many streams: a round writes the jobs staged when it
// began, a slice per event-loop turn; jobs staged again meanwhile wait for the next period
// instead of being written at once (which made ~10x the designed transaction rate).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleJob } from '../store/test-support/sample-job.js';
import { useTestDatabases } from '../store/test-support/test-databases.js';
import { JobWriter } from './job-writer.js';

const databases = useTestDatabases();
const flushMs = 150;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('JobWriter timed flush', () => {
  it('writes one round per period, however often the jobs are staged again', async () => {
    const { store } = databases.store();
    const writer = new JobWriter(store, flushMs);
    const jobs = Array.from({ length: 25 }, (_, i) =>
      sampleJob({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        status: 'in_progress',
      }),
    );
    for (const job of jobs) store.insert(job);
    let text = 'a';
    const stageAll = () => {
      for (const job of jobs) writer.stage(job.id, () => ({ patch: { answer: text } }));
    };

    stageAll();
    await vi.advanceTimersByTimeAsync(flushMs); // the round begins: its first slice of 10
    text = 'ab';
    stageAll(); // every job streams on meanwhile
    await vi.advanceTimersByTimeAsync(10); // the round's other slices (10 and 5), with 'ab'
    expect(writer.transactions).toBe(3);
    await vi.advanceTimersByTimeAsync(flushMs - 30);
    expect(writer.transactions).toBe(3); // nothing more in this period

    // The next period's round: the 10 jobs of the first slice, staged again after it wrote them.
    await vi.advanceTimersByTimeAsync(30);
    expect(writer.transactions).toBe(4);
    expect(jobs.every((job) => store.get(job.id)?.answer === 'ab')).toBe(true);
    writer.close();
  });
});
