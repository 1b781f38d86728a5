// The job store's reads and writes on a real database: round trips, revisions, the timeline,
// unfinished jobs, deletes and settings.
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/job.js';
import { JobNotFoundError } from './store-errors.js';
import { sampleJob } from './test-support/sample-job.js';
import { useTestDatabases } from './test-support/test-databases.js';

const databases = useTestDatabases();

function fakeClock(start = 2_000_000_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('insert and get', () => {
  it('round-trips every field, nulls included', () => {
    const { store } = databases.store();
    const bare = sampleJob();
    const full = sampleJob({
      instructions: 'Be brief.',
      effort: null,
      reasoningSummaryMode: null,
      maxOutputTokens: 4096,
      tools: {
        webSearch: true,
        codeInterpreter: false,
        vectorStoreIds: ['vs_1'],
        mcpServers: [{ label: 'docs', url: 'https://example.com/mcp', allowedTools: ['search'] }],
        maxToolCalls: 20,
      },
      status: 'completed',
      serverStatus: 'completed',
      responseId: 'resp_123',
      resolvedModel: 'gpt-5-pro-2025-10-06',
      cursor: 812,
      answer: 'There are infinitely many primes. ✅',
      reasoningSummary: 'Assume finitely many…',
      usage: {
        inputTokens: 12,
        cachedTokens: 3,
        outputTokens: 900,
        reasoningTokens: 700,
        totalTokens: 912,
      },
      cost: 1.2345,
      error: { code: 'server_error', message: 'The server failed.' },
      incompleteReason: 'max_output_tokens',
      retryOf: bare.id,
      parentId: bare.id,
      threadId: bare.id,
      submittedAt: 10,
      startedAt: 11,
      finishedAt: 12,
      revision: 7,
    });
    store.insert(bare);
    store.insert(full);
    expect(store.get(bare.id)).toEqual(bare);
    expect(store.get(full.id)).toEqual(full);
    expect(store.getByResponseId('resp_123')).toEqual(full);
  });

  it('returns undefined for unknown ids', () => {
    const { store } = databases.store();
    expect(store.get('nope')).toBeUndefined();
    expect(store.getByResponseId('resp_nope')).toBeUndefined();
  });

  it('refuses a second job with the same id or response id', () => {
    const { store } = databases.store();
    const job = sampleJob({ responseId: 'resp_1' });
    store.insert(job);
    expect(() => store.insert(job)).toThrow(/UNIQUE/);
    expect(() => store.insert(sampleJob({ responseId: 'resp_1' }))).toThrow(/UNIQUE/);
  });

  it('refuses a job that breaks the schema', () => {
    const { store } = databases.store();
    const bad = { ...sampleJob(), status: 'nonsense' } as unknown as Job;
    expect(() => store.insert(bad)).toThrow();
  });
});

describe('update', () => {
  it('writes the patch, raises the revision by one and sets updatedAt', () => {
    const clock = fakeClock();
    const { store } = databases.store({ now: clock.now });
    const job = sampleJob({ revision: 0 });
    store.insert(job);

    clock.advance(100);
    const first = store.update(job.id, { status: 'in_progress', responseId: 'resp_9' });
    expect(first).toEqual({
      ...job,
      status: 'in_progress',
      responseId: 'resp_9',
      revision: 1,
      updatedAt: clock.now(),
    });

    clock.advance(100);
    const second = store.update(job.id, { answer: 'Hello', cursor: 4 });
    expect(second.revision).toBe(2);
    expect(second.updatedAt).toBe(clock.now());
    expect(second.status).toBe('in_progress');
    expect(store.get(job.id)).toEqual(second);
  });

  it('writes usage and error whole, and clears them with null', () => {
    const { store } = databases.store();
    const job = sampleJob();
    store.insert(job);
    const usage = {
      inputTokens: 1,
      cachedTokens: 0,
      outputTokens: 2,
      reasoningTokens: 1,
      totalTokens: 3,
    };
    const error = { code: 'expired', message: 'The server no longer has this job.' };
    expect(store.update(job.id, { usage, error })).toMatchObject({ usage, error });
    expect(store.update(job.id, { usage: null, error: null })).toMatchObject({
      usage: null,
      error: null,
    });
  });

  it('ignores absent fields and changes nothing for an empty patch', () => {
    const { store } = databases.store();
    const job = sampleJob({ answer: 'kept' });
    store.insert(job);
    expect(store.update(job.id, { answer: undefined })).toEqual(job);
    expect(store.update(job.id, {})).toEqual(job);
  });

  it('does not let a patch set id, revision or updatedAt', () => {
    const clock = fakeClock();
    const { store } = databases.store({ now: clock.now });
    const job = sampleJob();
    store.insert(job);
    const sneaky = { cursor: 3, revision: 99, updatedAt: 5, id: 'other' } as Parameters<
      typeof store.update
    >[1];
    expect(store.update(job.id, sneaky)).toMatchObject({
      id: job.id,
      cursor: 3,
      revision: 1,
      updatedAt: clock.now(),
    });
  });

  it('throws JobNotFoundError for an unknown id', () => {
    const { store } = databases.store();
    expect(() => store.update('missing', { answer: 'x' })).toThrow(JobNotFoundError);
    expect(() => store.update('missing', {})).toThrow(JobNotFoundError);
  });

  it('rejects a value the Job schema forbids, writing nothing', () => {
    const { store } = databases.store();
    const job = sampleJob();
    store.insert(job);
    expect(() => store.update(job.id, { cursor: -5 })).toThrow();
    expect(store.get(job.id)).toEqual(job);
  });
});

describe('transaction', () => {
  it('commits the fold and its event together', () => {
    const { store } = databases.store();
    const job = sampleJob();
    store.insert(job);
    store.transaction(() => {
      store.update(job.id, { status: 'completed', answer: 'Done.' });
      store.appendEvent(job.id, 'finished', 'completed', 5);
    });
    expect(store.get(job.id)?.status).toBe('completed');
    expect(store.events(job.id)).toHaveLength(1);
  });

  it('rolls both back when the function throws, and returns its value otherwise', () => {
    const { store } = databases.store();
    const job = sampleJob();
    store.insert(job);
    expect(() =>
      store.transaction(() => {
        store.update(job.id, { answer: 'half' });
        store.appendEvent(job.id, 'anomaly', null, 1);
        throw new Error('crash');
      }),
    ).toThrow('crash');
    expect(store.get(job.id)).toEqual(job);
    expect(store.events(job.id)).toEqual([]);
    expect(store.transaction(() => 42)).toBe(42);
  });
});

describe('events', () => {
  it('lists a job’s events in the order they were appended', () => {
    const clock = fakeClock(500);
    const { store } = databases.store({ now: clock.now });
    const job = sampleJob();
    const other = sampleJob();
    store.insert(job);
    store.insert(other);
    store.appendEvent(job.id, 'submitted', null, 30);
    store.appendEvent(other.id, 'submitted', null, 31);
    store.appendEvent(job.id, 'disconnected', 'socket hang up', 20);
    store.appendEvent(job.id, 'reconnected');
    expect(store.events(job.id)).toEqual([
      { jobId: job.id, at: 30, kind: 'submitted', detail: null },
      { jobId: job.id, at: 20, kind: 'disconnected', detail: 'socket hang up' },
      { jobId: job.id, at: 500, kind: 'reconnected', detail: null },
    ]);
  });

  it('refuses an event for a job that does not exist', () => {
    const { store } = databases.store();
    expect(() => store.appendEvent('ghost', 'submitted', null, 1)).toThrow(/FOREIGN KEY/);
  });
});

describe('output items', () => {
  const message = (text: string) => ({
    type: 'message',
    id: 'msg_1',
    role: 'assistant',
    status: 'completed',
    content: [{ type: 'output_text', text, annotations: [] }],
  });
  const search = { type: 'web_search_call', id: 'ws_1', status: 'completed' };

  it('replaces the items with the final ones, dropping those past their end', () => {
    const { store } = databases.store();
    const job = sampleJob();
    store.insert(job);
    store.putItems(job.id, [
      { position: 0, item: search },
      { position: 1, item: message('Draft') },
      { position: 2, item: message('Extra') },
    ]);
    store.replaceItems(job.id, [search, message('Final answer')]);
    expect(store.items(job.id)).toEqual([search, message('Final answer')]);
  });

  it('writes nothing for an item stored as it is now (a long answer is not written twice)', () => {
    const { store, db } = databases.store();
    const job = sampleJob();
    store.insert(job);
    const long = message('x'.repeat(100_000));
    store.putItems(job.id, [
      { position: 0, item: search },
      { position: 1, item: long },
    ]);
    const changes = () => db.prepare('SELECT total_changes()').pluck().get() as number;
    const before = changes();
    store.putItems(job.id, [{ position: 1, item: long }]);
    expect(changes()).toBe(before);
    store.putItems(job.id, [{ position: 1, item: message('Changed') }]);
    expect(changes()).toBe(before + 1);
    expect(store.items(job.id)).toEqual([search, message('Changed')]);
  });
});

describe('delete', () => {
  it('removes the job and its events', () => {
    const { store, db } = databases.store();
    const job = sampleJob();
    const kept = sampleJob();
    store.insert(job);
    store.insert(kept);
    store.appendEvent(job.id, 'submitted', null, 1);
    store.appendEvent(kept.id, 'submitted', null, 1);

    expect(store.delete(job.id)).toBe(true);
    expect(store.get(job.id)).toBeUndefined();
    expect(store.events(job.id)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM job_events').pluck().get()).toBe(1);
    expect(store.events(kept.id)).toHaveLength(1);
    expect(store.delete(job.id)).toBe(false);
  });
});

describe('unfinished', () => {
  it('returns every job that is not settled, oldest first', () => {
    const { store } = databases.store();
    const statuses = [
      'polling',
      'completed',
      'pending',
      'unknown',
      'submitting',
      'failed',
      'queued',
      'in_progress',
      'reconnecting',
      'needs_key',
      'incomplete',
      'cancelled',
      'expired',
    ] as const;
    statuses.forEach((status, index) => {
      store.insert(sampleJob({ id: status, status, createdAt: 1000 - index }));
    });
    expect(store.unfinished().map((job) => job.id)).toEqual([
      'needs_key',
      'reconnecting',
      'in_progress',
      'queued',
      'submitting',
      'pending',
      'polling',
    ]);
  });
});

describe('settings', () => {
  it('stores JSON values by key and replaces them', () => {
    const { store } = databases.store();
    expect(store.getSetting('notifications')).toBeUndefined();
    store.setSetting('notifications', { enabled: true, sound: 'ping' });
    expect(store.getSetting('notifications')).toEqual({ enabled: true, sound: 'ping' });
    store.setSetting('notifications', false);
    expect(store.getSetting('notifications')).toBe(false);
    expect(() => store.setSetting('bad', undefined)).toThrow(TypeError);
  });
});

describe('uploaded files', () => {
  it('remembers the file id a provider gave a file, per provider, and forgets it when asked', () => {
    const clock = fakeClock();
    const { store, db } = databases.store({ now: clock.now });
    const sha = 'ab'.repeat(32);
    expect(store.uploadedFileId('openai', sha)).toBeUndefined();
    store.rememberUpload('openai', sha, 'file-first');
    expect(store.uploadedFileId('openai', sha)).toBe('file-first');
    expect(store.uploadedFileId('azure', sha)).toBeUndefined();
    clock.advance(1_000);
    store.rememberUpload('openai', sha, 'file-again'); // the latest upload wins
    expect(store.uploadedFileId('openai', sha)).toBe('file-again');
    expect(db.prepare('SELECT uploaded_at FROM uploaded_files').pluck().all()).toEqual([
      clock.now(),
    ]);
    store.rememberUpload('azure', sha, 'file-azure');
    store.forgetUploads('openai', [sha, 'cd'.repeat(32)]);
    expect(store.uploadedFileId('openai', sha)).toBeUndefined();
    expect(store.uploadedFileId('azure', sha)).toBe('file-azure');
  });
});
