// Validates `POST /responses` bodies the way the real API does, with its error messages and codes.
import { z } from 'zod';
import { ApiError, invalidRequest } from './api-error.js';
import { findEmulatedModel, type EmulatedModel } from './models.js';
import type { FileReference } from './uploaded-files.js';

const InputContent = z.union([
  z.string(),
  z.array(z.looseObject({ type: z.string(), text: z.string().optional() })),
]);
const InputItem = z.looseObject({
  type: z.string().optional(),
  role: z.string().optional(),
  content: InputContent.optional(),
});

const CreateBody = z.strictObject({
  model: z.string(),
  input: z.union([z.string(), z.array(InputItem)]).optional(),
  instructions: z.string().nullable().optional(),
  background: z.boolean().nullable().optional(),
  stream: z.boolean().nullable().optional(),
  store: z.boolean().nullable().optional(),
  reasoning: z
    .looseObject({
      effort: z.string().nullable().optional(),
      summary: z.enum(['auto', 'concise', 'detailed']).nullable().optional(),
    })
    .nullable()
    .optional(),
  max_output_tokens: z.number().int().nullable().optional(),
  previous_response_id: z.string().nullable().optional(),
  metadata: z.record(z.string(), z.string()).nullable().optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: z.number().min(0).max(1).nullable().optional(),
  // Echoed, and run with recorded shapes (tool-run.ts); deep research insists on a data source.
  tools: z.array(z.looseObject({ type: z.string() })).optional(),
  tool_choice: z.unknown().optional(),
  text: z.unknown().optional(),
  truncation: z.enum(['auto', 'disabled']).nullable().optional(),
  user: z.string().optional(),
  parallel_tool_calls: z.boolean().nullable().optional(),
  include: z.array(z.string()).nullable().optional(),
  service_tier: z.string().nullable().optional(),
  prompt_cache_key: z.string().optional(),
  prompt_cache_retention: z.string().nullable().optional(),
  safety_identifier: z.string().optional(),
  stream_options: z
    .looseObject({ include_obfuscation: z.boolean().nullable().optional() })
    .nullable()
    .optional(),
  top_logprobs: z.number().int().nullable().optional(),
  max_tool_calls: z.number().int().nullable().optional(),
});

export interface CreateRequest {
  model: EmulatedModel;
  modelName: string;
  promptText: string;
  instructions: string | null;
  background: boolean;
  stream: boolean;
  store: boolean;
  reasoning: { effort: string | null; summary: string | null };
  maxOutputTokens: number | null;
  previousResponseId: string | null;
  metadata: Record<string, string>;
  temperature: number | null;
  topP: number | null;
  /** As requested (`auto` when absent); the terminal response reports the tier actually used. */
  serviceTier: string;
  /** false when the request turns the delta `obfuscation` field off; undefined: the default. */
  includeObfuscation: boolean | undefined;
  /** As sent; echoed in the response's `tools`, and run (tool-run.ts). */
  tools: readonly Record<string, unknown>[];
  /** What the response should add to its output items (`web_search_call.action.sources`, ...). */
  include: readonly string[];
  maxToolCalls: number | null;
  /** The `file_id`s its `input_file` / `input_image` parts name (checked against uploads). */
  fileReferences: readonly FileReference[];
}

/** The tool types that give a deep-research model something to research. */
const dataSourceToolTypes: ReadonlySet<string> = new Set([
  'web_search_preview',
  'mcp',
  'file_search',
]);

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function zodIssueToApiError(raw: unknown, issue: z.core.$ZodIssue): ApiError {
  const param = issue.path.map(String).join('.');
  const given = valueAt(raw, issue.path);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return invalidRequest(`Unknown parameter: '${key}'.`, key, 'unknown_parameter');
  }
  if (issue.code === 'invalid_type' && given === undefined) {
    return invalidRequest(
      `Missing required parameter: '${param}'.`,
      param,
      'missing_required_parameter',
    );
  }
  if (issue.code === 'invalid_type') {
    return invalidRequest(
      `Invalid type for '${param}': expected ${issue.expected}, but got ${Array.isArray(given) ? 'array' : typeof given} instead.`,
      param,
      'invalid_type',
    );
  }
  return invalidRequest(`Invalid '${param}': ${issue.message}.`, param, 'invalid_value');
}

function textOfInput(input: z.infer<typeof CreateBody>['input']): string {
  if (input === undefined) return '';
  if (typeof input === 'string') return input;
  return input
    .map((item) => {
      const content = item.content;
      if (content === undefined) return '';
      if (typeof content === 'string') return content;
      return content.map((part) => part.text ?? '').join('');
    })
    .join('\n');
}

/** Each `file_id` named by an `input_file` or `input_image` part of the input's messages. */
function fileReferencesOf(input: z.infer<typeof CreateBody>['input']): FileReference[] {
  if (input === undefined || typeof input === 'string') return [];
  const references: FileReference[] = [];
  input.forEach((item, i) => {
    if (!Array.isArray(item.content)) return;
    item.content.forEach((part, j) => {
      const fileId: unknown = (part as Record<string, unknown>).file_id;
      if ((part.type === 'input_file' || part.type === 'input_image') && typeof fileId === 'string')
        references.push({ fileId, param: `input[${i}].content[${j}].file_id` });
    });
  });
  return references;
}

function defaultEffort(model: EmulatedModel): string | null {
  if (!model.reasoning) return null;
  return model.efforts.includes('medium') ? 'medium' : (model.efforts[0] ?? null);
}

/** Parses and checks a create body; throws ApiError with the real API's wording. */
export function parseCreateRequest(raw: unknown): CreateRequest {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw invalidRequest('The body of your request must be a JSON object.');
  }
  const parsed = CreateBody.safeParse(raw);
  if (!parsed.success) {
    throw zodIssueToApiError(raw, parsed.error.issues[0] as z.core.$ZodIssue);
  }
  const body = parsed.data;
  const model = findEmulatedModel(body.model);
  if (!model) {
    // The Responses API answers 400 here (Chat Completions' wording and 404 differ).
    throw invalidRequest(
      `The requested model '${body.model}' does not exist.`,
      'model',
      'model_not_found',
    );
  }
  const background = body.background ?? false;
  const store = body.store ?? true;
  if (background && !store) {
    throw invalidRequest("Background mode requires 'store' to be true.", 'store', 'invalid_value');
  }
  if (body.input === undefined && !body.previous_response_id) {
    throw invalidRequest(
      "Missing required parameter: 'input'.",
      'input',
      'missing_required_parameter',
    );
  }
  const effort = body.reasoning?.effort ?? null;
  const summary = body.reasoning?.summary ?? null;
  if (!model.reasoning && (effort !== null || summary !== null)) {
    throw invalidRequest(
      "Unsupported parameter: 'reasoning.effort' is not supported with this model.",
      'reasoning.effort',
      'unsupported_parameter',
    );
  }
  if (effort !== null && !model.efforts.includes(effort)) {
    throw invalidRequest(
      `Unsupported value: 'reasoning.effort' does not support '${effort}' with this model. Supported values are: ${model.efforts.map((e) => `'${e}'`).join(', ')}.`,
      'reasoning.effort',
      'unsupported_value',
    );
  }
  for (const param of ['temperature', 'top_p'] as const) {
    if (body[param] != null && !model.supportsTemperature) {
      throw invalidRequest(
        `Unsupported parameter: '${param}' is not supported with this model.`,
        param,
        'unsupported_parameter',
      );
    }
  }
  if (body.max_output_tokens != null && body.max_output_tokens < 16) {
    throw invalidRequest(
      `Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but got ${body.max_output_tokens} instead.`,
      'max_output_tokens',
      'integer_below_min_value',
    );
  }
  const tools = body.tools ?? [];
  if (model.needsDataSourceTool && !tools.some((tool) => dataSourceToolTypes.has(tool.type))) {
    throw invalidRequest(
      "Deep research models require at least one of 'web_search_preview', 'mcp', or 'file_search' tools.",
      'tools',
    );
  }
  const metadata = body.metadata ?? {};
  const entries = Object.entries(metadata);
  if (entries.length > 16) {
    throw invalidRequest(
      "Invalid 'metadata': too many properties. Expected at most 16.",
      'metadata',
      'object_above_max_properties',
    );
  }
  for (const [key, value] of entries) {
    if (key.length > 64 || value.length > 512) {
      throw invalidRequest(
        `Invalid 'metadata.${key.slice(0, 64)}': keys are at most 64 characters and values at most 512.`,
        `metadata.${key.slice(0, 64)}`,
        'string_above_max_length',
      );
    }
  }
  return {
    model,
    modelName: body.model,
    promptText: textOfInput(body.input),
    instructions: body.instructions ?? null,
    background,
    stream: body.stream ?? false,
    store,
    reasoning: { effort: effort ?? defaultEffort(model), summary },
    maxOutputTokens: body.max_output_tokens ?? null,
    previousResponseId: body.previous_response_id ?? null,
    metadata,
    temperature: body.temperature ?? null,
    topP: body.top_p ?? null,
    serviceTier: body.service_tier ?? 'auto',
    includeObfuscation: body.stream_options?.include_obfuscation ?? undefined,
    tools,
    include: body.include ?? [],
    maxToolCalls: body.max_tool_calls ?? null,
    fileReferences: fileReferencesOf(body.input),
  };
}
