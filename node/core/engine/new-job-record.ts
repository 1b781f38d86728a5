// A new job as first stored: pending, nothing sent, no text. The one place a Job is built from a
// person's input, so every field gets its starting value in one spot.
import { randomUUID } from 'node:crypto';
import { titleFor, type Job, type JobId, type ParsedNewJob } from '../../../shared/job.js';

export interface JobLinks {
  retryOf?: JobId;
  parentId?: JobId | null;
  threadId?: JobId;
}

export function newJobRecord(
  input: ParsedNewJob,
  links: JobLinks,
  now: number,
  id: JobId = randomUUID(),
): Job {
  return {
    id,
    title: titleFor(input.prompt, input.title),
    prompt: input.prompt,
    instructions: input.instructions ?? null,
    model: input.model,
    providerId: input.providerId,
    effort: input.effort ?? null,
    reasoningSummaryMode: input.reasoningSummary ?? null,
    maxOutputTokens: input.maxOutputTokens ?? null,
    tools: input.tools ?? null,
    attachments: input.attachments ?? [],
    serviceTier: input.serviceTier ?? null,
    servedTier: null,
    groupId: input.groupId ?? null,
    status: 'pending',
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
    retryOf: links.retryOf ?? null,
    parentId: links.parentId ?? null,
    threadId: links.threadId ?? id,
    createdAt: now,
    submittedAt: null,
    startedAt: null,
    finishedAt: null,
    updatedAt: now,
    revision: 0,
  };
}
