// What a person can do to jobs. Each answer that is a job goes through the same patcher as an
// event would (newer revision wins), so the UI does not wait for the echo.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AttachRequest, FollowUp } from '../../../shared/ipc/contract.js';
import type { Job, JobId, NewJob } from '../../../shared/job.js';
import { summaryOf } from '../../../shared/job-summary.js';
import { useApi } from './api-context.js';
import { jobCachePatcherFor } from './job-cache-patcher.js';
import { queryKeys } from './query-keys.js';

function useApplyJobs() {
  const queryClient = useQueryClient();
  return (jobs: readonly Job[]) => {
    const patcher = jobCachePatcherFor(queryClient);
    for (const job of jobs) patcher.changed(summaryOf(job));
  };
}

export function useSubmitJobs() {
  const api = useApi();
  const apply = useApplyJobs();
  return useMutation({
    mutationFn: (jobs: NewJob[]) => api.invoke('jobs:submit', { jobs }),
    onSuccess: ({ jobs }) => apply(jobs),
  });
}

export function useCancelJob() {
  const api = useApi();
  const apply = useApplyJobs();
  return useMutation({
    mutationFn: (id: JobId) => api.invoke('jobs:cancel', { id }),
    onSuccess: (job) => apply([job]),
  });
}

export function useRetryJob() {
  const api = useApi();
  const apply = useApplyJobs();
  return useMutation({
    mutationFn: (id: JobId) => api.invoke('jobs:retry', { id }),
    onSuccess: (job) => apply([job]),
  });
}

export function useFollowUp() {
  const api = useApi();
  const apply = useApplyJobs();
  return useMutation({
    mutationFn: (request: FollowUp) => api.invoke('jobs:followUp', request),
    onSuccess: (job) => apply([job]),
  });
}

/** Stores a background response by its id (new job, or a job of unknown fate resolved). */
export function useAttachResponse() {
  const api = useApi();
  const apply = useApplyJobs();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: AttachRequest) => api.invoke('jobs:attach', request),
    onSuccess: (job) => {
      apply([job]);
      // An open view of a resolved job shows its new state at once (status, error, timeline).
      void queryClient.invalidateQueries({ queryKey: queryKeys.jobDetail(job.id), exact: true });
    },
  });
}

export function useDeleteJob() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: JobId) => api.invoke('jobs:delete', { id }),
    onSuccess: (_ok, id) => jobCachePatcherFor(queryClient).deleted(id),
  });
}

export function useExportJob() {
  const api = useApi();
  return useMutation({
    mutationFn: (request: { id: JobId; format: 'markdown' | 'json' }) =>
      api.invoke('jobs:export', request),
  });
}
