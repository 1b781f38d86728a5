// The main process asks to show a job (its notification was clicked): open it.
import { useEffect } from 'react';
import { useApi } from '../data/api-context.js';
import { navigate } from './route.js';

export function useShowJobEvents(): void {
  const api = useApi();
  useEffect(() => api.on('app:showJob', ({ id }) => navigate({ page: 'job', id })), [api]);
}
