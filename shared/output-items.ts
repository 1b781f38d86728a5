// What a response holds beyond its text: its output items (messages with their phase and
// citations, refusals, reasoning, web searches, file searches, code runs, MCP and function calls),
// as the server sent them. Items are kept as the server's own JSON, so an item type Mull does not
// know yet is stored and exported, never dropped. The readers below pick out what Mull shows, and
// read defensively: a missing or odd field reads as absent, never as a crash.
// Shapes: docs/ARCHITECTURE.md, "Output items", checked against the recordings in
// e2e/fixtures/openai-recordings/real/.
import { z } from 'zod';
import { ToolCallCounts } from './tool-prices.js';

/** One output item as the server sent it: `type` is all that is certain. */
export const OutputItem = z.looseObject({ type: z.string() });
export type OutputItem = z.infer<typeof OutputItem>;

/** What the board and the bill need from a job's items, kept with the job. */
export const OutputDigest = z.object({
  /** The model refused: a message carries a refusal part. */
  refused: z.boolean(),
  /** Distinct sources cited in the answer. */
  sources: z.number().int().min(0),
  /** Web and file searches made. */
  searches: z.number().int().min(0),
  /** Billable tool use (shared/tool-prices.ts). */
  toolCalls: ToolCallCounts,
});
export type OutputDigest = z.infer<typeof OutputDigest>;

export interface UrlCitation {
  kind: 'url';
  url: string;
  title: string;
  /** The cited span of the text part, in UTF-16 units (see spanOf). */
  start: number;
  end: number;
}

export interface FileCitation {
  kind: 'file';
  fileId: string;
  filename: string;
  /** Where in the text part the citation stands, in UTF-16 units. */
  start: number;
  end: number;
}

export type Citation = UrlCitation | FileCitation;

export interface TextPart {
  kind: 'text';
  text: string;
  citations: Citation[];
}

export interface RefusalPart {
  kind: 'refusal';
  text: string;
}

export interface AnswerMessage {
  /** The item's index in the output. */
  position: number;
  /** `commentary` (said while working) or `final_answer`; null when the server gives none. */
  phase: string | null;
  parts: Array<TextPart | RefusalPart>;
}

export interface Source {
  /** 1-based, in the order sources are first cited. */
  number: number;
  kind: 'url' | 'file';
  /** The URL as cited (url sources); the file id (file sources). */
  target: string;
  title: string;
  /** The host without `www.` (url sources); the file name (file sources). */
  domain: string;
}

type Loose = Record<string, unknown>;

function isRecord(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function int(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

function records(value: unknown): Loose[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Offsets from the API into a JS string. The recordings cannot tell whether the API counts Unicode
 * code points or UTF-16 units (no text before a citation in them has an astral character, such as
 * an emoji, where the two differ). So for a text with astral characters both readings are tried,
 * and the one whose span is a citation mark (see citationMarkSpan) wins; else code points (the
 * API is written in Python, whose strings count code points). Without astral characters, as in
 * nearly every answer, the two agree and nothing is converted.
 */
function spanOf(text: string, start: number, end: number): [number, number] {
  const clampedEnd = Math.max(start, end);
  const asUnits: [number, number] = [
    Math.min(start, text.length),
    Math.min(clampedEnd, text.length),
  ];
  if (!/[\u{10000}-\u{10FFFF}]/u.test(text)) return asUnits;
  const asPoints = codePointSpan(text, start, clampedEnd);
  const isMark = ([from, to]: [number, number]) => citationMarkSpan.test(text.slice(from, to));
  return !isMark(asPoints) && isMark(asUnits) ? asUnits : asPoints;
}

function codePointSpan(text: string, start: number, end: number): [number, number] {
  let units = 0;
  let points = 0;
  let startUnits = text.length;
  for (const char of text) {
    if (points === start) startUnits = units;
    if (points === end) return [startUnits, units];
    units += char.length;
    points += 1;
  }
  return [Math.min(startUnits, units), units];
}

/**
 * A cited span that is itself a citation mark: an inline Markdown link `([site](url))` as the web
 * search models write them (parentheses balanced, so a span off by one never passes), a bare
 * `[site](url)`, or a `【…】` mark. Such a span is replaced by the numbered mark; any
 * other span (a claim) keeps its text and gets the mark after it.
 */
const citationMarkSpan = /^\s*(\(\[[^\]]*\]\([^)\s]*\)\)|\[[^\]]*\]\([^)\s]*\)|【[^】]*】)\s*$/u;

function citationOf(annotation: Loose, text: string): Citation | null {
  const type = str(annotation.type);
  if (type === 'url_citation') {
    const url = str(annotation.url);
    if (url === null) return null;
    const [start, end] = spanOf(
      text,
      int(annotation.start_index) ?? text.length,
      int(annotation.end_index) ?? text.length,
    );
    return { kind: 'url', url, title: str(annotation.title) ?? url, start, end };
  }
  if (type === 'file_citation' || type === 'container_file_citation') {
    const fileId = str(annotation.file_id);
    if (fileId === null) return null;
    const index = int(annotation.index) ?? int(annotation.end_index) ?? text.length;
    const [start, end] = spanOf(text, int(annotation.start_index) ?? index, index);
    return { kind: 'file', fileId, filename: str(annotation.filename) ?? fileId, start, end };
  }
  return null;
}

/** The messages of a response, in order, with their parts and citations. */
export function messagesOf(items: readonly OutputItem[]): AnswerMessage[] {
  const messages: AnswerMessage[] = [];
  items.forEach((item, position) => {
    if (item.type !== 'message') return;
    const parts: Array<TextPart | RefusalPart> = [];
    for (const part of records((item as Loose).content)) {
      if (part.type === 'refusal') {
        parts.push({ kind: 'refusal', text: str(part.refusal) ?? '' });
      } else if (part.type === 'output_text') {
        const text = str(part.text) ?? '';
        const citations = records(part.annotations)
          .map((annotation) => citationOf(annotation, text))
          .filter((citation): citation is Citation => citation !== null);
        parts.push({ kind: 'text', text, citations });
      }
    }
    messages.push({ position, phase: str((item as Loose).phase), parts });
  });
  return messages;
}

/** A url source's identity: the URL without the `utm_source` the API appends to citations. */
function sourceKey(citation: Citation): string {
  if (citation.kind === 'file') return `file:${citation.fileId}`;
  try {
    const url = new URL(citation.url);
    url.searchParams.delete('utm_source');
    return url.href;
  } catch {
    return citation.url;
  }
}

function domainOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./u, '');
  } catch {
    return url;
  }
}

export interface CitedSources {
  sources: Source[];
  /** The source number of a citation (every citation of `messagesOf` has one). */
  numberOf: (citation: Citation) => number;
}

/** The distinct sources cited, numbered in the order they are first cited. */
export function citedSources(messages: readonly AnswerMessage[]): CitedSources {
  const byKey = new Map<string, Source>();
  for (const message of messages) {
    for (const part of message.parts) {
      if (part.kind !== 'text') continue;
      for (const citation of part.citations) {
        const key = sourceKey(citation);
        if (byKey.has(key)) continue;
        byKey.set(key, {
          number: byKey.size + 1,
          kind: citation.kind,
          target: citation.kind === 'url' ? citation.url : citation.fileId,
          title: citation.kind === 'url' ? citation.title : citation.filename,
          domain: citation.kind === 'url' ? domainOf(citation.url) : citation.filename,
        });
      }
    }
  }
  return {
    sources: [...byKey.values()],
    numberOf: (citation) => byKey.get(sourceKey(citation))?.number ?? 0,
  };
}

/**
 * A text part with its citations turned into marks: `mark(number, citation)` gives the text of
 * one (a numbered link for the job view, a footnote reference for the Markdown export).
 */
export function withCitationMarks(
  part: TextPart,
  numberOf: (citation: Citation) => number,
  mark: (number: number, citation: Citation) => string,
): string {
  const ordered = [...part.citations].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const citation of ordered) {
    if (citation.start < at) continue; // overlapping spans: the first one wins
    const span = part.text.slice(citation.start, citation.end);
    const replace = span !== '' && citationMarkSpan.test(span);
    const spaced = replace && /^\s/u.test(span) ? ' ' : '';
    out += part.text.slice(at, citation.start);
    out += replace ? spaced : span;
    out += mark(numberOf(citation), citation);
    at = citation.end;
  }
  return out + part.text.slice(at);
}

export interface ToolStepBase {
  position: number;
  /** The server's status of the call (`completed`, `failed`, `in_progress`, ...). */
  status: string | null;
}

export type ToolStep = ToolStepBase &
  (
    | { kind: 'search'; queries: string[]; sources: string[] }
    | { kind: 'open_page'; url: string | null }
    | { kind: 'find_in_page'; url: string | null; pattern: string | null }
    | {
        kind: 'file_search';
        queries: string[];
        results: Array<{ filename: string; score: number | null; text: string | null }>;
      }
    | {
        kind: 'code';
        code: string;
        containerId: string | null;
        outputs: Array<{ kind: 'logs'; logs: string } | { kind: 'image'; url: string }>;
      }
    | { kind: 'mcp_tools'; server: string; tools: string[]; error: string | null }
    | {
        kind: 'mcp_call';
        server: string;
        name: string;
        arguments: string;
        output: string | null;
        error: string | null;
      }
    | { kind: 'function_call'; name: string; arguments: string }
    | { kind: 'other'; type: string; json: string }
  );

/** Items that are neither answer nor tool activity. */
const notSteps = new Set(['message', 'reasoning']);

function webSearchStep(item: Loose, base: ToolStepBase): ToolStep {
  const action = isRecord(item.action) ? item.action : {};
  const type = str(action.type);
  if (type === 'open_page') return { ...base, kind: 'open_page', url: str(action.url) };
  if (type === 'find_in_page' || type === 'find') {
    return { ...base, kind: 'find_in_page', url: str(action.url), pattern: str(action.pattern) };
  }
  const query = str(action.query);
  const queries = [...(query === null ? [] : [query]), ...strings(action.queries)];
  const sources = records(action.sources)
    .map((source) => str(source.url))
    .filter((url): url is string => url !== null);
  return { ...base, kind: 'search', queries: [...new Set(queries)], sources };
}

function codeOutputs(value: unknown): Extract<ToolStep, { kind: 'code' }>['outputs'] {
  const outputs: Extract<ToolStep, { kind: 'code' }>['outputs'] = [];
  for (const output of records(value)) {
    const logs = str(output.logs);
    const url = str(output.url);
    if (output.type === 'logs' && logs !== null) outputs.push({ kind: 'logs', logs });
    else if (output.type === 'image' && url !== null) outputs.push({ kind: 'image', url });
  }
  return outputs;
}

function errorText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value.message === 'string') return value.message;
  return JSON.stringify(value);
}

function stepOf(item: OutputItem, position: number): ToolStep {
  const loose = item as Loose;
  const base: ToolStepBase = { position, status: str(loose.status) };
  switch (item.type) {
    case 'web_search_call':
      return webSearchStep(loose, base);
    case 'file_search_call':
      return {
        ...base,
        kind: 'file_search',
        queries: strings(loose.queries),
        results: records(loose.results).map((result) => ({
          filename: str(result.filename) ?? str(result.file_id) ?? 'a file',
          score: typeof result.score === 'number' ? result.score : null,
          text: str(result.text),
        })),
      };
    case 'code_interpreter_call':
      return {
        ...base,
        kind: 'code',
        code: str(loose.code) ?? '',
        containerId: str(loose.container_id),
        outputs: codeOutputs(loose.outputs),
      };
    case 'mcp_list_tools':
      return {
        ...base,
        kind: 'mcp_tools',
        server: str(loose.server_label) ?? 'MCP server',
        tools: records(loose.tools)
          .map((tool) => str(tool.name))
          .filter((name): name is string => name !== null),
        error: errorText(loose.error),
      };
    case 'mcp_call':
      return {
        ...base,
        kind: 'mcp_call',
        server: str(loose.server_label) ?? 'MCP server',
        name: str(loose.name) ?? 'a tool',
        arguments: str(loose.arguments) ?? '',
        output: str(loose.output),
        error: errorText(loose.error),
      };
    case 'function_call':
      return {
        ...base,
        kind: 'function_call',
        name: str(loose.name) ?? 'a function',
        arguments: str(loose.arguments) ?? '',
      };
    default:
      return { ...base, kind: 'other', type: item.type, json: JSON.stringify(item, null, 2) };
  }
}

/** The tool activity of a response, in order: every item that is not a message or reasoning. */
export function toolStepsOf(items: readonly OutputItem[]): ToolStep[] {
  const steps: ToolStep[] = [];
  items.forEach((item, position) => {
    if (!notSteps.has(item.type)) steps.push(stepOf(item, position));
  });
  return steps;
}

/** One line for a step, as the job view and the exports title it. */
export function stepTitle(step: ToolStep): string {
  switch (step.kind) {
    case 'search':
      return step.queries.length > 0 ? `Searched: ${step.queries.join('; ')}` : 'Searched the web';
    case 'open_page':
      return `Opened: ${step.url ?? 'a page'}`;
    case 'find_in_page':
      return `Looked for “${step.pattern ?? ''}” in ${step.url ?? 'a page'}`;
    case 'file_search':
      return step.queries.length > 0
        ? `Searched files: ${step.queries.join('; ')}`
        : 'Searched files';
    case 'code':
      return 'Ran code';
    case 'mcp_tools':
      return `Listed the tools of ${step.server}`;
    case 'mcp_call':
      return `Called ${step.server}: ${step.name}`;
    case 'function_call':
      return `Asked to call ${step.name}`;
    case 'other':
      return step.type;
  }
}

/** True when a web search call is a search (billed per call), not opening or reading a page. */
function isBilledWebSearch(item: OutputItem): boolean {
  const action = (item as Loose).action;
  const type = isRecord(action) ? str(action.type) : null;
  return type === null || type === 'search';
}

/** The digest kept with a job: refusal, source and search counts, billable tool calls. */
export function digestOf(items: readonly OutputItem[]): OutputDigest {
  const messages = messagesOf(items);
  let webSearchCalls = 0;
  let fileSearchCalls = 0;
  const containers = new Set<string>();
  let anonymousContainers = 0;
  for (const item of items) {
    if (item.type === 'web_search_call' && isBilledWebSearch(item)) webSearchCalls += 1;
    else if (item.type === 'file_search_call') fileSearchCalls += 1;
    else if (item.type === 'code_interpreter_call') {
      const container = str((item as Loose).container_id);
      if (container === null) anonymousContainers += 1;
      else containers.add(container);
    }
  }
  return {
    refused: messages.some((message) => message.parts.some((part) => part.kind === 'refusal')),
    sources: citedSources(messages).sources.length,
    searches: webSearchCalls + fileSearchCalls,
    toolCalls: {
      webSearchCalls,
      fileSearchCalls,
      codeInterpreterContainers: containers.size + anonymousContainers,
    },
  };
}

/** The words search should find a job by besides its text: cited titles and URLs, searches made. */
export function searchTextOf(items: readonly OutputItem[]): string {
  const words = new Set<string>();
  for (const source of citedSources(messagesOf(items)).sources) {
    words.add(source.title);
    words.add(source.target);
  }
  for (const step of toolStepsOf(items)) {
    if (step.kind === 'search' || step.kind === 'file_search') {
      for (const query of step.queries) words.add(query);
    }
    if (step.kind === 'open_page' && step.url !== null) words.add(step.url);
  }
  return [...words].join('\n');
}
