// Which hosted tool calls a create with `tools` makes, in order, and what its answer cites: the
// tool run of one response, as plain data (tool-events.ts writes its events, cited-answer.ts its
// answer). Counts come from the script's `toolRun`, with defaults for ordinary and deep-research
// models; `max_tool_calls` caps the calls as on the API.
import { hashString, seededRandom } from './seeded-random.js';
import {
  codeRun,
  fileSearch,
  findPattern,
  mcpCall,
  mcpTools,
  searchQuery,
  searchResults,
  topicOf,
  type FileResult,
  type McpToolInfo,
  type WebPage,
} from './tool-content.js';
import type { ToolRun } from './script.js';

export type WebAction =
  | { type: 'search'; query: string; results: WebPage[] }
  | { type: 'open_page'; url: string }
  | { type: 'find_in_page'; pattern: string; url: string };

export type ToolCall =
  | { kind: 'web_search'; action: WebAction }
  | { kind: 'code_interpreter'; code: string; logs: string }
  | { kind: 'file_search'; queries: string[]; result: FileResult }
  | { kind: 'mcp'; serverLabel: string; name: string; arguments: string; output: string };

export interface McpListing {
  serverLabel: string;
  tools: McpToolInfo[];
}

export interface ToolRunPlan {
  /** `mcp_list_tools` items, one per MCP server, before anything else (as recorded). */
  listings: McpListing[];
  calls: ToolCall[];
  /** The pages the answer cites, in order (one `url_citation` each). */
  webCitations: WebPage[];
  /** The files the answer cites (one `file_citation` each). */
  fileCitations: FileResult[];
  deepResearch: boolean;
  /** Virtual ms each call takes. */
  toolCallMs: number;
  /** What `include` asked for. */
  sources: boolean;
  codeOutputs: boolean;
  fileResults: boolean;
}

export interface ToolRunRequest {
  tools: readonly Record<string, unknown>[];
  include: readonly string[];
  maxToolCalls: number | null;
  promptText: string;
  deepResearch: boolean;
  toolCallMs: number | undefined;
}

type Counts = Required<Omit<ToolRun, 'seed' | 'sourcesPerSearch'>>;

const ordinaryCounts: Counts = {
  searches: 2,
  openPages: 1,
  findInPage: 1,
  citations: 3,
  codeCalls: 1,
  fileSearches: 1,
  mcpCalls: 1,
};
// Deep research reads widely: dozens of searches and pages, a report with dozens of citations.
const deepResearchCounts: Counts = {
  searches: 16,
  openPages: 8,
  findInPage: 4,
  citations: 30,
  codeCalls: 3,
  fileSearches: 4,
  mcpCalls: 4,
};

function isWebSearch(type: string): boolean {
  // web_search, web_search_preview and their dated variants (web_search_preview_2025_03_11).
  return type.startsWith('web_search');
}

/** The web actions of a run: searches, with pages opened and searched between them. */
function webActions(
  counts: Counts,
  sourcesPerSearch: number,
  topic: string,
  random: ReturnType<typeof seededRandom>,
): WebAction[] {
  const actions: WebAction[] = [];
  const found: WebPage[] = [];
  const opened: string[] = [];
  let opens = counts.openPages;
  let finds = counts.findInPage;
  const open = () => {
    const page = found.length > 0 ? random.pick(found) : searchResults(random, topic, 0, 1)[0];
    if (!page) return;
    opened.push(page.url);
    actions.push({ type: 'open_page', url: page.url });
    opens--;
  };
  const find = () => {
    const url = opened.at(-1) ?? found[0]?.url ?? `https://en.wikipedia.org/wiki/${topic}`;
    actions.push({ type: 'find_in_page', pattern: findPattern(topic), url });
    finds--;
  };
  for (let i = 0; i < counts.searches; i++) {
    const results = searchResults(random, topic, i, sourcesPerSearch);
    found.push(...results);
    actions.push({ type: 'search', query: searchQuery(random, topic, i), results });
    // Spread the page visits over the searches, as a researcher reads between searches.
    if (opens > 0 && (i % 2 === 1 || i === counts.searches - 1)) open();
    if (finds > 0 && opened.length > 0 && i % 4 === 3) find();
  }
  while (opens > 0) open();
  while (finds > 0) find();
  return actions;
}

export function planToolRun(req: ToolRunRequest, script: ToolRun): ToolRunPlan | undefined {
  const base = req.deepResearch ? deepResearchCounts : ordinaryCounts;
  const counts: Counts = { ...base };
  for (const key of Object.keys(base) as Array<keyof Counts>) {
    const given = script[key];
    if (given !== undefined) counts[key] = given;
  }
  const random = seededRandom(script.seed ^ hashString(req.promptText));
  const topic = topicOf(req.promptText);
  const types = req.tools.map((t) => String(t.type));
  const mcpServers = req.tools.filter((t) => t.type === 'mcp');
  const fileSearchTool = req.tools.some(
    (t) =>
      t.type === 'file_search' &&
      Array.isArray(t.vector_store_ids) &&
      t.vector_store_ids.length > 0,
  );

  let calls: ToolCall[] = [];
  if (types.some(isWebSearch)) {
    calls.push(
      ...webActions(counts, script.sourcesPerSearch, topic, random).map((action): ToolCall => ({
        kind: 'web_search',
        action,
      })),
    );
  }
  if (fileSearchTool) {
    for (let i = 0; i < counts.fileSearches; i++) {
      const { queries, result } = fileSearch(random, topic, i);
      calls.push({ kind: 'file_search', queries, result });
    }
  }
  const listings = mcpServers.map((server) => ({
    serverLabel: typeof server.server_label === 'string' ? server.server_label : 'mcp',
    tools: mcpTools(),
  }));
  for (const { serverLabel } of listings) {
    for (let i = 0; i < counts.mcpCalls; i++) {
      calls.push({ kind: 'mcp', serverLabel, ...mcpCall(random, topic, serverLabel, i) });
    }
  }
  if (types.includes('code_interpreter')) {
    for (let i = 0; i < counts.codeCalls; i++)
      calls.push({ kind: 'code_interpreter', ...codeRun(random, i) });
  }
  if (req.maxToolCalls !== null) calls = calls.slice(0, Math.max(0, req.maxToolCalls));
  if (calls.length === 0 && listings.length === 0) return undefined;

  // Cite what was read: opened pages first, then the other results, round and round.
  const searched = calls.flatMap((c) =>
    c.kind === 'web_search' && c.action.type === 'search' ? c.action.results : [],
  );
  const openedUrls = new Set(
    calls.flatMap((c) =>
      c.kind === 'web_search' && c.action.type === 'open_page' ? [c.action.url] : [],
    ),
  );
  const pool = [
    ...searched.filter((p) => openedUrls.has(p.url)),
    ...searched.filter((p) => !openedUrls.has(p.url)),
  ].filter((p, i, all) => all.findIndex((q) => q.url === p.url) === i);
  const webCitations =
    pool.length === 0
      ? []
      : Array.from({ length: counts.citations }, (_, i) => pool[i % pool.length] as WebPage);
  const fileCitations = calls.flatMap((c) => (c.kind === 'file_search' ? [c.result] : []));

  return {
    listings,
    calls,
    webCitations,
    fileCitations,
    deepResearch: req.deepResearch,
    toolCallMs: req.toolCallMs ?? (req.deepResearch ? 5_000 : 0),
    sources: req.include.includes('web_search_call.action.sources'),
    codeOutputs: req.include.includes('code_interpreter_call.outputs'),
    fileResults: req.include.includes('file_search_call.results'),
  };
}
