// The board's snapshot: `jobs:list` pages, loaded as the person scrolls, patched by events.
import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import type { JobPage } from '../../../shared/job-query.js';
import { useMemo } from 'react';
import { useApi } from './api-context.js';
import { flattenJobPages } from './job-list-cache.js';
import { queryKeys, type BoardQuery } from './query-keys.js';

const pageSize = 100;

export function useJobList(query: BoardQuery) {
  const api = useApi();
  const result = useInfiniteQuery<
    JobPage,
    Error,
    InfiniteData<JobPage, string | null>,
    ReturnType<typeof queryKeys.jobList>,
    string | null
  >({
    queryKey: queryKeys.jobList(query),
    queryFn: ({ pageParam }) =>
      api.invoke('jobs:list', {
        statuses: [...query.statuses],
        sort: query.sort,
        direction: query.direction,
        limit: pageSize,
        cursor: pageParam,
      }),
    initialPageParam: null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
  const jobs = useMemo(() => flattenJobPages(result.data), [result.data]);
  const total = result.data?.pages[0]?.total ?? 0;
  return { ...result, jobs, total };
}
