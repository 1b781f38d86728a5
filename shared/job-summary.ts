// A job as the board lists it: its fields without the long text bodies, and a short plain preview
// of the answer. Used by the store (from rows) and by the main process (from a changed job).
import { z } from 'zod';
import { Job } from './job.js';

/** A job as the board lists it: no long text bodies, only the start of the answer. */
export const JobSummary = Job.omit({
  prompt: true,
  instructions: true,
  answer: true,
  reasoningSummary: true,
}).extend({
  /** The answer's first characters, whitespace collapsed; ends with "…" when cut. */
  answerPreview: z.string(),
});
export type JobSummary = z.infer<typeof JobSummary>;

export const answerPreviewLength = 200;

/** The preview of an answer given its first characters and whether more follows. */
export function answerPreview(answerHead: string, continues: boolean): string {
  const text = answerHead.replace(/\s+/gu, ' ').trim();
  if (!continues && text.length <= answerPreviewLength) return text;
  if (text.length < answerPreviewLength) return `${text}…`;
  return `${cutAt(text, answerPreviewLength - 1)}…`;
}

/** The first `length` UTF-16 units, one fewer when the cut would split a surrogate pair. */
function cutAt(text: string, length: number): string {
  const last = text.charCodeAt(length - 1);
  const splitsPair = last >= 0xd800 && last <= 0xdbff;
  return text.slice(0, splitsPair ? length - 1 : length).trimEnd();
}

/** How many characters of the answer the preview needs to see (whitespace collapses). */
export const answerHeadLength = 400;

export function summaryOf(job: Job): JobSummary {
  const {
    prompt: _prompt,
    instructions: _instructions,
    answer,
    reasoningSummary: _summary,
    ...fields
  } = job;
  return {
    ...fields,
    answerPreview: answerPreview(
      answer.slice(0, answerHeadLength),
      answer.length > answerHeadLength,
    ),
  };
}
