// The jobs of one comparison, oldest first (the order they were asked in). Kept current by the
// job events like every snapshot (job-cache-patcher.ts).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { JobId } from '../../../shared/job.js';
import { type JobSummary } from '../../../shared/job-summary.js';
import { useApi } from './api-context.js';
import { jobCachePatcherFor } from './job-cache-patcher.js';
import { queryKeys } from './query-keys.js';

/** A comparison has at most one submit's jobs (the contract's limit). */
const groupLimit = 50;

/** Fetches again (at most this many times) while events told of revisions newer than the answer. */
const maxCatchUps = 3;

export function useJobGroup(groupId: JobId | null) {
  const api = useApi();
  const patcher = jobCachePatcherFor(useQueryClient());
  const fetchGroup = async () =>
    (
      await api.invoke('jobs:list', {
        groupId: groupId ?? '',
        sort: 'createdAt',
        direction: 'asc',
        limit: groupLimit,
      })
    ).jobs;
  return useQuery<JobSummary[]>({
    queryKey: queryKeys.jobGroup(groupId ?? ''),
    queryFn: async () => {
      // Events that came while the list was read found nothing to patch: a job the answer holds
      // at an older revision than an event told is asked for again, or it would stay stale.
      let jobs = await fetchGroup();
      for (let round = 0; round < maxCatchUps; round += 1) {
        if (!jobs.some((job) => job.revision < patcher.newestRevision(job.id))) break;
        jobs = await fetchGroup();
      }
      return jobs;
    },
    enabled: groupId !== null,
  });
}
