// Applies the main process's job events to every snapshot React Query holds: board pages, open
// job views (their job, text and threads) and search results. One patcher per QueryClient, so a
// job has one newest state in the renderer: the board row and the job view take it from the same
// events (job-detail-cache.ts says how a view follows them).
import type { QueryClient } from '@tanstack/react-query';
import type { EventOf, JobDetail } from '../../../shared/ipc/contract.js';
import { isTerminal, type JobId } from '../../../shared/job.js';
import type { JobSearchHit } from '../../../shared/job-query.js';
import { type JobSummary } from '../../../shared/job-summary.js';
import {
  removeJobFromThread,
  upsertJobInThread,
  withSummary,
  withText,
} from './job-detail-cache.js';
import { removeJobFromList, upsertJobInList, type JobListData } from './job-list-cache.js';
import { queryKeys, type BoardQuery } from './query-keys.js';
import { upsertJobInGroup } from './job-group-cache.js';

export interface JobCachePatcher {
  changed(job: JobSummary): void;
  /** Text a job gained (`jobs:text`): appended to its cached view, in order. */
  text(event: EventOf<'jobs:text'>): void;
  deleted(id: JobId): void;
  /** The newest revision of a job any event or answer told (-1: none). */
  newestRevision(id: JobId): number;
  /** True when a job's cached view must be fetched again before it is shown. */
  needsFetch(id: JobId): boolean;
  /** A fetch of the job's view starts: what it returns is the answer to `needsFetch`. */
  fetching(id: JobId): void;
}

const patchers = new WeakMap<QueryClient, JobCachePatcher>();

/** The one patcher of a QueryClient (events and mutation answers share its memory of deletions). */
export function jobCachePatcherFor(queryClient: QueryClient): JobCachePatcher {
  let patcher = patchers.get(queryClient);
  if (!patcher) {
    patcher = createJobCachePatcher(queryClient);
    patchers.set(queryClient, patcher);
  }
  return patcher;
}

export function createJobCachePatcher(queryClient: QueryClient): JobCachePatcher {
  // A change event can still be in flight when the job is deleted (another window, the web host's
  // socket): it must not bring the row back.
  const deletedIds = new Set<JobId>();
  const newest = new Map<JobId, number>();
  // Views to fetch again. Kept here, not only as React Query's invalidation: any later patch of
  // the snapshot (setQueryData) would clear that, and a closed view would then open stale.
  const stale = new Set<JobId>();
  const seen = (id: JobId, revision: number) => {
    if (revision > (newest.get(id) ?? -1)) newest.set(id, revision);
  };
  const fetchAgain = (id: JobId) => {
    stale.add(id);
    // Fetched now if the view is open (a fetch already out is not cut short), else when it opens.
    void queryClient.invalidateQueries(
      { queryKey: queryKeys.jobDetail(id), exact: true },
      { cancelRefetch: false },
    );
  };
  return {
    newestRevision: (id) => newest.get(id) ?? -1,
    needsFetch: (id) => stale.has(id),
    fetching: (id) => void stale.delete(id),
    text(event) {
      if (deletedIds.has(event.id)) return;
      seen(event.id, event.revision);
      const key = queryKeys.jobDetail(event.id);
      const detail = queryClient.getQueryData<JobDetail>(key);
      if (!detail) return;
      const next = withText(detail, event);
      if (next === 'gap') fetchAgain(event.id);
      else if (next !== detail) queryClient.setQueryData<JobDetail>(key, next);
    },
    changed(job) {
      if (deletedIds.has(job.id)) return;
      seen(job.id, job.revision);
      const key = queryKeys.jobDetail(job.id);
      const own = queryClient.getQueryData<JobDetail>(key);
      if (own) {
        const { detail, refetch } = withSummary(own, job);
        if (detail !== own) queryClient.setQueryData<JobDetail>(key, detail);
        if (refetch) fetchAgain(job.id);
      }
      for (const query of queryClient.getQueryCache().findAll({ queryKey: queryKeys.jobLists })) {
        const boardQuery = query.queryKey[2] as BoardQuery | undefined;
        if (!boardQuery) continue;
        queryClient.setQueryData<JobListData>(
          query.queryKey,
          (data) => data && upsertJobInList(data, job, boardQuery),
        );
      }
      queryClient.setQueriesData<JobDetail>(
        { queryKey: queryKeys.jobDetails },
        (detail) => detail && upsertJobInThread(detail, job),
      );
      queryClient.setQueriesData<JobSearchHit[]>(
        { queryKey: queryKeys.jobSearches },
        (hits) => hits && retitleHit(hits, job),
      );
      if (job.groupId !== null) {
        queryClient.setQueryData<JobSummary[]>(
          queryKeys.jobGroup(job.groupId),
          (jobs) => jobs && upsertJobInGroup(jobs, job),
        );
      }
      // Spend counts settled costs only: it changes when a job ends.
      if (isTerminal(job.status)) void queryClient.invalidateQueries({ queryKey: queryKeys.spend });
    },
    deleted(id) {
      deletedIds.add(id);
      stale.delete(id);
      newest.delete(id);
      queryClient.setQueriesData<JobListData>(
        { queryKey: queryKeys.jobLists },
        (data) => data && removeJobFromList(data, id),
      );
      queryClient.setQueriesData<JobDetail>(
        { queryKey: queryKeys.jobDetails },
        (detail) => detail && removeJobFromThread(detail, id),
      );
      queryClient.removeQueries({ queryKey: queryKeys.jobDetail(id), exact: true });
      queryClient.setQueriesData<JobSummary[]>({ queryKey: queryKeys.jobGroups }, (jobs) =>
        jobs?.filter((job) => job.id !== id),
      );
      queryClient.setQueriesData<JobSearchHit[]>({ queryKey: queryKeys.jobSearches }, (hits) =>
        hits?.filter((hit) => hit.id !== id),
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.spend });
    },
  };
}

function retitleHit(hits: JobSearchHit[], job: JobSummary): JobSearchHit[] {
  if (!hits.some((hit) => hit.id === job.id && hit.title !== job.title)) return hits;
  return hits.map((hit) => (hit.id === job.id ? { ...hit, title: job.title } : hit));
}
