// The made-up world a tool run searches: the topic taken from the prompt, and seeded search
// results, page titles, code with its printed output, file excerpts and MCP tool listings. Plain
// data; tool-run.ts decides how many of each a response gets.
import type { Random } from './seeded-random.js';

export interface WebPage {
  url: string;
  title: string;
}

export interface FileResult {
  file_id: string;
  filename: string;
  score: number;
  text: string;
}

export interface McpToolInfo {
  name: string;
  description: string;
  input_schema: Record<string, unknown>;
}

// Hosts of the made-up sources (real-looking, never contacted).
const sites: ReadonlyArray<{ host: string; name: string; section: string }> = [
  { host: 'en.wikipedia.org', name: 'Wikipedia', section: 'wiki' },
  { host: 'arxiv.org', name: 'arXiv', section: 'abs' },
  { host: 'www.nature.com', name: 'Nature', section: 'articles' },
  { host: 'www.nist.gov', name: 'NIST', section: 'publications' },
  { host: 'www.reuters.com', name: 'Reuters', section: 'technology' },
  { host: 'developer.mozilla.org', name: 'MDN', section: 'en-US/docs' },
  { host: 'www.bbc.co.uk', name: 'BBC', section: 'news' },
  { host: 'ourworldindata.org', name: 'Our World in Data', section: 'research' },
  { host: 'www.science.org', name: 'Science', section: 'doi' },
  { host: 'github.com', name: 'GitHub', section: 'topics' },
  { host: 'www.economist.com', name: 'The Economist', section: 'science-and-technology' },
  { host: 'plato.stanford.edu', name: 'Stanford Encyclopedia', section: 'entries' },
];

const aspects = [
  'overview',
  'history',
  'measurements',
  'review',
  'open-questions',
  'methods',
  'timeline',
  'criticism',
  'statistics',
  'primer',
  'case-studies',
  'outlook',
];

const queryShapes = [
  (t: string) => t,
  (t: string) => `${t} latest research 2025`,
  (t: string) => `${t} criticism and limitations`,
  (t: string) => `"${t}" statistics`,
  (t: string) => `${t} explained`,
  (t: string) => `${t} history timeline`,
  (t: string) => `site:arxiv.org ${t}`,
  (t: string) => `${t} review article`,
];

const questionStart =
  /^(how|what|why|when|where|which|who|can|could|should|does|do|did|is|are|was|were|explain|describe|research|tell me about|compare)\b(\s+(do|does|did|is|are|was|were|can|would|should|the|a|an|me|us))*\s*/i;
const looseEnd = new Set([
  'in',
  'of',
  'the',
  'a',
  'an',
  'for',
  'and',
  'to',
  'on',
  'with',
  'at',
  'by',
  'or',
]);

/** A few words of the prompt's first line: what the made-up sources are about. */
export function topicOf(prompt: string): string {
  const line = (prompt.split('\n')[0] ?? '').replace(/[^\p{L}\p{N}\s-]/gu, ' ').trim();
  const words = line.replace(questionStart, '').split(/\s+/).filter(Boolean).slice(0, 6);
  while (words.length > 1 && looseEnd.has((words.at(-1) ?? '').toLowerCase())) words.pop();
  return words.length === 0 ? 'the question' : words.join(' ');
}

function slugOf(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug === '' ? 'topic' : slug.slice(0, 60);
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function searchQuery(random: Random, topic: string, index: number): string {
  const shape = index === 0 ? queryShapes[0] : random.pick(queryShapes);
  return (shape ?? ((t: string) => t))(topic);
}

/** The pages one search finds: distinct per search index, seeded. */
export function searchResults(
  random: Random,
  topic: string,
  searchIndex: number,
  count: number,
): WebPage[] {
  const slug = slugOf(topic);
  return Array.from({ length: count }, (_, i) => {
    const site = sites[(searchIndex * 5 + i * 7 + random.below(3)) % sites.length] ?? sites[0];
    const aspect = random.pick(aspects);
    const { host, name, section } = site ?? { host: 'example.org', name: 'Example', section: 'a' };
    // A typographic apostrophe or dash in some titles, as real titles have.
    const title = `${capitalized(aspect.replace('-', ' '))} of ${topic}${i % 3 === 0 ? ' — an explainer' : ''} | ${name}`;
    return {
      url: `https://${host}/${section}/${slug}-${aspect}-${searchIndex + 1}${i + 1}`,
      title,
    };
  });
}

/** A word worth finding in a page: the longest word of the topic. */
export function findPattern(topic: string): string {
  const words = topic.split(' ').sort((a, b) => b.length - a.length);
  return (words[0] ?? 'topic').toLowerCase();
}

/** Python the code interpreter runs, and what it prints (the `logs` output). */
export function codeRun(random: Random, index: number): { code: string; logs: string } {
  const values = Array.from({ length: 5 }, () => 1 + random.below(97));
  const total = values.reduce((a, b) => a + b, 0);
  const code = [
    `# step ${index + 1}: summarise the figures`,
    `values = [${values.join(', ')}]`,
    'print(sum(values), max(values), round(sum(values) / len(values), 2))',
  ].join('\n');
  const mean = Math.round((total / values.length) * 100) / 100;
  return { code, logs: `${total} ${Math.max(...values)} ${mean}\n` };
}

/** One file search: its queries and the one file it finds. */
export function fileSearch(
  random: Random,
  topic: string,
  index: number,
): { queries: string[]; result: FileResult } {
  const slug = slugOf(topic);
  const queries = [
    `What do the documents say about ${topic}?`,
    `${topic} definition`,
    `${topic} ${random.pick(aspects).replace('-', ' ')}`,
  ];
  return {
    queries,
    result: {
      file_id: `file-${random.token(22)}`,
      filename: `${slug}-notes-${index + 1}.pdf`,
      score: Math.round((0.8 + random.next() * 0.19) * 10_000) / 10_000,
      text: `Notes on ${topic}, part ${index + 1}.\n\nThe section explains the main terms, then lists the measurements and where they come from.`,
    },
  };
}

/** The tools an MCP server lists: `search` and `fetch`, what deep research expects of a server. */
export function mcpTools(): McpToolInfo[] {
  return [
    {
      name: 'search',
      description: 'Search the documents of this server; returns ids, titles and URLs.',
      input_schema: {
        type: 'object',
        properties: { query: { type: 'string', description: 'Search query' } },
        required: ['query'],
        additionalProperties: false,
      },
    },
    {
      name: 'fetch',
      description: 'Fetch one document by its id; returns its full text.',
      input_schema: {
        type: 'object',
        properties: { id: { type: 'string', description: 'Document id' } },
        required: ['id'],
        additionalProperties: false,
      },
    },
  ];
}

/** One MCP call: `search` first, then `fetch` of what it found, alternating. */
export function mcpCall(
  random: Random,
  topic: string,
  serverLabel: string,
  index: number,
): { name: string; arguments: string; output: string } {
  const id = `doc-${random.token(8)}`;
  if (index % 2 === 0) {
    const query = searchQuery(random, topic, index);
    const results = [
      { id, title: `${capitalized(topic)} (${serverLabel})`, url: `mcp://${serverLabel}/${id}` },
    ];
    return {
      name: 'search',
      arguments: JSON.stringify({ query }),
      output: JSON.stringify({ results }),
    };
  }
  const text = `Document ${id} on ${topic}: definitions, figures and their sources.`;
  return { name: 'fetch', arguments: JSON.stringify({ id }), output: JSON.stringify({ id, text }) };
}
