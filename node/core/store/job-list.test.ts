// Listing jobs for the board: filters, sort orders, keyset paging and the summary rows.
import { describe, expect, it } from 'vitest';
import type { JobQuery } from '../../../shared/job-query.js';
import type { JobStore } from './job-store.js';
import { InvalidCursorError } from './store-errors.js';
import { sampleJob } from './test-support/sample-job.js';
import { useTestDatabases } from './test-support/test-databases.js';

const databases = useTestDatabases();

function listedIds(store: JobStore, query: JobQuery): string[] {
  return store.list(query).jobs.map((job) => job.id);
}

/** Every page of a query, followed through its cursors. */
function allPages(store: JobStore, query: JobQuery): string[][] {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const page = store.list({ ...query, cursor });
    pages.push(page.jobs.map((job) => job.id));
    cursor = page.nextCursor;
  } while (cursor !== null);
  return pages;
}

function boardStore(): JobStore {
  const { store } = databases.store();
  store.insert(
    sampleJob({ id: 'a', status: 'completed', model: 'o3-pro', createdAt: 100, updatedAt: 600 }),
  );
  store.insert(
    sampleJob({
      id: 'b',
      status: 'in_progress',
      model: 'gpt-5-pro',
      createdAt: 200,
      updatedAt: 300,
    }),
  );
  store.insert(
    sampleJob({
      id: 'c',
      status: 'failed',
      model: 'gpt-5-pro',
      createdAt: 300,
      updatedAt: 400,
      threadId: 'a',
      parentId: 'a',
    }),
  );
  store.insert(
    sampleJob({
      id: 'd',
      status: 'completed',
      model: 'gpt-5-pro',
      createdAt: 400,
      updatedAt: 500,
      threadId: 'a',
      parentId: 'c',
    }),
  );
  store.insert(
    sampleJob({ id: 'e', status: 'pending', model: 'o3-pro', createdAt: 500, updatedAt: 500 }),
  );
  return store;
}

describe('list', () => {
  it('lists every job, newest first by default, with the total', () => {
    const store = boardStore();
    const page = store.list();
    expect(page.jobs.map((job) => job.id)).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(page.total).toBe(5);
    expect(page.nextCursor).toBeNull();
  });

  it('filters by statuses, model and thread, combined', () => {
    const store = boardStore();
    expect(listedIds(store, { statuses: ['completed', 'failed'] })).toEqual(['d', 'c', 'a']);
    expect(listedIds(store, { statuses: [] })).toHaveLength(5);
    expect(listedIds(store, { model: 'o3-pro' })).toEqual(['e', 'a']);
    // A thread's first job belongs to it too.
    expect(listedIds(store, { threadId: 'a' })).toEqual(['d', 'c', 'a']);
    const combined = store.list({ statuses: ['completed'], model: 'gpt-5-pro', threadId: 'a' });
    expect(combined.jobs.map((job) => job.id)).toEqual(['d']);
    expect(combined.total).toBe(1);
  });

  it('filters by text, and finds nothing for punctuation only', () => {
    const { store } = databases.store();
    store.insert(sampleJob({ id: 'x', answer: 'Quaternions rotate things.' }));
    store.insert(sampleJob({ id: 'y', prompt: 'What are quaternions?' }));
    store.insert(sampleJob({ id: 'z', answer: 'Octonions.' }));
    expect(listedIds(store, { text: 'quatern', sort: 'createdAt', direction: 'asc' })).toEqual([
      'x',
      'y',
    ]);
    expect(store.list({ text: '?!', statuses: ['pending'] })).toEqual({
      jobs: [],
      total: 0,
      nextCursor: null,
    });
    expect(listedIds(store, { text: '   ' })).toHaveLength(3);
  });

  it('sorts by createdAt or updatedAt, either way', () => {
    const store = boardStore();
    expect(listedIds(store, { sort: 'createdAt', direction: 'asc' })).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
    ]);
    expect(listedIds(store, { sort: 'updatedAt', direction: 'desc' })).toEqual([
      'a',
      'e',
      'd',
      'c',
      'b',
    ]);
    expect(listedIds(store, { sort: 'updatedAt', direction: 'asc' })).toEqual([
      'b',
      'c',
      'd',
      'e',
      'a',
    ]);
  });

  it('pages through every job exactly once, ties on the sort key included', () => {
    const { store } = databases.store();
    for (let i = 0; i < 23; i++) {
      store.insert(
        sampleJob({ id: `job-${String(i).padStart(2, '0')}`, createdAt: 1000 + Math.floor(i / 4) }),
      );
    }
    for (const direction of ['asc', 'desc'] as const) {
      const pages = allPages(store, { limit: 5, direction });
      expect(pages.map((page) => page.length)).toEqual([5, 5, 5, 5, 3]);
      const ids = pages.flat();
      expect(new Set(ids).size).toBe(23);
      expect(ids).toEqual(direction === 'asc' ? [...ids].sort() : [...ids].sort().reverse());
    }
    expect(store.list({ limit: 5 }).total).toBe(23);
  });

  it('keeps paging steady while new jobs arrive', () => {
    const store = boardStore();
    const first = store.list({ limit: 2 });
    expect(first.jobs.map((job) => job.id)).toEqual(['e', 'd']);
    store.insert(sampleJob({ id: 'newest', createdAt: 900 }));
    const second = store.list({ limit: 2, cursor: first.nextCursor });
    expect(second.jobs.map((job) => job.id)).toEqual(['c', 'b']);
  });

  it('pages a filtered, text-searched list', () => {
    const { store } = databases.store();
    for (let i = 0; i < 7; i++) {
      store.insert(sampleJob({ id: `hit-${i}`, answer: `topology ${i}`, createdAt: i }));
      store.insert(sampleJob({ id: `miss-${i}`, answer: `algebra ${i}`, createdAt: i }));
    }
    const pages = allPages(store, { text: 'topology', limit: 3 });
    expect(pages.flat()).toEqual(['hit-6', 'hit-5', 'hit-4', 'hit-3', 'hit-2', 'hit-1', 'hit-0']);
    expect(store.list({ text: 'topology', limit: 3 }).total).toBe(7);
  });

  it('rejects a cursor that is garbage or from another sort order', () => {
    const store = boardStore();
    const { nextCursor } = store.list({ limit: 2, sort: 'createdAt' });
    expect(nextCursor).not.toBeNull();
    expect(() => store.list({ cursor: nextCursor, sort: 'updatedAt' })).toThrow(InvalidCursorError);
    expect(() => store.list({ cursor: nextCursor, direction: 'asc' })).toThrow(InvalidCursorError);
    expect(() => store.list({ cursor: 'not-a-cursor' })).toThrow(InvalidCursorError);
  });

  it('rejects an invalid query', () => {
    const store = boardStore();
    expect(() => store.list({ limit: 0 })).toThrow();
    expect(() => store.list({ statuses: ['bogus' as 'pending'] })).toThrow();
  });

  it('returns summaries: no text bodies, a short plain answer preview', () => {
    const { store } = databases.store();
    const short = sampleJob({ answer: '# Result\n\n  The   answer is **42**.\n', createdAt: 2 });
    const long = sampleJob({ answer: `${'word '.repeat(300)}end`, createdAt: 1 });
    store.insert(short);
    store.insert(long);
    const [shortSummary, longSummary] = store.list().jobs;
    expect(shortSummary).not.toHaveProperty('answer');
    expect(shortSummary).not.toHaveProperty('prompt');
    expect(shortSummary).not.toHaveProperty('reasoningSummary');
    expect(shortSummary).not.toHaveProperty('instructions');
    expect(shortSummary?.answerPreview).toBe('# Result The answer is **42**.');
    expect(shortSummary?.title).toBe(short.title);
    expect(longSummary?.answerPreview.length).toBe(200);
    expect(longSummary?.answerPreview.endsWith('…')).toBe(true);
  });

  it('cuts a preview without splitting an emoji', () => {
    const { store } = databases.store();
    store.insert(sampleJob({ answer: `${'a'.repeat(198)}😀😀😀` }));
    const preview = store.list().jobs[0]?.answerPreview ?? '';
    expect(preview).toBe(`${'a'.repeat(198)}…`);
  });
});
