// An open job view against a real QueryClient while events and fetches overlap: whatever order
// they come in, the view ends with the job the backend holds, never a newer status over older text.
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { JobDetail } from '../../../shared/ipc/contract.js';
import type { MullApi } from '../../../shared/ipc/envelope.js';
import type { Job, JobStatus } from '../../../shared/job.js';
import { summaryOf } from '../../../shared/job-summary.js';
import { fullJob } from '../test-support/job-summaries.js';
import { jobCachePatcherFor } from './job-cache-patcher.js';
import { jobDetailQuery } from './use-job-detail.js';
import { queryKeys } from './query-keys.js';

/** The backend's job as it moves on; each `jobs:get` is answered when the test lets it. */
function backendWithHeldAnswers() {
  let stored: Job = fullJob({ id: 'a', status: 'in_progress', revision: 1 }, { answer: '' });
  const held: Array<{ job: Job; answer: (detail: JobDetail) => void }> = [];
  const api = {
    invoke: (channel: string) => {
      if (channel !== 'jobs:get') throw new Error(`unexpected ${channel}`);
      // Served now (what the backend holds at this moment), delivered when released.
      const job = stored;
      return new Promise<JobDetail>((answer) => held.push({ job, answer }));
    },
  } as unknown as MullApi;
  return {
    api,
    advance(status: JobStatus, answer: string) {
      stored = { ...stored, status, answer, revision: stored.revision + 1 };
      return stored;
    },
    pending: () => held.length,
    async releaseNext() {
      const next = held.shift();
      if (!next) throw new Error('no jobs:get is out');
      next.answer({ job: next.job, events: [], thread: [summaryOf(next.job)], items: [] });
      // Let React Query take the answer (and start any fetch it leads to).
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

function openView(backend: ReturnType<typeof backendWithHeldAnswers>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const observer = new QueryObserver(queryClient, jobDetailQuery(backend.api, queryClient, 'a'));
  const stop = observer.subscribe(() => undefined);
  const shown = () => queryClient.getQueryData<JobDetail>(queryKeys.jobDetail('a'))?.job;
  return { patcher: jobCachePatcherFor(queryClient), shown, stop };
}

/** The `jobs:text` of an answer that gained `append` at `from`. */
const answerText = (revision: number, from: number, append: string) => ({
  id: 'a',
  revision,
  answer: { from, append },
  reasoningSummary: { from: 0, append: '' },
});

describe('an open job view', () => {
  it('fetches again when the job ends while a fetch is out, and shows the whole answer', async () => {
    const backend = backendWithHeldAnswers();
    const view = openView(backend);
    await backend.releaseNext();
    expect(view.shown()?.revision).toBe(1);

    // Text the view missed (its event came with a gap): a fetch goes out, served at revision 2.
    const streaming = backend.advance('in_progress', 'Hello');
    view.patcher.text(answerText(streaming.revision, 3, 'lo'));
    expect(backend.pending()).toBe(1);

    // The job ends while that fetch is out; its summary comes without text (another process
    // drives it, or its text event was the one missed).
    const done = backend.advance('completed', 'Hello, world.');
    view.patcher.changed(summaryOf(done));
    await backend.releaseNext();

    // The answer to the fetch that was out is older than the summary: the view asks once more.
    expect(backend.pending()).toBe(1);
    await backend.releaseNext();
    expect(view.shown()).toMatchObject({ status: 'completed', answer: 'Hello, world.' });
    expect(backend.pending()).toBe(0);
    view.stop();
  });

  it('a job that moves ahead of every fetch is still shown whole once it ends', async () => {
    const backend = backendWithHeldAnswers();
    const view = openView(backend);
    await backend.releaseNext();
    // A summary newer than the view sends a fetch out; while each fetch is out the job moves on again, and it ends
    // during the last one the view makes in a row.
    let text = 'a';
    view.patcher.changed(summaryOf(backend.advance('in_progress', text)));
    for (let fetches = 0; fetches < 4; fetches++) {
      expect(backend.pending()).toBe(1);
      text += 'b';
      view.patcher.changed(
        summaryOf(backend.advance(fetches < 3 ? 'in_progress' : 'completed', text)),
      );
      await backend.releaseNext();
    }
    // Shown for now, and asked for once more (on the next turn): the end, with its whole answer.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(backend.pending()).toBe(1);
    while (backend.pending() > 0) await backend.releaseNext();
    expect(view.shown()).toMatchObject({ status: 'completed', answer: text });
    view.stop();
  });

  it('asks no more than it needs when the events and the answers agree', async () => {
    const backend = backendWithHeldAnswers();
    const view = openView(backend);
    await backend.releaseNext();
    const streaming = backend.advance('in_progress', 'Hi');
    view.patcher.text(answerText(streaming.revision, 0, 'Hi'));
    view.patcher.changed(summaryOf(streaming));
    expect(view.shown()).toMatchObject({ answer: 'Hi', revision: 2 });
    expect(backend.pending()).toBe(0);
    view.stop();
  });
});
