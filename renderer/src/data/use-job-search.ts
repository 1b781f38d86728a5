// Full-text search over titles, prompts, answers and reasoning summaries (`jobs:search`, FTS5).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from './api-context.js';
import { queryKeys } from './query-keys.js';
import { isSearchable } from './search-words.js';

const hitLimit = 100;

export function useJobSearch(words: string) {
  const api = useApi();
  const trimmed = words.trim();
  return useQuery({
    queryKey: queryKeys.jobSearch(trimmed),
    queryFn: () => api.invoke('jobs:search', { words: trimmed, limit: hitLimit }),
    enabled: isSearchable(trimmed),
    placeholderData: keepPreviousData,
  });
}
