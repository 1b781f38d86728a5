import { describe, expect, it } from 'vitest';
import { serverQueueNote } from './server-queue.js';

const queued = {
  status: 'polling' as const,
  serverStatus: 'queued',
  responseId: 'resp_1',
  submittedAt: 0,
};

describe('serverQueueNote', () => {
  it('says how long the server has queued a job, past a minute', () => {
    expect(serverQueueNote(queued, 30_000)).toBeNull();
    expect(serverQueueNote(queued, 12 * 60_000 + 5_000)).toBe('Queued on the server for 12 min');
    expect(serverQueueNote(queued, 60 * 60_000)).toBe('Queued on the server for 1 h');
    expect(serverQueueNote(queued, 95 * 60_000)).toBe('Queued on the server for 1 h 35 min');
  });

  it('says nothing once the server runs it, or once the job is settled', () => {
    expect(serverQueueNote({ ...queued, serverStatus: 'in_progress' }, 20 * 60_000)).toBeNull();
    expect(serverQueueNote({ ...queued, status: 'completed' }, 20 * 60_000)).toBeNull();
    expect(serverQueueNote({ ...queued, responseId: null }, 20 * 60_000)).toBeNull();
  });
});
