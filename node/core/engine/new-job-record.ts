// A new job as first stored: a blank job (shared/blank-job.ts) with a person's input and its links
// to other jobs filled in. The one place a Job is built from a person's input.
import { randomUUID } from 'node:crypto';
import { blankJob } from '../../../shared/blank-job.js';
import type { Job, JobId, ParsedNewJob } from '../../../shared/job.js';

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
  const { prompt, model, providerId, title } = input;
  return {
    ...blankJob({ id, prompt, model, providerId, createdAt: now, title }),
    instructions: input.instructions ?? null,
    effort: input.effort ?? null,
    reasoningSummaryMode: input.reasoningSummary ?? null,
    maxOutputTokens: input.maxOutputTokens ?? null,
    tools: input.tools ?? null,
    attachments: input.attachments ?? [],
    serviceTier: input.serviceTier ?? null,
    groupId: input.groupId ?? null,
    retryOf: links.retryOf ?? null,
    parentId: links.parentId ?? null,
    threadId: links.threadId ?? id,
  };
}
