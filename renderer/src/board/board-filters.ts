// The board's filter and sort choices as the toolbar offers them, and the query each one means.
import type { JobStatus } from '../../../shared/job.js';
import type { JobSortField, SortDirection } from '../../../shared/job-query.js';
import type { BoardQuery } from '../data/query-keys.js';
import { statusFilterOrder, statusPresentation } from '../status/job-status.js';

export interface StatusFilterOption {
  value: string;
  label: string;
  statuses: readonly JobStatus[];
}

export const statusGroups: readonly StatusFilterOption[] = [
  { value: 'all', label: 'All statuses', statuses: [] },
  {
    value: 'running',
    label: 'Running',
    statuses: ['pending', 'submitting', 'queued', 'in_progress', 'reconnecting', 'polling'],
  },
  {
    value: 'attention',
    label: 'Needs attention',
    statuses: ['needs_key', 'unknown', 'failed', 'incomplete'],
  },
  {
    value: 'finished',
    label: 'Finished',
    statuses: ['completed', 'incomplete', 'failed', 'cancelled', 'expired'],
  },
];

export const singleStatuses: readonly StatusFilterOption[] = statusFilterOrder.map((status) => ({
  value: `status:${status}`,
  label: statusPresentation[status].label,
  statuses: [status],
}));

export function statusFilter(value: string): StatusFilterOption {
  return (
    [...statusGroups, ...singleStatuses].find((option) => option.value === value) ??
    (statusGroups[0] as StatusFilterOption)
  );
}

export interface SortOption {
  value: string;
  label: string;
  sort: JobSortField;
  direction: SortDirection;
}

export const sortOptions: readonly SortOption[] = [
  { value: 'created-desc', label: 'Newest first', sort: 'createdAt', direction: 'desc' },
  { value: 'created-asc', label: 'Oldest first', sort: 'createdAt', direction: 'asc' },
  { value: 'updated-desc', label: 'Recently updated', sort: 'updatedAt', direction: 'desc' },
  { value: 'updated-asc', label: 'Least recently updated', sort: 'updatedAt', direction: 'asc' },
];

export function boardQuery(statusValue: string, sortValue: string): BoardQuery {
  const sort = sortOptions.find((option) => option.value === sortValue) ?? sortOptions[0];
  return {
    statuses: statusFilter(statusValue).statuses,
    sort: sort?.sort ?? 'createdAt',
    direction: sort?.direction ?? 'desc',
  };
}
