// A change to a stored job: any fields but the id. The store itself sets updatedAt and revision.
import { z } from 'zod';
import { Job } from '../../../shared/job.js';

/**
 * What a streaming write adds at the end of a text: `text` starts at `from` (UTF-16 code units
 * into the whole text). It rides beside the whole text (`answer`, `reasoningSummary`) in the same
 * patch: when the stored text ends exactly at `from`, the store appends `text` and never touches
 * the rest; otherwise (a write that was rolled back, another writer) it stores the whole text.
 */
export const TextAppend = z.object({
  from: z.number().int().min(0),
  text: z.string(),
});
export type TextAppend = z.infer<typeof TextAppend>;

export const JobPatch = Job.omit({ id: true, updatedAt: true, revision: true }).partial().extend({
  /** Ignored unless `answer` is there too, with `from + text.length` code units. */
  answerAppend: TextAppend.optional(),
  /** Ignored unless `reasoningSummary` is there too, with `from + text.length` code units. */
  summaryAppend: TextAppend.optional(),
});
export type JobPatch = z.infer<typeof JobPatch>;
