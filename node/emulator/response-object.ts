// The response object as the real API serializes it (field set taken from the recordings in
// e2e/fixtures/openai-recordings), and the output items inside it.

export type ResponseStatus =
  'queued' | 'in_progress' | 'completed' | 'incomplete' | 'failed' | 'cancelled';

export interface Usage {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

export type OutputItem = Record<string, unknown> & { id: string; type: string };

export type ResponseObject = Record<string, unknown> & {
  id: string;
  status: ResponseStatus;
  output: OutputItem[];
  usage: Usage | null;
};

export interface ResponseFields {
  id: string;
  createdAt: number;
  modelSnapshot: string;
  background: boolean;
  store: boolean;
  instructions: string | null;
  maxOutputTokens: number | null;
  previousResponseId: string | null;
  reasoning: { effort: string | null; summary: string | null };
  metadata: Record<string, string>;
  temperature: number | null;
  topP: number | null;
  /** The requested tier: `auto` unless the request named one. */
  serviceTier: string;
  /** The request's tools, echoed as sent (and run: tool-run.ts). */
  tools?: readonly unknown[];
  maxToolCalls?: number | null;
}

/** The response as first created: queued, no output, no usage. */
export function newResponseObject(f: ResponseFields): ResponseObject {
  return {
    id: f.id,
    object: 'response',
    created_at: f.createdAt,
    status: 'queued',
    background: f.background,
    completed_at: null,
    error: null,
    frequency_penalty: 0.0,
    incomplete_details: null,
    instructions: f.instructions,
    max_output_tokens: f.maxOutputTokens,
    max_tool_calls: f.maxToolCalls ?? null,
    model: f.modelSnapshot,
    output: [],
    parallel_tool_calls: true,
    presence_penalty: 0.0,
    previous_response_id: f.previousResponseId,
    prompt_cache_key: null,
    prompt_cache_retention: null,
    reasoning: f.reasoning,
    safety_identifier: null,
    service_tier: f.serviceTier,
    store: f.store,
    temperature: f.temperature ?? 1.0,
    text: { format: { type: 'text' }, verbosity: 'medium' },
    tool_choice: 'auto',
    tools: [...(f.tools ?? [])],
    top_logprobs: 0,
    top_p: f.topP ?? 1.0,
    truncation: 'disabled',
    usage: null,
    user: null,
    metadata: f.metadata,
  };
}

// The real server writes `response.in_progress` and the terminal events with the response's keys in
// another order than `response.created`. Clients must not care; the emulator does the same.
const shuffledKeyOrder = [
  'truncation',
  'tool_choice',
  'id',
  'usage',
  'status',
  'top_p',
  'temperature',
  'top_logprobs',
  'object',
  'created_at',
  'prompt_cache_key',
  'text',
  'incomplete_details',
  'frequency_penalty',
  'previous_response_id',
  'model',
  'safety_identifier',
  'metadata',
  'store',
  'output',
  'parallel_tool_calls',
  'error',
  'instructions',
  'max_output_tokens',
  'service_tier',
  'max_tool_calls',
  'prompt_cache_retention',
  'tools',
  'user',
  'presence_penalty',
  'reasoning',
  'background',
  'completed_at',
];

export function withShuffledKeys(response: ResponseObject): ResponseObject {
  const out: Record<string, unknown> = {};
  for (const key of shuffledKeyOrder) if (key in response) out[key] = response[key];
  for (const [key, value] of Object.entries(response)) if (!(key in out)) out[key] = value;
  return out as ResponseObject;
}

/**
 * The tier a finished response reports: the recordings show `auto` while queued and running, and
 * `default` (the tier actually used) once completed.
 */
export function servedTier(requested: string): string {
  return requested === 'auto' ? 'default' : requested;
}

export function outputTextPart(
  text: string,
  annotations: readonly Record<string, unknown>[] = [],
): Record<string, unknown> {
  return { type: 'output_text', annotations: [...annotations], logprobs: [], text };
}

/** A refusal instead of output text (as real/mira-refusal.json). */
export function refusalPart(refusal: string): Record<string, unknown> {
  return { type: 'refusal', refusal };
}

export interface MessageShape {
  /** The content is a refusal part instead of output text. */
  refusal?: boolean;
  annotations?: readonly Record<string, unknown>[];
  /** Two-phase output (as real/vercel-phase-codex.json); absent on ordinary messages. */
  phase?: 'commentary' | 'final_answer';
}

export function messageItem(
  id: string,
  text: string | null,
  status: string,
  shape: MessageShape = {},
): OutputItem {
  const part =
    text === null
      ? []
      : [shape.refusal ? refusalPart(text) : outputTextPart(text, shape.annotations)];
  return {
    id,
    type: 'message',
    status,
    content: part,
    ...(shape.phase ? { phase: shape.phase } : {}),
    role: 'assistant',
  };
}

export function reasoningItem(id: string, summaryParts: readonly string[]): OutputItem {
  return {
    id,
    type: 'reasoning',
    summary: summaryParts.map((text) => ({ type: 'summary_text', text })),
  };
}

export function usageOf(
  input: number,
  cached: number,
  visibleOutput: number,
  reasoning: number,
): Usage {
  const output = visibleOutput + reasoning;
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: Math.min(cached, input) },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: reasoning },
    total_tokens: input + output,
  };
}
