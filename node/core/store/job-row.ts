// How a Job maps onto the jobs table: snake_case columns, usage and error spread over several
// columns. Rows read back are validated against the Job schema, so a bad row fails loudly here.
import { Job, type TokenUsage } from '../../../shared/job.js';
import type { JobPatch } from './job-patch.js';

/** A value better-sqlite3 can bind. */
export type SqlValue = string | number | null;

/** One row of the jobs table, as SQLite returns it. */
export interface JobRow {
  id: string;
  title: string;
  prompt: string;
  instructions: string | null;
  model: string;
  provider_id: string;
  effort: string | null;
  reasoning_summary_mode: string | null;
  max_output_tokens: number | null;
  status: string;
  server_status: string | null;
  response_id: string | null;
  resolved_model: string | null;
  cursor: number;
  answer: string;
  reasoning_summary: string;
  input_tokens: number | null;
  cached_tokens: number | null;
  output_tokens: number | null;
  reasoning_tokens: number | null;
  total_tokens: number | null;
  cost: number | null;
  error_code: string | null;
  error_message: string | null;
  incomplete_reason: string | null;
  retry_of: string | null;
  parent_id: string | null;
  thread_id: string;
  created_at: number;
  submitted_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  updated_at: number;
  revision: number;
  /** JobTools as JSON; NULL: no tools (and every row from before migration 6). */
  tools: string | null;
  /** OutputDigest as JSON; NULL: no output items yet (and every row from before migration 7). */
  output_digest: string | null;
  /** ModelPrice as JSON: the price the cost was computed with; NULL before migration 8. */
  price: string | null;
  /** JobAttachments as JSON; NULL: none (and every row from before migration 10). */
  attachments: string | null;
  service_tier: string | null;
  served_tier: string | null;
  group_id: string | null;
}

/** Job fields stored in exactly one column of the same meaning. */
export const columnOfField = {
  title: 'title',
  prompt: 'prompt',
  instructions: 'instructions',
  model: 'model',
  providerId: 'provider_id',
  effort: 'effort',
  reasoningSummaryMode: 'reasoning_summary_mode',
  maxOutputTokens: 'max_output_tokens',
  status: 'status',
  serverStatus: 'server_status',
  responseId: 'response_id',
  resolvedModel: 'resolved_model',
  cursor: 'cursor',
  answer: 'answer',
  reasoningSummary: 'reasoning_summary',
  cost: 'cost',
  incompleteReason: 'incomplete_reason',
  retryOf: 'retry_of',
  parentId: 'parent_id',
  threadId: 'thread_id',
  createdAt: 'created_at',
  submittedAt: 'submitted_at',
  startedAt: 'started_at',
  finishedAt: 'finished_at',
  serviceTier: 'service_tier',
  servedTier: 'served_tier',
  groupId: 'group_id',
} as const satisfies Record<
  Exclude<
    keyof Job,
    | 'id'
    | 'usage'
    | 'error'
    | 'tools'
    | 'attachments'
    | 'outputDigest'
    | 'priceUsed'
    | 'updatedAt'
    | 'revision'
  >,
  keyof JobRow
>;
export type ScalarField = keyof typeof columnOfField;

/** Every column of a job, in table order (the table's seq is internal to the store). */
export const jobColumns = [
  'id',
  'title',
  'prompt',
  'instructions',
  'model',
  'provider_id',
  'effort',
  'reasoning_summary_mode',
  'max_output_tokens',
  'status',
  'server_status',
  'response_id',
  'resolved_model',
  'cursor',
  'answer',
  'reasoning_summary',
  'input_tokens',
  'cached_tokens',
  'output_tokens',
  'reasoning_tokens',
  'total_tokens',
  'cost',
  'error_code',
  'error_message',
  'incomplete_reason',
  'retry_of',
  'parent_id',
  'thread_id',
  'created_at',
  'submitted_at',
  'started_at',
  'finished_at',
  'updated_at',
  'revision',
  'tools',
  'output_digest',
  'price',
  'attachments',
  'service_tier',
  'served_tier',
  'group_id',
] as const satisfies readonly (keyof JobRow)[];

const scalarFields = Object.keys(columnOfField) as ScalarField[];

/** A row without the streamed texts: what a write reads back (the writer has the texts). */
export type JobRowWithoutText = Omit<JobRow, 'answer' | 'reasoning_summary'>;

export const columnsWithoutText = jobColumns.filter(
  (column) => column !== 'answer' && column !== 'reasoning_summary',
);

/** The columns to write for the fields present in `fields` (undefined means absent). */
export function fieldsToColumns(fields: JobPatch): Record<string, SqlValue> {
  const columns: Record<string, SqlValue> = {};
  for (const field of scalarFields) {
    const value = fields[field];
    if (value !== undefined) columns[columnOfField[field]] = value;
  }
  const { usage, error, tools, attachments, outputDigest, priceUsed } = fields;
  if (attachments !== undefined) {
    // No attachments is NULL, as for every row from before migration 10.
    columns.attachments = attachments.length === 0 ? null : JSON.stringify(attachments);
  }
  if (priceUsed !== undefined)
    columns.price = priceUsed === null ? null : JSON.stringify(priceUsed);
  if (tools !== undefined) columns.tools = tools === null ? null : JSON.stringify(tools);
  if (outputDigest !== undefined) {
    columns.output_digest = outputDigest === null ? null : JSON.stringify(outputDigest);
  }
  if (usage !== undefined) {
    columns.input_tokens = usage?.inputTokens ?? null;
    columns.cached_tokens = usage?.cachedTokens ?? null;
    columns.output_tokens = usage?.outputTokens ?? null;
    columns.reasoning_tokens = usage?.reasoningTokens ?? null;
    columns.total_tokens = usage?.totalTokens ?? null;
  }
  if (error !== undefined) {
    columns.error_code = error?.code ?? null;
    columns.error_message = error?.message ?? null;
  }
  return columns;
}

/** Every column of a job, ready to bind to an INSERT. */
export function jobToColumns(job: Job): Record<(typeof jobColumns)[number], SqlValue> {
  const columns = {
    ...fieldsToColumns(job),
    id: job.id,
    updated_at: job.updatedAt,
    revision: job.revision,
  };
  return columns as Record<(typeof jobColumns)[number], SqlValue>;
}

/** The Job fields of a row, unvalidated: shared by the full job and the list's summary. */
export function jobFieldsOf(
  row: Omit<JobRow, 'prompt' | 'instructions' | 'answer' | 'reasoning_summary'>,
) {
  return {
    id: row.id,
    title: row.title,
    model: row.model,
    providerId: row.provider_id,
    effort: row.effort,
    reasoningSummaryMode: row.reasoning_summary_mode,
    maxOutputTokens: row.max_output_tokens,
    tools: row.tools === null ? null : (JSON.parse(row.tools) as unknown),
    attachments: row.attachments === null ? [] : (JSON.parse(row.attachments) as unknown),
    serviceTier: row.service_tier,
    servedTier: row.served_tier,
    groupId: row.group_id,
    status: row.status,
    serverStatus: row.server_status,
    responseId: row.response_id,
    resolvedModel: row.resolved_model,
    cursor: row.cursor,
    usage: usageOf(row),
    cost: row.cost,
    outputDigest: row.output_digest === null ? null : (JSON.parse(row.output_digest) as unknown),
    priceUsed: row.price === null ? null : (JSON.parse(row.price) as unknown),
    error:
      row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? '' },
    incompleteReason: row.incomplete_reason,
    retryOf: row.retry_of,
    parentId: row.parent_id,
    threadId: row.thread_id,
    createdAt: row.created_at,
    submittedAt: row.submitted_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    updatedAt: row.updated_at,
    revision: row.revision,
  };
}

export function rowToJob(row: JobRow): Job {
  return Job.parse({
    ...jobFieldsOf(row),
    prompt: row.prompt,
    instructions: row.instructions,
    answer: row.answer,
    reasoningSummary: row.reasoning_summary,
  });
}

/**
 * A row this process has just written through update(): its patch was validated on the way in
 * and every other column by the writes before it, so it is mapped without validating again.
 * (Validating on this path cost more than the UPDATE itself while dozens of jobs stream.) The
 * texts come from the write, not from the row: reading a long answer back was most of the cost.
 */
export function writtenRowToJob(
  row: JobRowWithoutText,
  texts: { answer: string; reasoningSummary: string },
): Job {
  return {
    ...jobFieldsOf(row),
    prompt: row.prompt,
    instructions: row.instructions,
    answer: texts.answer,
    reasoningSummary: texts.reasoningSummary,
  } as Job;
}

function usageOf(
  row: Pick<
    JobRow,
    'input_tokens' | 'cached_tokens' | 'output_tokens' | 'reasoning_tokens' | 'total_tokens'
  >,
): TokenUsage | null {
  // The table's CHECK keeps the five usage columns all null or all set.
  if (
    row.input_tokens === null ||
    row.cached_tokens === null ||
    row.output_tokens === null ||
    row.reasoning_tokens === null ||
    row.total_tokens === null
  ) {
    return null;
  }
  return {
    inputTokens: row.input_tokens,
    cachedTokens: row.cached_tokens,
    outputTokens: row.output_tokens,
    reasoningTokens: row.reasoning_tokens,
    totalTokens: row.total_tokens,
  };
}
