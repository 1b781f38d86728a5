// Job summaries (and whole jobs) for unit tests: every field filled, the ones a test cares about given.
import type { Job } from '../../../shared/job.js';
import type { JobSummary } from '../../../shared/job-query.js';

export function jobSummary(fields: Partial<JobSummary> & { id: string }): JobSummary {
  return {
    title: `Job ${fields.id}`,
    model: 'gpt-5',
    providerId: 'openai',
    effort: 'medium',
    reasoningSummaryMode: null,
    maxOutputTokens: null,
    tools: null,
    attachments: [],
    serviceTier: null,
    servedTier: null,
    groupId: null,
    status: 'queued',
    serverStatus: null,
    responseId: null,
    resolvedModel: null,
    cursor: -1,
    usage: null,
    cost: null,
    outputDigest: null,
    priceUsed: null,
    error: null,
    incompleteReason: null,
    retryOf: null,
    parentId: null,
    threadId: fields.id,
    createdAt: 1_000,
    submittedAt: null,
    startedAt: null,
    finishedAt: null,
    updatedAt: 1_000,
    revision: 1,
    answerPreview: '',
    ...fields,
  };
}

/** A whole job (what `jobs:attach` and friends answer), from a summary's fields plus its texts. */
export function fullJob(
  fields: Partial<Omit<JobSummary, 'answerPreview'>> & { id: string },
  texts: Partial<Pick<Job, 'prompt' | 'instructions' | 'answer' | 'reasoningSummary'>> = {},
): Job {
  const { answerPreview: _preview, ...summary } = jobSummary(fields);
  return {
    ...summary,
    prompt: `The prompt of ${fields.id}`,
    instructions: null,
    answer: '',
    reasoningSummary: '',
    ...texts,
  };
}
