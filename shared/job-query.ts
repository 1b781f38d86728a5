// Asking for a page of jobs (the board) and searching them: the query, a page's rows and a search hit.
// Shared by the job store (node/core/store), the IPC contract and the renderer.
import { z } from 'zod';
import { JobId, JobStatus } from './job.js';
import { JobSummary } from './job-summary.js';

export const JobSortField = z.enum(['createdAt', 'updatedAt']);
export type JobSortField = z.infer<typeof JobSortField>;

export const SortDirection = z.enum(['asc', 'desc']);
export type SortDirection = z.infer<typeof SortDirection>;

export const JobQuery = z.object({
  /** Only jobs in one of these statuses; absent or empty means every status. */
  statuses: z.array(JobStatus).optional(),
  model: z.string().min(1).optional(),
  threadId: JobId.optional(),
  /** Only the jobs of one comparison (one prompt sent to several models). */
  groupId: JobId.optional(),
  /** The person's words, matched against title, prompt, answer and reasoning summary. */
  text: z.string().max(1000).optional(),
  sort: JobSortField.default('createdAt'),
  direction: SortDirection.default('desc'),
  limit: z.number().int().min(1).max(500).default(50),
  /** From the previous page's `nextCursor`; only valid with the same sort and direction. */
  cursor: z.string().max(1000).nullish(),
});
export type JobQuery = z.input<typeof JobQuery>;
export type ParsedJobQuery = z.output<typeof JobQuery>;

export const JobPage = z.object({
  jobs: z.array(JobSummary),
  /** How many jobs match the filters, over all pages. */
  total: z.number().int().min(0),
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type JobPage = z.infer<typeof JobPage>;

/** A piece of a search snippet; `highlighted` pieces are the words that matched. */
export const SnippetPart = z.object({
  text: z.string(),
  highlighted: z.boolean(),
});
export type SnippetPart = z.infer<typeof SnippetPart>;

export const JobSearchHit = z.object({
  id: JobId,
  title: z.string(),
  /** Plain text in pieces, so the renderer highlights without ever parsing markup. */
  snippet: z.array(SnippetPart),
});
export type JobSearchHit = z.infer<typeof JobSearchHit>;
