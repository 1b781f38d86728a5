// Applies the main process's job events to every snapshot React Query holds: board pages, open
// job views (their threads) and search results. One patcher per QueryClient.
import type { QueryClient } from '@tanstack/react-query';
import type { JobDetail } from '../../../shared/ipc/contract.js';
import { isTerminal, type JobId } from '../../../shared/job.js';
import type { JobSearchHit, JobSummary } from '../../../shared/job-query.js';
import { removeJobFromThread, upsertJobInThread } from './job-detail-cache.js';
import { removeJobFromList, upsertJobInList, type JobListData } from './job-list-cache.js';
import { queryKeys, type BoardQuery } from './query-keys.js';

export interface JobCachePatcher {
  changed(job: JobSummary): void;
  deleted(id: JobId): void;
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
  return {
    changed(job) {
      if (deletedIds.has(job.id)) return;
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
      // Spend counts settled costs only: it changes when a job ends.
      if (isTerminal(job.status)) void queryClient.invalidateQueries({ queryKey: queryKeys.spend });
    },
    deleted(id) {
      deletedIds.add(id);
      queryClient.setQueriesData<JobListData>(
        { queryKey: queryKeys.jobLists },
        (data) => data && removeJobFromList(data, id),
      );
      queryClient.setQueriesData<JobDetail>(
        { queryKey: queryKeys.jobDetails },
        (detail) => detail && removeJobFromThread(detail, id),
      );
      queryClient.removeQueries({ queryKey: queryKeys.jobDetail(id), exact: true });
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
