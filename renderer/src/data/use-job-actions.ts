// What a person can do to jobs. Each answer that is a job goes through the same patcher as an
// event would (newer revision wins), so the UI does not wait for the echo.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FollowUp } from '../../../shared/ipc/contract.js';
import type { Job, JobId, NewJob } from '../../../shared/job.js';
import { summaryOf } from '../../../shared/job-summary.js';
import { useApi } from './api-context.js';
import { jobCachePatcherFor } from './job-cache-patcher.js';

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
