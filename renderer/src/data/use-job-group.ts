// The jobs of one comparison, oldest first (the order they were asked in). Kept current by the
// job events like every snapshot (job-cache-patcher.ts).
import { useQuery } from '@tanstack/react-query';
import type { JobId } from '../../../shared/job.js';
import type { JobSummary } from '../../../shared/job-query.js';
import { useApi } from './api-context.js';
import { queryKeys } from './query-keys.js';

/** A comparison has at most one submit's jobs (the contract's limit). */
const groupLimit = 50;

export function useJobGroup(groupId: JobId | null) {
  const api = useApi();
  return useQuery<JobSummary[]>({
    queryKey: queryKeys.jobGroup(groupId ?? ''),
    queryFn: async () => {
      const page = await api.invoke('jobs:list', {
        groupId: groupId ?? '',
        sort: 'createdAt',
        direction: 'asc',
        limit: groupLimit,
      });
      return page.jobs;
    },
    enabled: groupId !== null,
  });
}

/** A group's list with `job` put in its place (or added at the end when it is new to the group). */
export function upsertJobInGroup(jobs: JobSummary[], job: JobSummary): JobSummary[] {
  const index = jobs.findIndex((candidate) => candidate.id === job.id);
  if (index === -1) return [...jobs, job];
  const held = jobs[index];
  if (held && held.revision >= job.revision) return jobs;
  const next = [...jobs];
  next[index] = job;
  return next;
}
