// "Use the standard tier" for a flex job waiting for capacity (jobs:useStandardTier): the answer
// goes through the cache patcher like any job change, so the badge updates at once.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { JobId } from '../../../shared/job.js';
import { summaryOf } from '../../../shared/job-summary.js';
import { useApi } from './api-context.js';
import { jobCachePatcherFor } from './job-cache-patcher.js';

export function useStandardTier() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: JobId) => api.invoke('jobs:useStandardTier', { id }),
    onSuccess: (job) => jobCachePatcherFor(queryClient).changed(summaryOf(job)),
  });
}
