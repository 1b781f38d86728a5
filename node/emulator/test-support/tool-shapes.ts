// Test helpers for tool runs: the field names of every kind of event and of the objects nested in
// it (item, part, web action, annotation, first source / result / listed tool / output), and the
// recorded shapes of file search and MCP streams, which real/ does not hold yet.
import type { SseEvent } from './sse.js';
import { kindOf } from './conformance.js';

type Json = Record<string, unknown>;

function keys(prefix: string, value: unknown): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.keys(value).map((k) => `${prefix}.${k}`);
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : undefined;
}

/** Kind of an event, with a web search action's type: `...done[web_search_call:open_page]`. */
function toolKindOf(data: Json): string {
  const action = (data.item as Json | undefined)?.action as Json | undefined;
  const kind = kindOf(data);
  return typeof action?.type === 'string' ? kind.replace(/]$/, `:${action.type}]`) : kind;
}

/**
 * Field names per kind of event, lifecycle events left out (their response objects differ between
 * API versions). The first event of each kind speaks for all of them.
 */
export function shapeOf(events: SseEvent[]): Map<string, string[]> {
  const shapes = new Map<string, string[]>();
  for (const { data } of events) {
    if ('response' in data) continue;
    const kind = toolKindOf(data);
    if (shapes.has(kind)) continue;
    const item = data.item as Json | undefined;
    const action = item?.action as Json | undefined;
    const part = (data.part ?? first(item?.content)) as Json | undefined;
    const annotation = (data.annotation ?? first(part?.annotations)) as Json | undefined;
    shapes.set(
      kind,
      [
        ...Object.keys(data),
        ...keys('item', item),
        ...keys('part', data.part),
        ...keys('action', action),
        ...keys('source', first(action?.sources)),
        ...keys('annotation', annotation),
        ...keys('result', first(item?.results)),
        ...keys('tool', first(item?.tools)),
        ...keys('output', first(item?.outputs)),
      ].sort(),
    );
  }
  return shapes;
}

export function eventTypes(events: SseEvent[]): Set<string> {
  return new Set(events.map((e) => e.data.type as string));
}

const own = ['item_id', 'output_index', 'sequence_number', 'type'];
const itemEvent = ['item', 'output_index', 'sequence_number', 'type'];
const withItem = (names: string[]) => [...itemEvent, ...names.map((n) => `item.${n}`)].sort();

/**
 * vercel/ai, packages/openai/src/responses/__fixtures__/openai-file-search-tool.2.chunks.txt
 * (gpt-5-mini, Sep 2025, with include file_search_call.results): the file-search kinds.
 */
export const recordedFileSearchShape = new Map<string, string[]>([
  [
    'response.output_item.added[file_search_call]',
    withItem(['id', 'queries', 'results', 'status', 'type']),
  ],
  ['response.file_search_call.in_progress', own],
  ['response.file_search_call.searching', own],
  ['response.file_search_call.completed', own],
  [
    'response.output_item.done[file_search_call]',
    [
      ...withItem(['id', 'queries', 'results', 'status', 'type']),
      ...['attributes', 'file_id', 'filename', 'score', 'text'].map((k) => `result.${k}`),
    ].sort(),
  ],
  [
    'response.output_text.annotation.added',
    [
      ...['annotation', 'annotation_index', 'content_index', 'item_id', 'output_index'],
      ...['sequence_number', 'type'],
      ...['file_id', 'filename', 'index', 'type'].map((k) => `annotation.${k}`),
    ].sort(),
  ],
]);

const mcpCallItem = ['approval_request_id', 'arguments', 'error', 'id', 'name', 'output'];

/**
 * vercel/ai, packages/openai/src/responses/__fixtures__/openai-mcp-tool.1.chunks.txt (gpt-5-mini,
 * Nov 2025, require_approval never): the MCP kinds.
 */
export const recordedMcpShape = new Map<string, string[]>([
  ['response.output_item.added[mcp_list_tools]', withItem(['id', 'server_label', 'tools', 'type'])],
  ['response.mcp_list_tools.in_progress', own],
  ['response.mcp_list_tools.completed', own],
  [
    'response.output_item.done[mcp_list_tools]',
    [
      ...withItem(['id', 'server_label', 'tools', 'type']),
      ...['annotations', 'description', 'input_schema', 'name'].map((k) => `tool.${k}`),
    ].sort(),
  ],
  [
    'response.output_item.added[mcp_call]',
    withItem([...mcpCallItem, 'server_label', 'status', 'type']),
  ],
  ['response.mcp_call.in_progress', own],
  ['response.mcp_call_arguments.delta', [...own, 'delta', 'obfuscation'].sort()],
  ['response.mcp_call_arguments.done', [...own, 'arguments'].sort()],
  ['response.mcp_call.completed', own],
  [
    'response.output_item.done[mcp_call]',
    withItem([...mcpCallItem, 'server_label', 'status', 'type']),
  ],
]);

/** The recorded MCP stream's event types (the file-search one has the web search's, minus web). */
export const recordedMcpTypes = [
  'response.created',
  'response.in_progress',
  'response.output_item.added',
  'response.mcp_list_tools.in_progress',
  'response.mcp_list_tools.completed',
  'response.output_item.done',
  'response.mcp_call.in_progress',
  'response.mcp_call_arguments.delta',
  'response.mcp_call_arguments.done',
  'response.mcp_call.completed',
  'response.content_part.added',
  'response.output_text.delta',
  'response.output_text.done',
  'response.content_part.done',
  'response.completed',
];

export const recordedFileSearchTypes = [
  'response.created',
  'response.in_progress',
  'response.output_item.added',
  'response.output_item.done',
  'response.file_search_call.in_progress',
  'response.file_search_call.searching',
  'response.file_search_call.completed',
  'response.content_part.added',
  'response.output_text.delta',
  'response.output_text.annotation.added',
  'response.output_text.done',
  'response.content_part.done',
  'response.completed',
];
