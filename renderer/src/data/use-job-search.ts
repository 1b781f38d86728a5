// Full-text search over titles, prompts, answers and reasoning summaries (`jobs:search`, FTS5).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from './api-context.js';
import { queryKeys } from './query-keys.js';
import { isSearchable } from './search-words.js';

/**
 * Hits the search box asks for at first, and how many more each "Show more" adds. Each hit's
 * snippet costs the backend a pass over that job's whole text (README, Benchmarks): 50 fill a
 * screen twice and come back within the search target at 100,000 jobs.
 */
export const searchPage = 50;
/** The most hits one search returns (the bound of `jobs:search` in shared/ipc/contract.ts). */
export const mostSearchHits = 100;

export function useJobSearch(words: string, limit: number) {
  const api = useApi();
  const trimmed = words.trim();
  return useQuery({
    queryKey: queryKeys.jobSearch(trimmed, limit),
    queryFn: () => api.invoke('jobs:search', { words: trimmed, limit }),
    enabled: isSearchable(trimmed),
    placeholderData: keepPreviousData,
  });
}
