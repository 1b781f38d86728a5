// A list row: the job without its long text bodies, and a short plain preview of the answer.
import { JobSummary } from '../../../shared/job-query.js';
import { jobFieldsOf, type JobRow } from './job-row.js';

export const answerPreviewLength = 200;

export type JobSummaryRow = Omit<
  JobRow,
  'prompt' | 'instructions' | 'answer' | 'reasoning_summary'
> & {
  answer_head: string;
  /** 1 when the answer is longer than its head. */
  answer_continues: number;
};

export function rowToSummary(row: JobSummaryRow): JobSummary {
  return JobSummary.parse({
    ...jobFieldsOf(row),
    answerPreview: previewOf(row.answer_head, row.answer_continues === 1),
  });
}

function previewOf(answerHead: string, continues: boolean): string {
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
