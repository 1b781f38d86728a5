// A finished job's notification says the first line of its whole answer (read from the engine, not
// the summary's preview) and opens the job on a click; none is shown when they are turned off.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventChannel, EventOf } from '../../shared/ipc/contract.js';
import type { Job } from '../../shared/job.js';
import { summaryOf } from '../../shared/job-summary.js';
import type { EventListener, HostBackend } from '../../node/backend/backend.js';
import { fullJob } from '../../renderer/src/test-support/job-summaries.js';

const shown: FakeNotification[] = [];

class FakeNotification {
  readonly handlers = new Map<string, (...args: unknown[]) => void>();
  closed = false;
  constructor(readonly options: { title: string; body: string }) {
    shown.push(this);
  }
  static isSupported() {
    return true;
  }
  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, handler);
    return this;
  }
  show() {}
  close() {
    this.closed = true;
  }
}

vi.mock('electron', () => ({ Notification: FakeNotification }));

const { notifyTerminalJobs } = await import('./job-notifications.js');

function fakeBackend(jobs: Job[]) {
  const listeners = new Set<EventListener>();
  const backend = {
    dispatch: (channel: string, payload: { id: string }) => {
      const job = channel === 'jobs:get' ? jobs.find((j) => j.id === payload.id) : undefined;
      return Promise.resolve(
        job ? { ok: true, value: { job } } : { ok: false, error: { code: 'NOT_FOUND' } },
      );
    },
    onEvent: (listener: EventListener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as HostBackend;
  const emit = <E extends EventChannel>(event: E, payload: EventOf<E>) => {
    for (const listener of listeners) listener(event, payload);
  };
  return { backend, emit };
}

const job = fullJob(
  { id: 'job-7', title: 'Prove the lemma', status: 'completed', responseId: 'resp_7' },
  { answer: '**Yes.** The lemma holds.\n\nHere is why: a very long proof follows.' },
);

/** Lets the notifier's reads (a dispatch each) answer: the backend answers in a later turn. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => {
  shown.length = 0;
});

describe('notifyTerminalJobs', () => {
  it('says the answer’s first line and opens the job on a click', async () => {
    const { backend, emit } = fakeBackend([job]);
    const showJob = vi.fn();
    const stop = notifyTerminalJobs({ backend, enabled: () => true, showJob, log: vi.fn() });
    emit('jobs:terminal', { job: summaryOf(job) });
    await settled();

    expect(shown).toHaveLength(1);
    expect(shown[0]?.options).toEqual({
      title: 'Answer ready: Prove the lemma',
      body: 'Yes. The lemma holds.',
    });
    shown[0]?.handlers.get('click')?.();
    expect(showJob).toHaveBeenCalledWith('job-7');
    stop();
  });

  it('shows nothing when notifications are off, and closes what is open when stopped', async () => {
    const { backend, emit } = fakeBackend([job]);
    let enabled = false;
    const stop = notifyTerminalJobs({
      backend,
      enabled: () => enabled,
      showJob: vi.fn(),
      log: vi.fn(),
    });
    emit('jobs:terminal', { job: summaryOf(job) });
    await settled();
    expect(shown).toHaveLength(0);
    enabled = true;
    emit('jobs:terminal', { job: summaryOf(job) });
    await settled();
    expect(shown).toHaveLength(1);
    stop();
    expect(shown[0]?.closed).toBe(true);
  });

  it('says when the month’s spend reaches the budget, with the amounts', async () => {
    const { backend, emit } = fakeBackend([job]);
    const showJob = vi.fn();
    const stop = notifyTerminalJobs({ backend, enabled: () => true, showJob, log: vi.fn() });
    emit('budget:reached', { percent: 80, spentUsd: 8.4, budgetUsd: 10 });
    await settled();
    expect(shown[0]?.options).toEqual({
      title: '80 % of the monthly budget spent',
      body: '$8.40 of $10.00 spent this month. A job past the budget asks before it is sent.',
    });
    shown[0]?.handlers.get('click')?.();
    expect(showJob).not.toHaveBeenCalled();
    stop();
  });
});
