// What a create writes, with the emulator over loopback: the job turns "submitting" only as its
// request's bytes leave (one durable write with submittedAt; before that nothing was sent, so a
// cancel sends nothing), and the server's first read, which names the response and starts it,
// is one write with both steps in the timeline. A mark that cannot be stored lets nothing leave.
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isSettled } from '../../../shared/job.js';
import { databasePathIn } from '../store/open-database.js';
import { testProviderId, useHarness } from './test-support/engine-harness.js';

const h = useHarness();

const submitOne = () => {
  const [job] = h.manager.submit({ prompt: 'Hello', model: 'gpt-5', providerId: testProviderId });
  if (!job) throw new Error('nothing was submitted');
  return job;
};

describe('the writes of a create', () => {
  it('marks a job submitting as its request leaves, then names and starts it in one write', async () => {
    const job = submitOne();
    const seen: Array<{ status: string; sent: boolean; named: boolean }> = [];
    const stop = h.manager.onChange(({ job: changed }) => {
      if (changed.id !== job.id) return;
      seen.push({
        status: changed.status,
        sent: changed.submittedAt !== null,
        named: changed.responseId !== null,
      });
    });
    await h.waitFor(job.id, (j) => j.status === 'completed');
    stop();
    expect(seen.slice(0, 2)).toEqual([
      { status: 'submitting', sent: true, named: false },
      { status: 'in_progress', sent: true, named: true },
    ]);
    expect(h.manager.events(job.id).map((event) => event.kind)).toEqual([
      'submitted',
      'created',
      'started',
      'finished',
    ]);
    expect(h.emulator.state.log.list({ kind: 'create' })).toHaveLength(1);
  });

  it('sends nothing for a job cancelled while its key is still being read', async () => {
    const keys = h.keys;
    const read = keys.get.bind(keys);
    let asked: () => void = () => undefined;
    const keyAsked = new Promise<void>((resolve) => (asked = resolve));
    let answer: () => void = () => undefined;
    const keyAnswered = new Promise<void>((resolve) => (answer = resolve));
    // A keychain slow to answer (it can take seconds to unlock).
    keys.get = async () => {
      asked();
      await keyAnswered;
      return read();
    };
    const job = submitOne();
    await keyAsked;
    expect(h.manager.mustGet(job.id).status).toBe('pending');
    const cancelled = h.manager.cancel(job.id);
    answer();
    const after = await cancelled;
    expect(isSettled(after.status)).toBe(true);
    expect(after.status).toBe('cancelled');
    expect(after.submittedAt).toBeNull();
    expect(h.manager.events(job.id).at(-1)?.detail).toBe('cancelled before it was sent');
    expect(h.emulator.state.log.list({ kind: 'create' })).toHaveLength(0);
  });

  it('sends nothing while the mark that it was sent cannot be stored, then sends it once', async () => {
    // The disk refuses the first mark: a trigger added through a second connection to the same
    // file fails the write, once (the job's first 'disconnected' entry lets the next one pass).
    const db = new BetterSqlite3(databasePathIn(h.dataDir));
    db.exec(`CREATE TRIGGER refuse_first_mark BEFORE UPDATE OF submitted_at ON jobs
      WHEN new.submitted_at IS NOT NULL AND NOT EXISTS
        (SELECT 1 FROM job_events WHERE job_id = new.id AND kind = 'disconnected')
      BEGIN SELECT RAISE(ABORT, 'the disk refused the write'); END`);
    db.close();
    const job = submitOne();
    const done = await h.waitFor(job.id, (j) => isSettled(j.status));
    expect(done.status).toBe('completed');
    const disconnected = h.manager.events(job.id).find((event) => event.kind === 'disconnected');
    expect(disconnected?.detail).toContain('the disk refused the write');
    // Nothing left with the refused mark: the server saw the one create sent after it.
    expect(h.emulator.state.log.list({ kind: 'create' })).toHaveLength(1);
  });
});
