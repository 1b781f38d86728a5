// What the desktop notification for a finished job says, in the desktop app (electron/main) and in
// a browser tab (renderer/src/notifications) alike: a headline with the job's title, and for an
// answer its first line (plain text, no Markdown marks), else why the job stopped.
import { formatUsd } from './cost.js';
import { type JobSummary } from './job-summary.js';

export interface NotificationText {
  title: string;
  body: string;
}

const maxTitleLength = 80;
export const maxBodyLength = 180;

function headline(job: JobSummary): string {
  switch (job.status) {
    case 'completed':
      return 'Answer ready';
    case 'incomplete':
      return 'Answer cut short';
    case 'failed':
      return 'Job failed';
    case 'cancelled':
      return 'Job cancelled';
    case 'expired':
      return 'Job expired';
    default:
      return 'Job finished';
  }
}

function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}

/** A line of Markdown as plain words: no heading, quote or list marks, emphasis, code or link syntax. */
export function plainLine(line: string): string {
  return line
    .replace(/^\s*(?:>\s*)+/u, '')
    .replace(/^\s*#{1,6}\s+/u, '')
    .replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/u, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/gu, '$1')
    .replace(/(?<![\w*~`])(\*\*|__|\*|_|~~|`+)(\S(?:.*?\S)?)\1(?![\w*~`])/gu, '$2')
    .replace(/\$\$?([^$]+)\$\$?/gu, '$1')
    .trim();
}

/** Lines with no words to say: code fences (with their language), math fences, rules, table rules. */
const skippedLine = /^\s*(?:(?:`{3,}|~{3,})[^`]*|\$\$|[-*_=]{3,}|\|?[\s:|-]*-[\s:|-]*\|?)\s*$/u;

/** The answer's first line with words in it, as plain text ('' for an empty answer). */
export function answerFirstLine(answer: string): string {
  for (const line of answer.split(/\r?\n/u)) {
    if (line.trim() === '' || skippedLine.test(line)) continue;
    const plain = plainLine(line.replace(/^\s*\|/u, '').replace(/\|\s*$/u, ''));
    if (plain !== '') return plain;
  }
  return '';
}

/**
 * "Answer ready: title" with the answer's first line, "Job failed: title" with why... `answer` is
 * the whole answer when the caller has it; else the summary's preview stands in for it.
 */
export function jobNotificationText(job: JobSummary, answer?: string): NotificationText {
  const title = shorten(job.title, maxTitleLength) || 'Untitled job';
  const why =
    job.status === 'failed' && job.error
      ? job.error.message
      : job.status === 'incomplete' && job.incompleteReason
        ? `Stopped: ${job.incompleteReason.replace(/_/gu, ' ')}.`
        : job.status === 'completed'
          ? answerFirstLine(answer ?? job.answerPreview)
          : '';
  return {
    title: `${headline(job)}: ${title}`,
    body: shorten(why, maxBodyLength),
  };
}

/** The notice that this month's spend reached 80 % or 100 % of the monthly budget. */
export function budgetNotificationText({
  percent,
  spentUsd,
  budgetUsd,
}: {
  percent: 80 | 100;
  spentUsd: number;
  budgetUsd: number;
}): NotificationText {
  return {
    title: percent === 100 ? 'Monthly budget spent' : '80 % of the monthly budget spent',
    body: `${formatUsd(spentUsd)} of ${formatUsd(budgetUsd)} spent this month. A job past the budget asks before it is sent.`,
  };
}
