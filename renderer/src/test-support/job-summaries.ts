// Job summaries for unit tests: every field filled, the ones a test cares about given.
import type { JobSummary } from '../../../shared/job-query.js';

export function jobSummary(fields: Partial<JobSummary> & { id: string }): JobSummary {
  return {
    title: `Job ${fields.id}`,
    model: 'gpt-5',
    providerId: 'openai',
    effort: 'medium',
    reasoningSummaryMode: null,
    maxOutputTokens: null,
    status: 'queued',
    serverStatus: null,
    responseId: null,
    resolvedModel: null,
    cursor: -1,
    usage: null,
    cost: null,
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
