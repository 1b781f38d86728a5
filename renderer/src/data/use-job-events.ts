// Subscribes once, for the whole app, to the events that keep the snapshots current.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApi } from './api-context.js';
import { jobCachePatcherFor } from './job-cache-patcher.js';

export function useJobEvents(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(() => {
    const patcher = jobCachePatcherFor(queryClient);
    const unsubscribers = [
      // In the order sent: a job's text, then its summary of the same revision.
      api.on('jobs:text', (event) => patcher.text(event)),
      api.on('jobs:changed', ({ job }) => patcher.changed(job)),
      api.on('jobs:deleted', ({ id }) => patcher.deleted(id)),
      // The web host's event stream came back after a drop: what changed meanwhile is refetched.
      api.onResync?.(() => void queryClient.invalidateQueries()) ?? (() => undefined),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [api, queryClient]);
}
