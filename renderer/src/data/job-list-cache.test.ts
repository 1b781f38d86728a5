import { describe, expect, it } from 'vitest';
import type { JobPage } from '../../../shared/job-query.js';
import { type JobSummary } from '../../../shared/job-summary.js';
import { jobSummary } from '../test-support/job-summaries.js';
import {
  compareJobs,
  flattenJobPages,
  removeJobFromList,
  upsertJobInList,
  type JobListData,
} from './job-list-cache.js';
import type { BoardQuery } from './query-keys.js';

const newestFirst: BoardQuery = { statuses: [], sort: 'createdAt', direction: 'desc' };

function listOf(
  pages: JobSummary[][],
  options: { total?: number; more?: boolean } = {},
): JobListData {
  const total = options.total ?? pages.flat().length;
  return {
    pages: pages.map((jobs, index): JobPage => ({
      jobs,
      total,
      nextCursor: index === pages.length - 1 && !options.more ? null : `cursor-${index}`,
    })),
    pageParams: pages.map((_, index) => (index === 0 ? null : `cursor-${index - 1}`)),
  };
}

const ids = (data: JobListData) => flattenJobPages(data).map((job) => job.id);

describe('upsertJobInList', () => {
  const a = jobSummary({ id: 'a', createdAt: 3_000 });
  const b = jobSummary({ id: 'b', createdAt: 2_000 });
  const c = jobSummary({ id: 'c', createdAt: 1_000 });

  it('replaces a cached job when the revision is newer', () => {
    const data = listOf([[a, b, c]]);
    const next = upsertJobInList(data, { ...b, status: 'completed', revision: 2 }, newestFirst);
    expect(flattenJobPages(next).find((job) => job.id === 'b')?.status).toBe('completed');
    expect(ids(next)).toEqual(['a', 'b', 'c']);
  });

  it('keeps the cache (same object) for an older or equal revision', () => {
    const data = listOf([[a, { ...b, status: 'completed', revision: 5 }, c]]);
    expect(upsertJobInList(data, { ...b, status: 'in_progress', revision: 4 }, newestFirst)).toBe(
      data,
    );
    expect(upsertJobInList(data, { ...b, status: 'in_progress', revision: 5 }, newestFirst)).toBe(
      data,
    );
  });

  it('inserts a new job where the server order puts it and counts it', () => {
    const data = listOf([[a, c]]);
    const next = upsertJobInList(data, b, newestFirst);
    expect(ids(next)).toEqual(['a', 'b', 'c']);
    expect(next.pages[0]?.total).toBe(3);
  });

  it('breaks ties on the sort field by id, as the server does', () => {
    const x = jobSummary({ id: 'x', createdAt: 5_000 });
    const y = jobSummary({ id: 'y', createdAt: 5_000 });
    expect(compareJobs(x, y, newestFirst)).toBeGreaterThan(0);
    expect(ids(upsertJobInList(listOf([[x]]), y, newestFirst))).toEqual(['y', 'x']);
  });

  it('moves a job when its sort field changes (recently updated first)', () => {
    const recentlyUpdated: BoardQuery = { statuses: [], sort: 'updatedAt', direction: 'desc' };
    const data = listOf([
      [
        { ...a, updatedAt: 30 },
        { ...b, updatedAt: 20 },
        { ...c, updatedAt: 10 },
      ],
    ]);
    const next = upsertJobInList(data, { ...c, updatedAt: 40, revision: 2 }, recentlyUpdated);
    expect(ids(next)).toEqual(['c', 'a', 'b']);
    expect(next.pages[0]?.total).toBe(3);
  });

  it('drops a job from a filtered list once it no longer matches', () => {
    const running: BoardQuery = { ...newestFirst, statuses: ['queued', 'in_progress'] };
    const data = listOf([[a, b]]);
    const next = upsertJobInList(data, { ...a, status: 'completed', revision: 2 }, running);
    expect(ids(next)).toEqual(['b']);
    expect(next.pages[0]?.total).toBe(1);
  });

  it('ignores a new job the filter does not show', () => {
    const failedOnly: BoardQuery = { ...newestFirst, statuses: ['failed'] };
    const data = listOf([[]]);
    expect(upsertJobInList(data, a, failedOnly)).toBe(data);
  });

  it('leaves a job that sorts past the loaded pages to the page that will bring it', () => {
    const data = listOf([[a, b]], { total: 10, more: true });
    const next = upsertJobInList(data, c, newestFirst);
    expect(ids(next)).toEqual(['a', 'b']);
  });

  it('appends past the end when every page is loaded', () => {
    const data = listOf([[a], [b]]);
    expect(ids(upsertJobInList(data, c, newestFirst))).toEqual(['a', 'b', 'c']);
  });

  it('inserts into a later page when that is where the job belongs', () => {
    const d = jobSummary({ id: 'd', createdAt: 500 });
    const data = listOf([[a], [b, d]]);
    const next = upsertJobInList(data, c, newestFirst);
    expect(next.pages[1]?.jobs.map((job) => job.id)).toEqual(['b', 'c', 'd']);
  });
});

describe('removeJobFromList', () => {
  it('removes the job and lowers the total; unknown ids change nothing', () => {
    const data = listOf([[jobSummary({ id: 'a' }), jobSummary({ id: 'b' })]]);
    const next = removeJobFromList(data, 'a');
    expect(ids(next)).toEqual(['b']);
    expect(next.pages[0]?.total).toBe(1);
    expect(removeJobFromList(data, 'zzz')).toBe(data);
  });
});

describe('flattenJobPages', () => {
  it('lists each job once even if it sits in two pages', () => {
    const a = jobSummary({ id: 'a' });
    expect(ids(listOf([[a], [a, jobSummary({ id: 'b' })]]))).toEqual(['a', 'b']);
  });
});
