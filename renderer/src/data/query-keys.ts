// Every React Query key the renderer uses, in one place, so event patches find the snapshots.
import type { JobId, JobStatus } from '../../../shared/job.js';
import type { JobSortField, SortDirection } from '../../../shared/job-query.js';

/** What the board asks `jobs:list` for (the cursor is the infinite query's page parameter). */
export interface BoardQuery {
  /** Empty: every status. */
  statuses: readonly JobStatus[];
  sort: JobSortField;
  direction: SortDirection;
}

export const queryKeys = {
  jobLists: ['jobs', 'list'] as const,
  jobList: (query: BoardQuery) => ['jobs', 'list', query] as const,
  jobDetails: ['jobs', 'detail'] as const,
  jobDetail: (id: JobId) => ['jobs', 'detail', id] as const,
  /** The jobs of one comparison, oldest first. */
  jobGroups: ['jobs', 'group'] as const,
  jobGroup: (groupId: JobId) => ['jobs', 'group', groupId] as const,
  jobSearches: ['jobs', 'search'] as const,
  jobSearch: (words: string, limit: number) => ['jobs', 'search', words, limit] as const,
  spend: ['jobs', 'spend'] as const,
  /** Under spend: whatever refreshes Spend (a job ended or was deleted) refreshes the budget. */
  budget: ['jobs', 'spend', 'budget'] as const,
  models: ['models'] as const,
  providers: ['providers'] as const,
  settings: ['settings'] as const,
  templates: ['templates'] as const,
  keyStatus: (providerId: string) => ['keys', providerId] as const,
  appInfo: ['app', 'info'] as const,
};
