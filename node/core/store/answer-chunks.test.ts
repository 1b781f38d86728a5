// A running job's streamed text is stored as appended chunks (migration 12): what each write adds,
// never the whole text again. Every reader sees the same text as when the whole answer sat in its
// column: the job, the board's preview, and the search index once the job settled.
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/job.js';
import type { JobStore } from './job-store.js';
import type { Database } from './open-database.js';
import { sampleJob } from './test-support/sample-job.js';
import { useTestDatabases } from './test-support/test-databases.js';

const databases = useTestDatabases();

/** Appends `pieces` one write each, as the engine's flushes do; returns the whole text. */
function stream(store: JobStore, id: string, pieces: readonly string[], from = ''): string {
  let text = from;
  for (const piece of pieces) {
    const start = text.length;
    text += piece;
    store.update(
      id,
      { answer: text, answerAppend: { from: start, text: piece }, cursor: text.length },
      { indexLater: true },
    );
  }
  return text;
}

function running(store: JobStore, overrides: Partial<Job> = {}): Job {
  const job = sampleJob({ status: 'in_progress', ...overrides });
  store.insert(job);
  return job;
}

function storedColumns(db: Database, id: string) {
  return db
    .prepare<[string], { answer: string; reasoning_summary: string; text_indexed: number }>(
      'SELECT answer, reasoning_summary, text_indexed FROM jobs WHERE id = ?',
    )
    .get(id);
}

function chunkCount(db: Database, id: string): number {
  return db
    .prepare<[string], number>('SELECT count(*) FROM answer_chunks WHERE job_id = ?')
    .pluck()
    .get(id) as number;
}

function previewOf(store: JobStore, id: string): string | undefined {
  return store.list({ limit: 500 }).jobs.find((job) => job.id === id)?.answerPreview;
}

/** Cuts `text` into pieces of `size` code points (a pair is never split, as deltas never are). */
function piecesOf(text: string, size: number): string[] {
  const points = Array.from(text);
  const pieces: string[] = [];
  for (let i = 0; i < points.length; i += size) pieces.push(points.slice(i, i + size).join(''));
  return pieces;
}

describe('a running job’s text', () => {
  it('is stored as one chunk per write, its column left empty, and read back whole', () => {
    const { store, db } = databases.store();
    const job = running(store);
    const text = stream(store, job.id, ['Infinitely ', 'many ', 'primes: ', 'ünï 🧠✨ e\u0301.']);
    expect(chunkCount(db, job.id)).toBe(4);
    expect(storedColumns(db, job.id)).toMatchObject({ answer: '', reasoning_summary: '' });
    expect(store.get(job.id)?.answer).toBe(text);
    expect(store.unfinished().find((j) => j.id === job.id)?.answer).toBe(text);
  });

  it('returns the written text without reading it back, and the summary beside it', () => {
    const { store } = databases.store();
    const job = running(store);
    stream(store, job.id, ['a', 'b']);
    const written = store.update(
      job.id,
      {
        answer: 'abc',
        answerAppend: { from: 2, text: 'c' },
        reasoningSummary: 'why',
        summaryAppend: { from: 0, text: 'why' },
      },
      { indexLater: true },
    );
    expect(written).toMatchObject({ answer: 'abc', reasoningSummary: 'why' });
    // A write without text (a status) reads the text back, chunks included.
    expect(store.update(job.id, { status: 'reconnecting' })).toMatchObject({
      answer: 'abc',
      reasoningSummary: 'why',
    });
    expect(store.get(job.id)).toMatchObject({ answer: 'abc', reasoningSummary: 'why' });
  });

  it('is written whole when an append does not follow what is stored', () => {
    const { store, db } = databases.store();
    const job = running(store);
    stream(store, job.id, ['one ', 'two ']);
    // A write that was rolled back took "three " with it: the next append starts past the end.
    store.update(
      job.id,
      { answer: 'one two three four', answerAppend: { from: 14, text: 'four' } },
      { indexLater: true },
    );
    expect(store.get(job.id)?.answer).toBe('one two three four');
    expect(chunkCount(db, job.id)).toBe(1);
    // An append whose text is not the rest of the whole text is not trusted either.
    store.update(
      job.id,
      { answer: 'one two three four five', answerAppend: { from: 18, text: ' six' } },
      { indexLater: true },
    );
    expect(store.get(job.id)?.answer).toBe('one two three four five');
    // Appends follow again from there.
    expect(stream(store, job.id, [' six'], 'one two three four five')).toBe(
      store.get(job.id)?.answer,
    );
    expect(chunkCount(db, job.id)).toBe(2);
  });

  it('never splits a surrogate pair between chunks (SQLite would store U+FFFD for each half)', () => {
    const { store } = databases.store();
    const job = running(store);
    const brain = '🧠';
    stream(store, job.id, ['think ', brain.slice(0, 1)]);
    const text = stream(store, job.id, [brain.slice(1), ' done'], `think ${brain.slice(0, 1)}`);
    expect(text).toBe(`think ${brain} done`);
    expect(store.get(job.id)?.answer).toBe(text);
  });

  it('is compacted into its column by the write that settles the job, chunks deleted', () => {
    const { store, db } = databases.store();
    const streamed = running(store);
    const failed = running(store);
    stream(store, streamed.id, ['The ', 'server ', 'has ']);
    const text = stream(store, failed.id, ['Kept ', 'as ', 'streamed.']);
    // The server's final text replaces the streamed one...
    store.update(
      streamed.id,
      { status: 'completed', answer: 'The server has the last word.' },
      { indexLater: true },
    );
    // ... and a failure without output keeps what streamed (no text in the patch).
    const ended = store.update(failed.id, { status: 'failed', error: { code: 'x', message: 'y' } });
    expect(ended.answer).toBe(text);
    expect(storedColumns(db, streamed.id)?.answer).toBe('The server has the last word.');
    expect(storedColumns(db, failed.id)?.answer).toBe(text);
    expect(chunkCount(db, streamed.id) + chunkCount(db, failed.id)).toBe(0);
    expect(store.get(failed.id)?.answer).toBe(text);
  });

  it('moves back into chunks when a settled job runs again (an unknown job attached)', () => {
    const { store, db } = databases.store();
    const job = sampleJob({ status: 'unknown', answer: 'Before.' });
    store.insert(job);
    store.update(job.id, { status: 'in_progress' }, { indexLater: true });
    expect(storedColumns(db, job.id)?.answer).toBe('');
    expect(store.get(job.id)?.answer).toBe('Before.');
    expect(stream(store, job.id, [' After.'], 'Before.')).toBe(store.get(job.id)?.answer);
    expect(chunkCount(db, job.id)).toBe(2);
  });

  it('goes with its job when the job is deleted', () => {
    const { store, db } = databases.store();
    const job = running(store);
    stream(store, job.id, ['a', 'b']);
    store.update(job.id, { status: 'cancelled' });
    store.delete(job.id);
    expect(db.prepare('SELECT count(*) FROM answer_chunks').pluck().get()).toBe(0);
  });
});

describe('the board’s preview of a running job', () => {
  const texts: Array<[string, string, number]> = [
    ['a short answer', 'A short answer in three pieces.', 11],
    ['whitespace runs, past the head', 'Lorem  ipsum\n\n dolor\tsit amet. '.repeat(40), 7],
    ['exactly 400 characters', 'x'.repeat(400), 33],
    ['401 characters', 'x'.repeat(401), 33],
    ['400 emoji, 800 code units', '🧠'.repeat(400), 3],
    ['400 emoji and one more letter', `${'🧠'.repeat(400)}!`, 3],
    ['one long first chunk', 'word '.repeat(2000), 10_000],
  ];

  it.each(texts)('is byte-identical to a whole answer’s: %s', (_name, text, size) => {
    const { store } = databases.store();
    const job = running(store);
    stream(store, job.id, piecesOf(text, size));
    const whole = sampleJob({ status: 'completed', answer: text });
    store.insert(whole);
    expect(store.get(job.id)?.answer).toBe(text);
    expect(previewOf(store, job.id)).toBe(previewOf(store, whole.id));
  });

  it('reads a running job whose text came whole (a first write), then appends', () => {
    const { store } = databases.store();
    const head = 'é'.repeat(900);
    const job = running(store, { answer: head });
    stream(store, job.id, ['and', ' more'], head);
    const whole = sampleJob({ status: 'completed', answer: `${head}and more` });
    store.insert(whole);
    expect(previewOf(store, job.id)).toBe(previewOf(store, whole.id));
  });
});

describe('search of text written with indexLater', () => {
  const expectIndexInStep = (db: Database) =>
    expect(() =>
      db.prepare("INSERT INTO job_search (job_search, rank) VALUES ('integrity-check', 1)").run(),
    ).not.toThrow();

  it('finds a settled answer once indexSettledText ran, in a later transaction of its own', () => {
    const { store, db } = databases.store();
    const job = running(store, { title: 'Walrus' });
    stream(store, job.id, ['Penguins ', 'live ']);
    store.update(
      job.id,
      { status: 'completed', answer: 'Penguins live in the south.' },
      { indexLater: true },
    );
    expect(store.search('walrus').map((hit) => hit.id)).toEqual([job.id]);
    expect(store.search('penguins')).toEqual([]);
    expect(store.unindexedSettled()).toEqual([job.id]);
    expectIndexInStep(db);

    expect(store.indexSettledText(job.id)).toBe(true);
    expect(store.indexSettledText(job.id)).toBe(false); // once
    expect(store.search('penguins south').map((hit) => hit.id)).toEqual([job.id]);
    expect(store.unindexedSettled()).toEqual([]);
    expect(storedColumns(db, job.id)?.text_indexed).toBe(1);
    expectIndexInStep(db);
  });

  it('keeps the index in step through deletes and rewrites of a job waiting for it', () => {
    const { store, db } = databases.store();
    const waiting = running(store);
    const indexed = running(store);
    for (const job of [waiting, indexed]) {
      store.update(job.id, { status: 'completed', answer: 'Narwhal tusks.' }, { indexLater: true });
    }
    store.indexSettledText(indexed.id);
    // The server's second word on a settled job (a cancel that completed after all).
    store.update(indexed.id, { status: 'completed', answer: 'Orca pods.' }, { indexLater: true });
    expect(store.search('narwhal')).toEqual([]);
    expectIndexInStep(db);
    store.delete(waiting.id);
    expectIndexInStep(db);
    store.indexSettledText(indexed.id);
    expect(store.search('orca').map((hit) => hit.id)).toEqual([indexed.id]);
    expectIndexInStep(db);
  });

  it('without indexLater, indexes at once, as every write did before', () => {
    const { store } = databases.store();
    const job = running(store);
    stream(store, job.id, ['Krill ']);
    store.update(job.id, { status: 'completed' });
    expect(store.search('krill').map((hit) => hit.id)).toEqual([job.id]);
    expect(store.unindexedSettled()).toEqual([]);
  });
});
