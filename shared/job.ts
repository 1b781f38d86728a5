// The job: one background response on a provider plus everything Mull keeps about it locally.
// Shared by the engine (node/core), the contract (shared/ipc) and the renderer.
import { z } from 'zod';
import { JobAttachments } from './job-attachments.js';
import { JobTools } from './job-tools.js';
import { ModelPrice } from './model-price.js';
import { OutputDigest } from './output-items.js';

/**
 * A job's lifecycle as the person sees it (the badge).
 * - pending: stored, the create request not sent yet (a driver will send it).
 * - submitting: the create request may have left; the response id is not known yet.
 * - queued / in_progress: the server's own statuses while we are attached to the stream.
 * - reconnecting: the stream dropped or stalled; resuming from the cursor.
 * - polling: re-streaming was refused or kept failing; polling until terminal.
 * - needs_key: the server answered 401; waits for a new key.
 * - unknown: the create request left but its id never arrived (a crash, a reset, a stall inside the
 *   create window); it may be running on the server, so it is never resent: the person attaches
 *   its response id or resubmits.
 * - completed / incomplete / failed / cancelled: the server's terminal statuses.
 * - expired: the server no longer knows the id (404); the local text is kept.
 */
export const JobStatus = z.enum([
  'pending',
  'submitting',
  'queued',
  'in_progress',
  'reconnecting',
  'polling',
  'needs_key',
  'unknown',
  'completed',
  'incomplete',
  'failed',
  'cancelled',
  'expired',
]);
export type JobStatus = z.infer<typeof JobStatus>;

export const terminalJobStatuses: ReadonlySet<JobStatus> = new Set<JobStatus>([
  'completed',
  'incomplete',
  'failed',
  'cancelled',
  'expired',
]);

/**
 * Statuses no driver works on: the terminal ones, and `unknown` (only the person can resolve it,
 * by attaching its response id). `needs_key` is not settled: a new key resumes it by itself.
 */
export function isSettled(status: JobStatus): boolean {
  return terminalJobStatuses.has(status) || status === 'unknown';
}

export function isTerminal(status: JobStatus): boolean {
  return terminalJobStatuses.has(status);
}

export const ReasoningEffort = z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh']);
export type ReasoningEffort = z.infer<typeof ReasoningEffort>;

/**
 * The processing tier asked for: `flex` is OpenAI's cheaper tier for work that can wait (it may be
 * refused for lack of capacity); null is the provider's default.
 */
export const ServiceTier = z.enum(['flex']);
export type ServiceTier = z.infer<typeof ServiceTier>;

export const ReasoningSummaryMode = z.enum(['auto', 'concise', 'detailed']);
export type ReasoningSummaryMode = z.infer<typeof ReasoningSummaryMode>;

export const TokenUsage = z.object({
  inputTokens: z.number().int().min(0),
  cachedTokens: z.number().int().min(0),
  outputTokens: z.number().int().min(0),
  reasoningTokens: z.number().int().min(0),
  totalTokens: z.number().int().min(0),
});
export type TokenUsage = z.infer<typeof TokenUsage>;

export const JobError = z.object({
  /** Machine code: the server's `error.code`, or one of Mull's (e.g. `expired`, `create_failed`). */
  code: z.string(),
  /** One readable sentence for a person; never contains a key. */
  message: z.string(),
});
export type JobError = z.infer<typeof JobError>;

export const JobId = z.string().min(1).max(64);
export type JobId = z.infer<typeof JobId>;

/** What a person submits. */
export const NewJob = z.object({
  prompt: z.string().min(1, 'The prompt is empty.').max(1_000_000),
  title: z.string().max(500).optional(),
  model: z.string().min(1),
  providerId: z.string().min(1).default('openai'),
  effort: ReasoningEffort.optional(),
  reasoningSummary: ReasoningSummaryMode.optional(),
  maxOutputTokens: z.number().int().min(16).optional(),
  instructions: z.string().max(100_000).optional(),
  /** Hosted tools (web search, MCP, ...); checked against the model by checkJobTools. */
  tools: JobTools.optional(),
  /** Files and images already in the attachment store (see shared/job-attachments.ts). */
  attachments: JobAttachments.optional(),
  serviceTier: ServiceTier.optional(),
  /** Jobs submitted together to compare models share a group id (the first job's id). */
  groupId: JobId.optional(),
});
export type NewJob = z.input<typeof NewJob>;
export type ParsedNewJob = z.output<typeof NewJob>;

export const Job = z.object({
  id: JobId,
  /** The title given, or the prompt's first line. */
  title: z.string(),
  prompt: z.string(),
  instructions: z.string().nullable(),
  model: z.string(),
  providerId: z.string(),
  effort: ReasoningEffort.nullable(),
  reasoningSummaryMode: ReasoningSummaryMode.nullable(),
  maxOutputTokens: z.number().int().nullable(),
  /** The hosted tools sent with the job; null: none (and every job stored before tools). */
  tools: JobTools.nullable(),
  /** Files and images sent with the job's first request; [] for none (and every older job). */
  attachments: JobAttachments,
  /** The tier asked for; null: the provider's default. */
  serviceTier: ServiceTier.nullable(),
  /** The tier the server reports it used (`service_tier` of the response), e.g. default, flex. */
  servedTier: z.string().nullable(),
  /** The comparison this job belongs to (one prompt sent to several models); null: none. */
  groupId: JobId.nullable(),
  status: JobStatus,
  /** The server's last known status (queued, in_progress, completed, ...), null before create. */
  serverStatus: z.string().nullable(),
  responseId: z.string().nullable(),
  /** The server's dated model name from the response, e.g. gpt-5-pro-2025-10-06. */
  resolvedModel: z.string().nullable(),
  /** The last sequence number folded into answer and reasoningSummary; -1 before any event. */
  cursor: z.number().int().min(-1),
  answer: z.string(),
  reasoningSummary: z.string(),
  usage: TokenUsage.nullable(),
  /**
   * USD, from usage and tool calls and the price tables in force when the job ended
   * (shared/cost.ts, shared/tool-prices.ts).
   */
  cost: z.number().nullable(),
  /**
   * Refusal, source and search counts and billable tool calls, from the job's output items
   * (shared/output-items.ts); null until the job has output items (and for every job stored
   * before items were kept).
   */
  outputDigest: OutputDigest.nullable(),
  /**
   * The model price `cost` was computed with, when the job ended: its bill's rows are priced from
   * it, so a later price override (which applies to jobs that end after it) never splits a bill.
   */
  priceUsed: ModelPrice.nullable(),
  error: JobError.nullable(),
  incompleteReason: z.string().nullable(),
  /** The job this one retries, if any. */
  retryOf: JobId.nullable(),
  /** The job this one follows up (its response is our previous_response_id). */
  parentId: JobId.nullable(),
  /** The first job of the thread this job belongs to (itself for a new conversation). */
  threadId: JobId,
  createdAt: z.number().int(),
  submittedAt: z.number().int().nullable(),
  startedAt: z.number().int().nullable(),
  finishedAt: z.number().int().nullable(),
  updatedAt: z.number().int(),
  /** Rises by one on every stored change; the newer revision wins in the UI. */
  revision: z.number().int().min(0),
});
export type Job = z.infer<typeof Job>;

/** The timeline: what happened to a job and when. */
export const JobEventKind = z.enum([
  'submitted',
  'created',
  'queued',
  'started',
  'disconnected',
  'reconnected',
  'stalled',
  'polling',
  'needs_key',
  'key_changed',
  'cancel_requested',
  /** The server answered the cancel (detail: the status it reported). */
  'cancel_answered',
  /** The server reported an error on the stream (detail: code and message). */
  'server_error',
  /** A response id was attached by the person (an unknown job resolved, or an outside response). */
  'attached',
  'anomaly',
  'finished',
]);
export type JobEventKind = z.infer<typeof JobEventKind>;

export const JobEvent = z.object({
  jobId: JobId,
  at: z.number().int(),
  kind: JobEventKind,
  detail: z.string().nullable(),
});
export type JobEvent = z.infer<typeof JobEvent>;

/** The title shown for a job: the given one, else the prompt's first non-empty line. */
export function titleFor(prompt: string, given?: string | null): string {
  const title = given?.trim();
  if (title) return title;
  const firstLine = prompt.split('\n').find((line) => line.trim() !== '') ?? '';
  const trimmed = firstLine.trim();
  return trimmed.length > 120 ? `${trimmed.slice(0, 119)}…` : trimmed;
}
