// The open job: `jobs:get` (prompt, answer, reasoning summary, timeline, thread). Events carry
// only summaries, so a change of this job refetches it, throttled: while text streams, changes
// come every ~100-250 ms and the view need not re-render the Markdown that often.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { JobDetail } from '../../../shared/ipc/contract.js';
import type { JobId } from '../../../shared/job.js';
import { useApi } from './api-context.js';
import { newerDetail } from './job-detail-cache.js';
import { queryKeys } from './query-keys.js';
import { throttle } from './throttle.js';

const refetchIntervalMs = 400;

export function useJobDetail(id: JobId) {
  const api = useApi();
  const queryClient = useQueryClient();
  const queryKey = queryKeys.jobDetail(id);

  useEffect(() => {
    const key = queryKeys.jobDetail(id);
    const refetch = throttle(() => {
      void queryClient.invalidateQueries({ queryKey: key, exact: true });
    }, refetchIntervalMs);
    const unsubscribe = api.on('jobs:changed', ({ job }) => {
      if (job.id !== id) return;
      const cached = queryClient.getQueryData<JobDetail>(key);
      if (!cached || job.revision > cached.job.revision) refetch();
    });
    return () => {
      unsubscribe();
      refetch.cancel();
    };
  }, [api, queryClient, id]);

  return useQuery({
    queryKey,
    queryFn: async () => {
      const fetched = await api.invoke('jobs:get', { id });
      return newerDetail(queryClient.getQueryData<JobDetail>(queryKey), fetched);
    },
  });
}
