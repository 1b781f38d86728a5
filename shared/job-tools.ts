// The hosted tools a job may use: what the person chose, in Mull's own words. The engine turns
// this into the API's `tools` array (node/core/engine/create-body.ts); whether a model takes
// these tools is checked against the model registry (checkJobTools in shared/models.ts).
import { z } from 'zod';

/** The kinds of hosted tool Mull can send. */
export const ToolKind = z.enum(['web_search', 'code_interpreter', 'file_search', 'mcp']);
export type ToolKind = z.infer<typeof ToolKind>;

/** How people read a tool kind in a sentence. */
export const toolKindLabel: Readonly<Record<ToolKind, string>> = {
  web_search: 'web search',
  code_interpreter: 'code interpreter',
  file_search: 'file search',
  mcp: 'MCP servers',
};

const loopbackHosts: ReadonlySet<string> = new Set(['localhost', '[::1]']);

function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Why an MCP server URL cannot be used, as one sentence; undefined when it can. The server is
 * called by the provider, so only https is accepted, except plain http to this machine (a test
 * server, e.g. the emulator's).
 */
export function mcpUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `The MCP server URL '${text}' is not a URL; give one like https://example.com/mcp.`;
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return undefined;
  return `The MCP server URL '${text}' must use https (plain http only to this machine).`;
}

export const McpServer = z.object({
  /** The API's server_label: names the server in the response's tool calls. */
  label: z
    .string()
    .regex(
      /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
      'An MCP server label starts with a letter and has only letters, digits, - and _ (at most 64).',
    ),
  url: z.string().superRefine((text, ctx) => {
    const problem = mcpUrlProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  /** Only these of the server's tools; absent: all of them. */
  allowedTools: z.array(z.string().min(1)).min(1).optional(),
});
export type McpServer = z.infer<typeof McpServer>;

export const JobTools = z.object({
  webSearch: z.boolean().default(false),
  codeInterpreter: z.boolean().default(false),
  /** File search over these vector stores; empty: no file search. */
  vectorStoreIds: z.array(z.string().min(1)).default([]),
  mcpServers: z.array(McpServer).default([]),
  /** The API's max_tool_calls: a cap on the built-in tool calls of the whole response. */
  maxToolCalls: z
    .number()
    .int()
    .min(1, 'The maximum number of tool calls is at least 1.')
    .optional(),
});
export type JobTools = z.output<typeof JobTools>;
export type JobToolsInput = z.input<typeof JobTools>;

/** The tool kinds a job's tools use. */
export function toolKindsOf(tools: JobTools): ToolKind[] {
  const kinds: ToolKind[] = [];
  if (tools.webSearch) kinds.push('web_search');
  if (tools.codeInterpreter) kinds.push('code_interpreter');
  if (tools.vectorStoreIds.length > 0) kinds.push('file_search');
  if (tools.mcpServers.length > 0) kinds.push('mcp');
  return kinds;
}

/** Tools that give a deep-research model something to research (code interpreter is not one). */
export function hasDataSource(tools: JobTools): boolean {
  return tools.webSearch || tools.vectorStoreIds.length > 0 || tools.mcpServers.length > 0;
}
