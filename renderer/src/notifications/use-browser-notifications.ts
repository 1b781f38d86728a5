// Shows a browser notification for every job that ends, when the person has them turned on.
import { useEffect } from 'react';
import { navigate } from '../app/route.js';
import { useApi } from '../data/api-context.js';
import { useSettings } from '../data/use-app-data.js';
import { canNotifyFromPage, notifyJobEnded } from './browser-notifications.js';

export function useBrowserNotifications(): void {
  const api = useApi();
  const enabled = useSettings().data?.notifications ?? false;
  useEffect(() => {
    if (!enabled || !canNotifyFromPage()) return;
    return api.on('jobs:terminal', ({ job }) =>
      notifyJobEnded(job, () => navigate({ page: 'job', id: job.id })),
    );
  }, [api, enabled]);
}
