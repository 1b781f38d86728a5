// `mull submit`'s tool flags as a job's tools: --web-search, --code-interpreter, --vector-store ID,
// --mcp LABEL=URL, --mcp-allow LABEL=TOOL,TOOL and --max-tool-calls N. Whether the model takes
// them is checked afterwards (checkJobTools), so a refusal is a usage error before anything is
// stored or sent.
import type { JobToolsInput, McpServer } from '../../shared/job-tools.js';
import { UsageError } from './cli-errors.js';
import { wholeNumber } from './option-values.js';

export const toolFlagsHelp = `Tools (deep-research models get web search unless a data source is given):
  --web-search               let the model search the web
  --code-interpreter         let the model run Python in a sandbox
  --vector-store ID          file search over this vector store (repeatable)
  --mcp LABEL=URL            a remote MCP server, https (http only to this machine) (repeatable)
  --mcp-allow LABEL=T1,T2    only these tools of the MCP server LABEL (default: all of them)
  --max-tool-calls N         cap on the tool calls of the whole job`;

export const toolFlagOptions = {
  'web-search': { type: 'boolean' },
  'code-interpreter': { type: 'boolean' },
  'vector-store': { type: 'string', multiple: true },
  mcp: { type: 'string', multiple: true },
  'mcp-allow': { type: 'string', multiple: true },
  'max-tool-calls': { type: 'string' },
} as const;

export interface ToolFlagValues {
  'web-search'?: boolean;
  'code-interpreter'?: boolean;
  'vector-store'?: string[];
  mcp?: string[];
  'mcp-allow'?: string[];
  'max-tool-calls'?: string;
}

/** The tools the flags ask for; undefined when no tool flag was given. */
export function toolsFromFlags(values: ToolFlagValues): JobToolsInput | undefined {
  const vectorStoreIds = (values['vector-store'] ?? []).map((id) => {
    const trimmed = id.trim();
    if (trimmed === '') throw new UsageError('--vector-store needs a vector store id');
    return trimmed;
  });
  const mcpServers = mcpServersOf(values.mcp ?? [], values['mcp-allow'] ?? []);
  const maxToolCalls = wholeNumber('--max-tool-calls', values['max-tool-calls'], {
    min: 1,
    max: Number.POSITIVE_INFINITY,
  });
  const tools: JobToolsInput = {
    ...(values['web-search'] ? { webSearch: true } : {}),
    ...(values['code-interpreter'] ? { codeInterpreter: true } : {}),
    ...(vectorStoreIds.length > 0 ? { vectorStoreIds } : {}),
    ...(mcpServers.length > 0 ? { mcpServers } : {}),
    ...(maxToolCalls !== undefined ? { maxToolCalls } : {}),
  };
  return Object.keys(tools).length > 0 ? tools : undefined;
}

function splitPair(flag: string, shape: string, text: string): [string, string] {
  const at = text.indexOf('=');
  const key = text.slice(0, at).trim();
  const value = text.slice(at + 1).trim();
  if (at < 0 || key === '' || value === '') {
    throw new UsageError(`${flag} takes ${shape} (got '${text}')`);
  }
  return [key, value];
}

function mcpServersOf(servers: string[], allows: string[]): McpServer[] {
  const byLabel = new Map<string, McpServer>();
  for (const text of servers) {
    const [label, url] = splitPair('--mcp', 'LABEL=URL', text);
    if (byLabel.has(label)) throw new UsageError(`--mcp gives the label '${label}' twice`);
    byLabel.set(label, { label, url });
  }
  for (const text of allows) {
    const [label, list] = splitPair('--mcp-allow', 'LABEL=TOOL,TOOL', text);
    const server = byLabel.get(label);
    if (!server) throw new UsageError(`--mcp-allow names '${label}', which no --mcp gives`);
    const allowed = list
      .split(',')
      .map((tool) => tool.trim())
      .filter((tool) => tool !== '');
    if (allowed.length === 0) throw new UsageError(`--mcp-allow ${label}= names no tool`);
    server.allowedTools = [...(server.allowedTools ?? []), ...allowed];
  }
  return [...byLabel.values()];
}
