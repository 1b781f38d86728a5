// A list row: the job without its long text bodies, and a short plain preview of the answer.

import { answerPreview, JobSummary } from '../../../shared/job-summary.js';
import { jobFieldsOf, type JobRow } from './job-row.js';

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
    answerPreview: answerPreview(row.answer_head, row.answer_continues === 1),
  });
}
