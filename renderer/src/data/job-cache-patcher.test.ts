// The patcher against a real QueryClient: every kind of snapshot moves with the events.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { JobDetail } from '../../../shared/ipc/contract.js';
import type { Job } from '../../../shared/job.js';
import type { JobSearchHit } from '../../../shared/job-query.js';
import { type JobSummary } from '../../../shared/job-summary.js';
import { jobSummary } from '../test-support/job-summaries.js';
import { createJobCachePatcher } from './job-cache-patcher.js';
import { flattenJobPages, type JobListData } from './job-list-cache.js';
import { queryKeys, type BoardQuery } from './query-keys.js';

const everything: BoardQuery = { statuses: [], sort: 'createdAt', direction: 'desc' };
const running: BoardQuery = {
  statuses: ['queued', 'in_progress'],
  sort: 'createdAt',
  direction: 'desc',
};

function seeded() {
  const queryClient = new QueryClient();
  const first = jobSummary({ id: 'a', createdAt: 2_000, status: 'in_progress', revision: 3 });
  const list = (jobs = [first]): JobListData => ({
    pages: [{ jobs, total: jobs.length, nextCursor: null }],
    pageParams: [null],
  });
  queryClient.setQueryData(queryKeys.jobList(everything), list());
  queryClient.setQueryData(queryKeys.jobList(running), list());
  const { answerPreview: _preview, ...fields } = first;
  const job: Job = {
    ...fields,
    prompt: 'p',
    instructions: null,
    answer: 'x',
    reasoningSummary: '',
  };
  queryClient.setQueryData<JobDetail>(queryKeys.jobDetail('a'), {
    job,
    events: [],
    thread: [first],
    items: [],
  });
  queryClient.setQueryData<JobSearchHit[]>(queryKeys.jobSearch('x', 50), [
    { id: 'a', title: first.title, snippet: [] },
  ]);
  return { queryClient, patcher: createJobCachePatcher(queryClient), first };
}

const listIds = (queryClient: QueryClient, query: BoardQuery) =>
  flattenJobPages(queryClient.getQueryData<JobListData>(queryKeys.jobList(query))).map(
    (job) => job.id,
  );

describe('job cache patcher', () => {
  it('applies a newer revision to every list, by each list’s own filter', () => {
    const { queryClient, patcher, first } = seeded();
    patcher.changed({ ...first, status: 'completed', revision: 4 });
    expect(listIds(queryClient, everything)).toEqual(['a']);
    expect(listIds(queryClient, running)).toEqual([]);
  });

  it('ignores an older revision arriving late', () => {
    const { queryClient, patcher, first } = seeded();
    patcher.changed({ ...first, status: 'completed', revision: 4 });
    patcher.changed({ ...first, status: 'in_progress', revision: 3 });
    const [job] = flattenJobPages(
      queryClient.getQueryData<JobListData>(queryKeys.jobList(everything)),
    );
    expect(job?.status).toBe('completed');
  });

  it('adds a follow-up to the open job’s thread and a new job to the lists', () => {
    const { queryClient, patcher } = seeded();
    const followUp = jobSummary({ id: 'b', threadId: 'a', parentId: 'a', createdAt: 3_000 });
    patcher.changed(followUp);
    const detail = queryClient.getQueryData<JobDetail>(queryKeys.jobDetail('a'));
    expect(detail?.thread.map((job) => job.id)).toEqual(['a', 'b']);
    expect(listIds(queryClient, everything)).toEqual(['b', 'a']);
    expect(listIds(queryClient, running)).toEqual(['b', 'a']);
  });

  it('keeps search hits’ titles current', () => {
    const { queryClient, patcher, first } = seeded();
    patcher.changed({ ...first, title: 'Renamed', revision: 9 });
    expect(queryClient.getQueryData<JobSearchHit[]>(queryKeys.jobSearch('x', 50))?.[0]?.title).toBe(
      'Renamed',
    );
  });

  it('removes a deleted job everywhere, and a late change does not bring it back', () => {
    const { queryClient, patcher, first } = seeded();
    patcher.deleted('a');
    expect(listIds(queryClient, everything)).toEqual([]);
    expect(queryClient.getQueryData(queryKeys.jobDetail('a'))).toBeUndefined();
    expect(queryClient.getQueryData<JobSearchHit[]>(queryKeys.jobSearch('x', 50))).toEqual([]);
    patcher.changed({ ...first, revision: 10 });
    expect(listIds(queryClient, everything)).toEqual([]);
  });
});

describe('one source of truth for a job view', () => {
  it('appends pushed text in order and asks again on a gap', () => {
    const { queryClient, patcher } = seeded();
    const detail = () => queryClient.getQueryData<JobDetail>(queryKeys.jobDetail('a'));
    const text = (revision: number, from: number, append: string) => ({
      id: 'a',
      revision,
      answer: { from, append },
      reasoningSummary: { from: 0, append: '' },
    });
    patcher.text(text(4, 1, 'yz'));
    expect(detail()?.job).toMatchObject({ answer: 'xyz', revision: 4 });
    patcher.text(text(4, 3, 'again')); // already applied
    expect(detail()?.job.answer).toBe('xyz');
    expect(patcher.needsFetch('a')).toBe(false);
    patcher.text(text(6, 10, 'lost')); // revision 5 never came
    expect(detail()?.job.answer).toBe('xyz');
    expect(patcher.needsFetch('a')).toBe(true);
  });

  it('moves a closed view’s job to a newer summary, and marks it to be fetched as it opens', () => {
    const { queryClient, patcher, first } = seeded();
    patcher.changed({ ...first, status: 'completed', revision: 9, cost: 0.5 });
    const { job } = queryClient.getQueryData<JobDetail>(queryKeys.jobDetail('a')) as JobDetail;
    expect(job).toMatchObject({ status: 'completed', revision: 9, cost: 0.5, answer: 'x' });
    expect(patcher.needsFetch('a')).toBe(true);
    expect(patcher.newestRevision('a')).toBe(9);
  });

  it('keeps an open comparison current: a member’s newer revision replaces it, a deleted one goes', () => {
    const queryClient = new QueryClient();
    const patcher = createJobCachePatcher(queryClient);
    const a = jobSummary({ id: 'a', groupId: 'g', status: 'in_progress', revision: 2 });
    const b = jobSummary({ id: 'b', groupId: 'g', status: 'in_progress', revision: 2 });
    queryClient.setQueryData(queryKeys.jobGroup('g'), [a, b]);
    patcher.changed({ ...a, status: 'completed', cost: 0.4, revision: 3 });
    patcher.changed({ ...b, status: 'queued', revision: 1 });
    patcher.deleted('b');
    const group = queryClient.getQueryData<JobSummary[]>(queryKeys.jobGroup('g'));
    expect(group?.map((job) => [job.id, job.status, job.cost])).toEqual([['a', 'completed', 0.4]]);
  });
});
