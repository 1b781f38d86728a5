// Job summaries (and whole jobs) for unit tests: every field filled, the ones a test cares about given.
// Built on shared's blankJob, with a queued gpt-5 job at medium effort as the renderer's usual case.
import { blankJob } from '../../../shared/blank-job.js';
import type { Job } from '../../../shared/job.js';
import { summaryOf, type JobSummary } from '../../../shared/job-summary.js';

export function jobSummary(fields: Partial<JobSummary> & { id: string }): JobSummary {
  const { answerPreview = '', ...jobFields } = fields;
  return { ...summaryOf(fullJob(jobFields)), answerPreview };
}

/** A whole job (what `jobs:attach` and friends answer), from a summary's fields plus its texts. */
export function fullJob(
  fields: Partial<Omit<JobSummary, 'answerPreview'>> & { id: string },
  texts: Partial<Pick<Job, 'prompt' | 'instructions' | 'answer' | 'reasoningSummary'>> = {},
): Job {
  const blank = blankJob({
    id: fields.id,
    title: `Job ${fields.id}`,
    prompt: `The prompt of ${fields.id}`,
    model: 'gpt-5',
    providerId: 'openai',
    createdAt: 1_000,
  });
  return { ...blank, effort: 'medium', status: 'queued', revision: 1, ...fields, ...texts };
}
