// Jobs for tests: valid by default, with only the fields a test cares about overridden.
import type { Job } from '../../../../shared/job.js';

let counter = 0;

export function sampleJob(overrides: Partial<Job> = {}): Job {
  counter += 1;
  const id = overrides.id ?? `job-${counter}`;
  return {
    id,
    title: `Job ${counter}`,
    prompt: 'Prove that there are infinitely many primes.',
    instructions: null,
    model: 'gpt-5-pro',
    providerId: 'openai',
    effort: 'high',
    reasoningSummaryMode: 'auto',
    maxOutputTokens: null,
    tools: null,
    attachments: [],
    serviceTier: null,
    servedTier: null,
    groupId: null,
    // A job with text has run: answers are searchable once a job has settled.
    status: overrides.answer || overrides.reasoningSummary ? 'completed' : 'pending',
    serverStatus: null,
    responseId: null,
    resolvedModel: null,
    cursor: -1,
    answer: '',
    reasoningSummary: '',
    usage: null,
    cost: null,
    outputDigest: null,
    priceUsed: null,
    error: null,
    incompleteReason: null,
    retryOf: null,
    parentId: null,
    threadId: id,
    createdAt: 1_700_000_000_000 + counter,
    submittedAt: null,
    startedAt: null,
    finishedAt: null,
    updatedAt: 1_700_000_000_000 + counter,
    revision: 0,
    ...overrides,
  };
}
