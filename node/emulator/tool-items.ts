// The output items of hosted tool calls, in the field order the API writes them. Sources of the
// shapes: web search and code interpreter from real/vercel-websearch-5mini.json and
// real/pyd-gpt5-codeinterp.json; file search and MCP from vercel/ai's recorded streams
// (packages/openai/src/responses/__fixtures__/openai-file-search-tool.2.chunks.txt and
// openai-mcp-tool.1.chunks.txt), checked against the openai SDK's types (ResponseFileSearchToolCall,
// ResponseOutputItem.McpListTools / McpCall, ResponseFunctionWebSearch, in
// openai/resources/responses/responses.d.ts, and openai-python's response_file_search_tool_call.py).
import { randomBytes } from 'node:crypto';
import type { OutputItem } from './response-object.js';
import type { FileResult, McpToolInfo } from './tool-content.js';
import type { WebAction } from './tool-run.js';

export function itemId(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString('hex')}`;
}

/** Started: no `action` yet (as recorded); done: the action, with sources only when included. */
export function webSearchItem(id: string, action: WebAction | null, sources: boolean): OutputItem {
  if (action === null) return { id, type: 'web_search_call', status: 'in_progress' };
  const shown =
    action.type !== 'search'
      ? action
      : {
          type: 'search',
          query: action.query,
          ...(sources ? { sources: action.results.map((r) => ({ type: 'url', url: r.url })) } : {}),
        };
  return { id, type: 'web_search_call', status: 'completed', action: shown };
}

export function codeInterpreterItem(
  id: string,
  containerId: string,
  code: string,
  done: { logs: string; included: boolean } | null,
): OutputItem {
  return {
    id,
    type: 'code_interpreter_call',
    status: done ? 'completed' : 'in_progress',
    code,
    container_id: containerId,
    // Outputs only when the request's include asks for code_interpreter_call.outputs.
    outputs: done?.included ? [{ type: 'logs', logs: done.logs }] : null,
  };
}

export function fileSearchItem(
  id: string,
  done: { queries: string[]; result: FileResult; included: boolean } | null,
): OutputItem {
  if (!done)
    return { id, type: 'file_search_call', status: 'in_progress', queries: [], results: null };
  return {
    id,
    type: 'file_search_call',
    status: 'completed',
    queries: done.queries,
    // Results only when the request's include asks for file_search_call.results.
    results: done.included ? [{ attributes: {}, ...done.result }] : null,
  };
}

export function mcpListToolsItem(
  id: string,
  serverLabel: string,
  tools: McpToolInfo[],
): OutputItem {
  return {
    id,
    type: 'mcp_list_tools',
    server_label: serverLabel,
    tools: tools.map((t) => ({
      annotations: { read_only: true },
      description: t.description,
      input_schema: t.input_schema,
      name: t.name,
    })),
  };
}

export function mcpCallItem(
  id: string,
  call: { serverLabel: string; name: string },
  done: { arguments: string; output: string } | null,
): OutputItem {
  return {
    id,
    type: 'mcp_call',
    status: done ? 'completed' : 'in_progress',
    approval_request_id: null,
    arguments: done?.arguments ?? '',
    error: null,
    name: call.name,
    output: done?.output ?? null,
    server_label: call.serverLabel,
  };
}
