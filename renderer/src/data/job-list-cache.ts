// Patching a cached board (the pages of `jobs:list`) with one job's new summary, as the events
// arrive, so the board never has to poll. The newer revision wins; a job moves to where the
// server's order (sort field, then id) would put it, and leaves a list whose filter it no longer
// matches. Pure functions over React Query's infinite data: each returns the same object when
// nothing changed, so React re-renders nothing.
import type { InfiniteData } from '@tanstack/react-query';
import type { JobId } from '../../../shared/job.js';
import type { JobPage } from '../../../shared/job-query.js';
import { type JobSummary } from '../../../shared/job-summary.js';
import type { BoardQuery } from './query-keys.js';

export type JobListData = InfiniteData<JobPage, string | null>;

/** The server's order: the sort field, then the id, both in the query's direction. */
export function compareJobs(a: JobSummary, b: JobSummary, query: BoardQuery): number {
  const byField = a[query.sort] - b[query.sort];
  const byId = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  const ascending = byField !== 0 ? byField : byId;
  return query.direction === 'asc' ? ascending : -ascending;
}

export function matchesBoardQuery(job: JobSummary, query: BoardQuery): boolean {
  return query.statuses.length === 0 || query.statuses.includes(job.status);
}

/** The loaded jobs in order, each once (a job can briefly sit in two pages while it moves). */
export function flattenJobPages(data: JobListData | undefined): JobSummary[] {
  if (!data) return [];
  const seen = new Set<JobId>();
  const jobs: JobSummary[] = [];
  for (const page of data.pages) {
    for (const job of page.jobs) {
      if (seen.has(job.id)) continue;
      seen.add(job.id);
      jobs.push(job);
    }
  }
  return jobs;
}

/**
 * The list with `job` applied: replaced (and moved) if cached with an older revision, inserted if
 * new and in the loaded range, removed if it no longer matches the filter. The total is adjusted
 * for what the list can see; a job that moves in or out of pages not loaded yet may leave it off by
 * one until the next refetch (the event carries only the new state, not whether the job matched
 * the filter before).
 */
export function upsertJobInList(
  data: JobListData,
  job: JobSummary,
  query: BoardQuery,
): JobListData {
  const cached = findJob(data, job.id);
  if (cached && cached.revision >= job.revision) return data;
  const matches = matchesBoardQuery(job, query);
  if (!cached && !matches) return data;

  const pages = data.pages.map((page) => ({
    ...page,
    jobs: page.jobs.filter((other) => other.id !== job.id),
  }));
  let totalChange = 0;
  if (cached && !matches) totalChange = -1;
  if (matches) {
    const inserted = insertInOrder(pages, job, query);
    if (!cached && inserted) totalChange = 1;
  }
  return {
    ...data,
    pages: pages.map((page) => ({ ...page, total: Math.max(0, page.total + totalChange) })),
  };
}

export function removeJobFromList(data: JobListData, id: JobId): JobListData {
  if (!findJob(data, id)) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      jobs: page.jobs.filter((job) => job.id !== id),
      total: Math.max(0, page.total - 1),
    })),
  };
}

function findJob(data: JobListData, id: JobId): JobSummary | undefined {
  for (const page of data.pages) {
    const job = page.jobs.find((candidate) => candidate.id === id);
    if (job) return job;
  }
  return undefined;
}

/**
 * Puts the job before the first loaded job it sorts ahead of. A job that sorts after everything
 * loaded belongs to a page not fetched yet (it arrives with that page), unless the last page is
 * loaded. Mutates `pages` (fresh copies made by the caller); returns whether it was inserted.
 */
function insertInOrder(pages: JobPage[], job: JobSummary, query: BoardQuery): boolean {
  for (const page of pages) {
    const index = page.jobs.findIndex((other) => compareJobs(job, other, query) < 0);
    if (index !== -1) {
      page.jobs.splice(index, 0, job);
      return true;
    }
  }
  const last = pages.at(-1);
  if (last && last.nextCursor === null) {
    last.jobs.push(job);
    return true;
  }
  return false;
}
