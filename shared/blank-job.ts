// A job before anything has happened to it: pending, nothing sent, no text, no optional setting
// chosen, a thread of its own. The engine's newJobRecord fills it from a person's input; tests on
// both sides build their jobs on it, so a new field gets its starting value in this one spot.
import { titleFor, type Job, type JobId } from './job.js';

/** What a blank job cannot do without: who it is, what it asks, of which model, and when. */
export interface BlankJobFields {
  id: JobId;
  prompt: string;
  model: string;
  providerId: string;
  createdAt: number;
  /** The title given; else the prompt's first line (titleFor). */
  title?: string;
}

export function blankJob({ id, prompt, model, providerId, createdAt, title }: BlankJobFields): Job {
  return {
    id,
    title: titleFor(prompt, title),
    prompt,
    instructions: null,
    model,
    providerId,
    effort: null,
    reasoningSummaryMode: null,
    maxOutputTokens: null,
    tools: null,
    attachments: [],
    serviceTier: null,
    servedTier: null,
    groupId: null,
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
    retryOf: null,
    parentId: null,
    threadId: id,
    createdAt,
    submittedAt: null,
    startedAt: null,
    finishedAt: null,
    updatedAt: createdAt,
    revision: 0,
  };
}
