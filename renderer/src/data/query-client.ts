// React Query's defaults for a local backend whose events keep every snapshot current.
import { QueryClient } from '@tanstack/react-query';
import { ContractError } from '../../../shared/ipc/envelope.js';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Events patch the snapshots, so nothing goes stale by time. Coming back to the window
        // still refetches what is shown (events could have been missed while a transport was
        // down), which is cheap on loopback.
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        // The backend is on this machine: a refused or invalid request will not succeed on retry.
        retry: (failureCount, error) => !(error instanceof ContractError) && failureCount < 2,
      },
    },
  });
}
