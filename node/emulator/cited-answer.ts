// The answer of a tool run, with its citations: the text, and each annotation with the length of
// text after which the stream announces it. As in real/vercel-websearch-5mini.json, a URL citation
// is written into the text as `([host](url?utm_source=openai))` and its start/end indexes span
// exactly that; as in vercel/ai's openai-file-search-tool.2 recording, a file citation leaves a
// space in the text and its `index` is the position right after it. Indexes are JS string
// (UTF-16) indexes: the recording has only BMP characters, so it cannot tell them from code points;
// the report carries an emoji so a client that counts otherwise is caught.
import type { FileResult, WebPage } from './tool-content.js';
import type { ToolRunPlan } from './tool-run.js';

export interface PlacedAnnotation {
  /** Text length (UTF-16) once the annotated span is out: the annotation is announced then. */
  at: number;
  annotation: Record<string, unknown>;
}

export interface CitedAnswer {
  text: string;
  annotations: PlacedAnnotation[];
}

/** The URL as cited: the API tags links it cites with utm_source=openai. */
function citedUrl(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}utm_source=openai`;
}

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

class AnswerWriter {
  text = '';
  readonly annotations: PlacedAnnotation[] = [];

  write(part: string): void {
    this.text += part;
  }

  cite(page: WebPage): void {
    const url = citedUrl(page.url);
    const start = this.text.length;
    this.text += `([${hostOf(page.url)}](${url}))`;
    const end = this.text.length;
    this.annotations.push({
      at: end,
      annotation: {
        type: 'url_citation',
        end_index: end,
        start_index: start,
        title: page.title,
        url,
      },
    });
  }

  citeFile(file: FileResult): void {
    this.text += ' ';
    const index = this.text.length;
    this.annotations.push({
      at: index,
      annotation: { type: 'file_citation', file_id: file.file_id, filename: file.filename, index },
    });
  }
}

function claimOf(page: WebPage): string {
  return page.title.split(' | ')[0] ?? page.title;
}

function siteOf(page: WebPage): string {
  return page.title.split(' | ')[1] ?? hostOf(page.url);
}

/** The answer of a tool run: `intro` (the script's answer, if any), then what the tools found. */
export function citedAnswer(
  plan: ToolRunPlan,
  topic: string,
  intro: string | undefined,
): CitedAnswer {
  const w = new AnswerWriter();
  const dr = plan.deepResearch;
  if (dr) w.write(`# Research report: ${topic}\n\n`);
  w.write(
    intro ??
      (dr
        ? `Summary 🔎: what ${plan.webCitations.length} sources say about ${topic}, each claim linked to where it was found.`
        : `Here is what I found about ${topic} 🔎:`),
  );
  const introEnd = w.text.length;
  w.write('\n\n');
  if (plan.webCitations.length > 0) {
    if (dr) w.write('## Findings\n\n');
    plan.webCitations.forEach((page, i) => {
      w.write(
        dr
          ? `- Finding ${i + 1}: ${claimOf(page)}, as ${siteOf(page)} reports. `
          : `- ${claimOf(page)}. `,
      );
      w.cite(page);
      w.write(dr ? '\n' : '  \n');
    });
    w.write('\n');
  }
  for (const [i, file] of plan.fileCitations.entries()) {
    w.write(`The notes on ${topic} (part ${i + 1}) define the terms and list the figures`);
    w.citeFile(file);
    w.write('.\n\n');
  }
  if (intro === undefined) {
    // Only a generated answer mentions the other tools; a scripted one stays as given.
    const count = (kind: string) => plan.calls.filter((c) => c.kind === kind).length;
    if (count('code_interpreter') > 0)
      w.write(
        `I ran ${count('code_interpreter')} short Python computation(s) to check the figures.\n\n`,
      );
    if (count('mcp') > 0) w.write(`I consulted the MCP server(s) ${count('mcp')} time(s).\n\n`);
  }
  if (dr && plan.webCitations.length > 0) {
    // A deep-research report ends with its sources, each once.
    w.write('## Sources\n\n');
    const unique = plan.webCitations.filter(
      (p, i, all) => all.findIndex((q) => q.url === p.url) === i,
    );
    unique.forEach((page, i) => w.write(`${i + 1}. [${page.title}](${page.url})\n`));
  }
  // What was added after the intro ends without trailing blanks; the intro stays as given.
  const added = w.text.slice(introEnd).replace(/\s+$/, '');
  return { text: w.text.slice(0, introEnd) + added, annotations: w.annotations };
}
