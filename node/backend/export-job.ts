// A job as a file the person keeps: Markdown to read, JSON with everything Mull stored. With output
// items, the Markdown answer is read from them: what the model said while working and its final
// answer as separate sections, citations as GFM footnotes (`[^n]`) defined under "Sources", the
// tool steps as a short list, and a refusal said to be one. The JSON keeps every item as stored.
import type { ExportedFile } from '../../shared/ipc/contract.js';
import type { Job, JobEvent } from '../../shared/job.js';
import { formatUsd } from '../../shared/cost.js';
import {
  citedSources,
  digestOf,
  messagesOf,
  stepTitle,
  toolStepsOf,
  withCitationMarks,
  type AnswerMessage,
  type Citation,
  type CitedSources,
  type OutputItem,
  type Source,
  type TextPart,
  type ToolStep,
} from '../../shared/output-items.js';

function fileStem(job: Job): string {
  const stem = job.title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return stem === '' ? `mull-job-${job.id.slice(0, 8)}` : stem;
}

/** One line of text: footnote definitions and list items end at a line break. */
function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

const markOpen = '\uE000';
const markClose = '\uE001';
const placeholder = /([!\\]?)\uE000(\d+)\uE001/gu;

/**
 * A text part with its citations as footnote references. A reference right after `!` or `\`
 * would be read as an image or escaped, so it gets a space before it.
 */
function withFootnotes(part: TextPart, numberOf: (citation: Citation) => number): string {
  const numbers: number[] = [];
  const text = withCitationMarks(part, numberOf, (number) => {
    numbers.push(number);
    return `${markOpen}${numbers.length - 1}${markClose}`;
  });
  return text.replace(placeholder, (_match, before: string, index: string) => {
    const number = numbers[Number(index)] ?? 0;
    const reference = number > 0 ? `[^${number}]` : '';
    return (before === '' ? '' : `${before} `) + reference;
  });
}

function messageMarkdown(message: AnswerMessage, cited: CitedSources): string {
  return message.parts
    .map((part) =>
      part.kind === 'refusal'
        ? `> **Refused.** The model declined to answer${part.text === '' ? '.' : `: ${part.text}`}`
        : withFootnotes(part, (citation) => cited.numberOf(citation)),
    )
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}

/** The answer from the items: one section per phase when the model worked aloud first. */
function answerLines(messages: readonly AnswerMessage[], cited: CitedSources): string[] {
  const phased = messages.some((message) => message.phase === 'commentary');
  if (!phased) {
    const text = messages.map((message) => messageMarkdown(message, cited)).filter(Boolean);
    return ['## Answer', '', text.join('\n\n'), ''];
  }
  const lines: string[] = [];
  let last: string | null = null;
  for (const message of messages) {
    const heading = message.phase === 'commentary' ? '## While working' : '## Final answer';
    if (heading !== last) lines.push(heading, '');
    last = heading;
    lines.push(messageMarkdown(message, cited), '');
  }
  return lines;
}

function sourceLine(source: Source): string {
  const title = oneLine(source.title);
  return source.kind === 'url'
    ? `[^${source.number}]: ${title} — ${source.target}`
    : `[^${source.number}]: ${title} (file ${source.target})`;
}

function stepLine(step: ToolStep): string {
  const status = step.status !== null && step.status !== 'completed' ? ` (${step.status})` : '';
  let detail = '';
  if (step.kind === 'search' && step.sources.length > 0) {
    const domains = new Set(
      step.sources.map((url) => {
        try {
          return new URL(url).hostname.replace(/^www\./u, '');
        } catch {
          return url;
        }
      }),
    );
    detail = `: ${[...domains].join(', ')}`;
  } else if (step.kind === 'file_search' && step.results.length > 0) {
    detail = `: ${[...new Set(step.results.map((result) => result.filename))].join(', ')}`;
  }
  return `- ${oneLine(stepTitle(step))}${detail}${status}`;
}

/**
 * The messages to export as the answer: all of them once the job completed, or when they hold
 * all of the streamed text; none (the streamed text is exported) when a job stopped early with a
 * last message that never arrived as an item.
 */
function answerMessages(job: Job, items: readonly OutputItem[]): AnswerMessage[] {
  const messages = messagesOf(items);
  if (job.status === 'completed') return messages;
  const squeeze = (text: string) => text.replace(/\s+/gu, '').length;
  const itemsText = messages.flatMap((message) => message.parts.map((part) => part.text)).join('');
  return squeeze(itemsText) >= squeeze(job.answer) ? messages : [];
}

function markdownOf(job: Job, items: readonly OutputItem[]): string {
  const usage = job.usage;
  const messages = answerMessages(job, items);
  const refused = job.status === 'completed' && (job.outputDigest ?? digestOf(items)).refused;
  const lines = [
    `# ${job.title}`,
    '',
    `- Model: ${job.resolvedModel ?? job.model}`,
    `- Status: ${refused ? 'refused (completed with a refusal)' : job.status}${job.error ? ` (${job.error.message})` : ''}`,
    `- Submitted: ${new Date(job.createdAt).toISOString()}`,
    ...(job.finishedAt === null ? [] : [`- Finished: ${new Date(job.finishedAt).toISOString()}`]),
    ...(usage
      ? [
          `- Tokens: ${usage.inputTokens} in (${usage.cachedTokens} cached), ${usage.outputTokens} out (${usage.reasoningTokens} reasoning)`,
        ]
      : []),
    ...(job.cost === null ? [] : [`- Cost: ${formatUsd(job.cost)}`]),
    ...(job.responseId === null ? [] : [`- Response id: ${job.responseId}`]),
    '',
    ...(job.instructions === null ? [] : ['## Instructions', '', job.instructions, '']),
    '## Prompt',
    '',
    job.prompt,
    '',
  ];
  if (job.reasoningSummary !== '') lines.push('## Reasoning summary', '', job.reasoningSummary, '');
  if (messages.length === 0) {
    lines.push('## Answer', '', job.answer, '');
  } else {
    const cited = citedSources(messages);
    lines.push(...answerLines(messages, cited));
    if (cited.sources.length > 0)
      lines.push('## Sources', '', ...cited.sources.map(sourceLine), '');
  }
  const steps = toolStepsOf(items);
  if (steps.length > 0) lines.push('## Steps', '', ...steps.map(stepLine), '');
  return lines.join('\n');
}

export function exportJob(
  job: Job,
  events: JobEvent[],
  items: readonly OutputItem[],
  format: 'markdown' | 'json',
): ExportedFile {
  if (format === 'markdown') {
    return {
      filename: `${fileStem(job)}.md`,
      mimeType: 'text/markdown',
      content: markdownOf(job, items),
    };
  }
  return {
    filename: `${fileStem(job)}.json`,
    mimeType: 'application/json',
    content: `${JSON.stringify({ job, items, timeline: events }, null, 2)}\n`,
  };
}
