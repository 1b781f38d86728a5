// Snapshots that change only when the person changes them here: settings, the model catalog,
// providers, key status, app info. Each mutation puts its answer straight into the cache.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppSettings, KeyStatus } from '../../../shared/ipc/contract.js';
import type { ProviderConfig } from '../../../shared/provider.js';
import { useApi } from './api-context.js';
import { queryKeys } from './query-keys.js';

export function useAppInfo() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.appInfo,
    queryFn: () => api.invoke('app:info', {}),
    staleTime: Infinity,
  });
}

export function useSettings() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => api.invoke('settings:get', {}) });
}

export function useUpdateSettings() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<AppSettings>) => api.invoke('settings:update', patch),
    // Shown at once: a composer opened right after leaving Settings starts from the new default
    // instructions and model, not from the ones the answer was still on its way to replace.
    onMutate: async (patch) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.settings });
      const before = queryClient.getQueryData<AppSettings>(queryKeys.settings);
      if (before)
        queryClient.setQueryData<AppSettings>(queryKeys.settings, { ...before, ...patch });
      return { before };
    },
    // Refused: the settings go back to what is stored (the field shows the refusal).
    onError: (_error, _patch, context) => {
      if (context?.before) queryClient.setQueryData(queryKeys.settings, context.before);
    },
    onSuccess: (settings) => {
      queryClient.setQueryData(queryKeys.settings, settings);
      // Price overrides change the catalog's prices.
      void queryClient.invalidateQueries({ queryKey: queryKeys.models });
      void queryClient.invalidateQueries({ queryKey: queryKeys.budget });
    },
  });
}

export function useModels() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.models,
    queryFn: async () => (await api.invoke('models:list', {})).models,
  });
}

export function useProviders() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.providers,
    queryFn: () => api.invoke('providers:list', {}),
  });
}

export function useSaveProvider() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (provider: ProviderConfig) => api.invoke('providers:save', provider),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.providers }),
  });
}

export function useRemoveProvider() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.invoke('providers:remove', { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.providers }),
  });
}

export function useKeyStatus(providerId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.keyStatus(providerId ?? ''),
    queryFn: () => api.invoke('keys:status', { providerId: providerId ?? '' }),
    enabled: providerId !== undefined,
  });
}

/** Set or clear a provider's key; the answer is the key's new status (never the key). */
export function useKeyMutations(providerId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const store = (status: KeyStatus) =>
    queryClient.setQueryData(queryKeys.keyStatus(providerId), status);
  const setKey = useMutation({
    mutationFn: (key: string) => api.invoke('keys:set', { providerId, key }),
    onSuccess: store,
  });
  const clearKey = useMutation({
    mutationFn: () => api.invoke('keys:clear', { providerId }),
    onSuccess: store,
  });
  const testConnection = useMutation({
    mutationFn: () => api.invoke('keys:test', { providerId }),
  });
  return { setKey, clearKey, testConnection };
}

export function useSpend() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.spend, queryFn: () => api.invoke('jobs:spend', {}) });
}

/** The budgets set in Settings and this month's spend, for the composer's budget line. */
export function useBudget() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.budget, queryFn: () => api.invoke('budget:get', {}) });
}
