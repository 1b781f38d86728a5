// The timed flush holds its period under many streams: a round writes the jobs staged when it
// began, a slice per event-loop turn (a job's first text goes sooner, at the end of its turn);
// jobs staged again meanwhile wait for the next period
// instead of being written at once (which made ~10x the designed transaction rate). Streamed text
// is appended, never written twice, and a settled text is indexed for search in a transaction of
// its own after the write that settled it, even when a crash comes in between.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JobStore, type Database } from '../store/index.js';
import { sampleJob } from '../store/test-support/sample-job.js';
import { useTestDatabases } from '../store/test-support/test-databases.js';
import { JobWriter } from './job-writer.js';
import { StreamFold } from './stream-fold.js';

const databases = useTestDatabases();
const flushMs = 150;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('JobWriter timed flush', () => {
  const twentyFiveJobs = (store: JobStore) => {
    const jobs = Array.from({ length: 25 }, (_, i) =>
      sampleJob({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        status: 'in_progress',
      }),
    );
    for (const job of jobs) store.insert(job);
    return jobs;
  };

  it('writes one round per period, however often the jobs are staged again', async () => {
    const { store } = databases.store();
    // A slice budget of 0 ms: one job per transaction, so the slices can be counted.
    const writer = new JobWriter(store, flushMs, { sliceMs: 0 });
    const jobs = twentyFiveJobs(store);
    let text = 'a';
    const stageAll = () => {
      for (const job of jobs) writer.stage(job.id, () => ({ patch: { answer: text } }));
    };

    stageAll();
    await vi.advanceTimersByTimeAsync(flushMs); // the round begins: its first slice
    expect(writer.transactions).toBe(1);
    text = 'ab';
    stageAll(); // every job streams on meanwhile
    await vi.advanceTimersByTimeAsync(24); // the round's other 24 slices, a turn (1 ms) each
    expect(writer.transactions).toBe(25);
    await vi.advanceTimersByTimeAsync(flushMs - 30);
    expect(writer.transactions).toBe(25); // nothing more in this period

    // The next period's round: the job of the first slice, staged again after it was written.
    await vi.advanceTimersByTimeAsync(30);
    expect(writer.transactions).toBe(26);
    expect(jobs.every((job) => store.get(job.id)?.answer === 'ab')).toBe(true);
    writer.close();
  });

  it("writes a job's first text at the end of its turn, with the other first texts of the turn", async () => {
    const { store } = databases.store();
    const writer = new JobWriter(store, flushMs, { sliceMs: 60_000 });
    const jobs = twentyFiveJobs(store);
    const answers = () => new Set(jobs.map((job) => store.get(job.id)?.answer));
    for (const job of jobs) writer.stage(job.id, () => ({ patch: { answer: 'first' } }), true);
    await vi.advanceTimersByTimeAsync(0); // the end of the turn, not a flush period later
    expect(writer.transactions).toBe(1);
    expect(answers()).toEqual(new Set(['first']));

    // What follows is coalesced: written with the period's round.
    for (const job of jobs) writer.stage(job.id, () => ({ patch: { answer: 'first, then' } }));
    await vi.advanceTimersByTimeAsync(flushMs - 1);
    expect(answers()).toEqual(new Set(['first']));
    await vi.advanceTimersByTimeAsync(1);
    expect(answers()).toEqual(new Set(['first, then']));
    expect(writer.transactions).toBe(2);
    writer.close();
  });

  it('writes a round that fits its time budget in one transaction', async () => {
    const { store } = databases.store();
    const writer = new JobWriter(store, flushMs, { sliceMs: 60_000 });
    const jobs = twentyFiveJobs(store);
    for (const job of jobs) writer.stage(job.id, () => ({ patch: { answer: 'one' } }));
    await vi.advanceTimersByTimeAsync(flushMs);
    expect(writer.transactions).toBe(1);
    expect(jobs.every((job) => store.get(job.id)?.answer === 'one')).toBe(true);
    writer.close();
  });
});

/** A running job streamed through a StreamFold, staged as JobDriver stages it. */
function streamingJob(store: JobStore, writer: JobWriter) {
  const job = sampleJob({ status: 'in_progress', serverStatus: 'in_progress', cursor: 0 });
  store.insert(job);
  const fold = new StreamFold({ ...job, items: [] });
  fold.beginStream();
  let seq = 0;
  return {
    id: job.id,
    fold,
    add(...deltas: string[]) {
      for (const delta of deltas) {
        fold.apply({
          type: 'response.output_text.delta',
          sequence_number: ++seq,
          item_id: 'msg_1',
          output_index: 0,
          content_index: 0,
          delta,
          logprobs: [],
        });
      }
      writer.stage(job.id, () => ({
        patch: fold.streamingWrite(),
        items: { put: fold.takeItemChanges() },
      }));
    },
  };
}

function stored(db: Database, id: string) {
  return {
    column: db.prepare('SELECT answer FROM jobs WHERE id = ?').pluck().get(id),
    chunks: db.prepare('SELECT count(*) FROM answer_chunks WHERE job_id = ?').pluck().get(id),
  };
}

describe('JobWriter streamed text', () => {
  it('appends what each flush adds, with its cursor; the told job has the whole text', () => {
    const { store, db } = databases.store();
    const writer = new JobWriter(store, flushMs);
    const told: string[] = [];
    writer.onChange(({ job }) => told.push(job.answer));
    const job = streamingJob(store, writer);
    for (const word of ['Sea ', 'otters ', 'hold ', 'hands.']) {
      job.add(word);
      writer.flush();
    }
    expect(stored(db, job.id)).toEqual({ column: '', chunks: 4 });
    expect(store.get(job.id)).toMatchObject({ answer: 'Sea otters hold hands.', cursor: 4 });
    expect(told).toEqual(['Sea ', 'Sea otters ', 'Sea otters hold ', 'Sea otters hold hands.']);
    writer.close();
  });

  it('loses nothing when a flush rolls back: the next one writes the whole text', () => {
    const { store } = databases.store();
    const writer = new JobWriter(store, flushMs);
    const job = streamingJob(store, writer);
    job.add('one ');
    writer.flush();
    job.add('two ');
    // The flush's transaction fails after its append was taken (a full disk, a lock).
    writer.stage(job.id, () => {
      job.fold.streamingWrite();
      throw new Error('SQLITE_FULL');
    });
    expect(() => writer.flush()).toThrow('SQLITE_FULL');
    expect(store.get(job.id)).toMatchObject({ answer: 'one ', cursor: 1 });
    job.add('three');
    writer.flush();
    expect(store.get(job.id)).toMatchObject({ answer: 'one two three', cursor: 3 });
    writer.close();
  });

  it('writes a newer whole text over a staged append, never that append onto it', () => {
    const { store } = databases.store();
    const writer = new JobWriter(store, flushMs);
    const job = sampleJob({ status: 'in_progress' });
    store.insert(job);
    writer.write(job.id, { answer: 'abc', answerAppend: { from: 0, text: 'abc' } });
    writer.stage(job.id, () => ({
      patch: { answer: 'abcX', answerAppend: { from: 3, text: 'X' } },
    }));
    // Same length as the staged text: only the append's pairing tells them apart.
    expect(writer.write(job.id, { answer: 'abcY' }).answer).toBe('abcY');
    expect(store.get(job.id)?.answer).toBe('abcY');
    writer.close();
  });
});

describe('JobWriter search indexing', () => {
  const settle = (writer: JobWriter, id: string) =>
    writer.write(id, { status: 'completed', answer: 'Penguins live in the south.' });

  it('indexes a settled text after the write that settled it, in a transaction of its own', async () => {
    const { store } = databases.store();
    const writer = new JobWriter(store, flushMs);
    const job = streamingJob(store, writer);
    job.add('Penguins ');
    writer.flush();
    settle(writer, job.id);
    const written = writer.transactions;
    expect(store.search('penguins south')).toEqual([]);
    await vi.advanceTimersByTimeAsync(flushMs);
    expect(store.search('penguins south').map((hit) => hit.id)).toEqual([job.id]);
    expect(writer.transactions).toBe(written + 1);
    writer.close();
  });

  it('waits indexDelayMs after the settling write when given one (the engine waits 2 s)', async () => {
    const { store } = databases.store();
    const writer = new JobWriter(store, flushMs, { indexDelayMs: 2_000 });
    const job = sampleJob({ status: 'in_progress' });
    store.insert(job);
    settle(writer, job.id);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(store.search('penguins')).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(store.search('penguins').map((hit) => hit.id)).toEqual([job.id]);
    writer.close();
  });

  it('indexes at once when asked (before a search) and when closing', () => {
    const { store } = databases.store();
    const writer = new JobWriter(store, flushMs);
    const first = sampleJob({ status: 'in_progress' });
    const second = sampleJob({ status: 'in_progress' });
    store.insert(first);
    store.insert(second);
    settle(writer, first.id);
    writer.indexSettled();
    expect(store.search('penguins').map((hit) => hit.id)).toEqual([first.id]);
    settle(writer, second.id);
    writer.close();
    expect(store.search('penguins')).toHaveLength(2);
  });

  it('after a crash between the settling write and its indexing, the next writer indexes it', async () => {
    const { store, db, dataDir } = databases.store();
    const writer = new JobWriter(store, flushMs);
    const job = sampleJob({ status: 'in_progress' });
    store.insert(job);
    settle(writer, job.id);
    // Killed: the writer never indexed nor closed, its timers died with it.
    vi.clearAllTimers();
    db.close();

    const reopened = new JobStore(databases.open(dataDir));
    expect(reopened.unindexedSettled()).toEqual([job.id]);
    expect(reopened.search('penguins')).toEqual([]);
    const next = new JobWriter(reopened, flushMs);
    await vi.advanceTimersByTimeAsync(flushMs);
    expect(reopened.search('penguins').map((hit) => hit.id)).toEqual([job.id]);
    expect(reopened.unindexedSettled()).toEqual([]);
    next.close();
  });
});
