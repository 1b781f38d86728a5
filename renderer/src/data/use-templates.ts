// The saved templates (shared/job-template.ts): listed for the composer, saved and removed from it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JobTemplateInput } from '../../../shared/job-template.js';
import { useApi } from './api-context.js';
import { queryKeys } from './query-keys.js';

export function useTemplates() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.templates,
    queryFn: () => api.invoke('templates:list', {}),
  });
}

export function useSaveTemplate() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (template: JobTemplateInput) => api.invoke('templates:save', template),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.templates }),
  });
}

export function useRemoveTemplate() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.invoke('templates:remove', { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.templates }),
  });
}
