// Shows a browser notification for every job that ends, and for the monthly budget's 80 % and
// 100 %, when the person has them turned on.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { JobDetail } from '../../../shared/ipc/contract.js';
import { navigate } from '../app/route.js';
import { useApi } from '../data/api-context.js';
import { queryKeys } from '../data/query-keys.js';
import { useSettings } from '../data/use-app-data.js';
import { canNotifyFromPage, notifyBudgetReached, notifyJobEnded } from './browser-notifications.js';

export function useBrowserNotifications(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  const enabled = useSettings().data?.notifications ?? false;
  useEffect(() => {
    if (!enabled || !canNotifyFromPage()) return;
    const stopBudget = api.on('budget:reached', notifyBudgetReached);
    const stopJobs = api.on('jobs:terminal', ({ job }) => {
      // Nothing to show without permission: no need to read the answer either.
      if (Notification.permission !== 'granted') return;
      const open = () => navigate({ page: 'job', id: job.id });
      // The whole answer, for its first line (the summary's preview has its lines run together):
      // the open job's is in the cache (pushed text keeps it current); another job's is asked for
      // once. If it cannot be read, the preview stands in.
      const cached = queryClient.getQueryData<JobDetail>(queryKeys.jobDetail(job.id));
      if (cached && cached.job.revision >= job.revision) {
        notifyJobEnded(job, open, cached.job.answer);
        return;
      }
      api.invoke('jobs:get', { id: job.id }).then(
        ({ job: full }) => notifyJobEnded(job, open, full.answer),
        () => notifyJobEnded(job, open),
      );
    });
    return () => {
      stopBudget();
      stopJobs();
    };
  }, [api, enabled, queryClient]);
}
