// How jobs look on a terminal: short ids, token counts, costs, aligned tables.
import { formatUsd } from '../../shared/cost.js';
import type { Job, JobStatus, TokenUsage } from '../../shared/job.js';
import type { SnippetPart } from '../../shared/job-query.js';

/** Enough of a UUID to tell jobs apart; `mull show` and friends accept any unique prefix. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

export function formatTokens(usage: TokenUsage | null): string {
  return usage === null ? '-' : usage.totalTokens.toLocaleString('en-US');
}

export function formatCost(cost: number | null): string {
  return cost === null ? '-' : formatUsd(cost);
}

/** A job's status as a word; a completed response that is a refusal says so. */
export function statusWord(job: Pick<Job, 'status' | 'outputDigest'>): string {
  return job.status === 'completed' && job.outputDigest?.refused === true ? 'refused' : job.status;
}

/**
 * One line about a job: "1a2b3c4d completed · gpt-5-pro · 1,234 tokens · $0.12", with the
 * sources cited and searches made when it has any ("· 7 sources · 2 searches").
 */
export function jobLine(
  job: Pick<Job, 'id' | 'status' | 'model' | 'usage' | 'cost' | 'outputDigest'>,
): string {
  const parts = [`${shortId(job.id)} ${statusWord(job)}`, job.model];
  if (job.usage !== null) parts.push(`${formatTokens(job.usage)} tokens`);
  if (job.cost !== null) parts.push(formatCost(job.cost));
  const digest = job.outputDigest;
  if (digest && digest.sources > 0) parts.push(plural(digest.sources, 'source'));
  if (digest && digest.searches > 0) parts.push(plural(digest.searches, 'search', 'searches'));
  return parts.join(' · ');
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

const statusPhrases: Partial<Record<JobStatus, string>> = {
  needs_key: 'needs an API key',
  unknown: 'of unknown fate',
  in_progress: 'in progress',
};

/** "job 1a2b3c4d failed: The model ran out of time." */
export function outcomeSentence(job: Pick<Job, 'id' | 'status' | 'error'>): string {
  const phrase = statusPhrases[job.status] ?? job.status;
  const verb = job.status === 'failed' || job.status === 'needs_key' ? '' : 'is ';
  const why = job.error ? `: ${job.error.message}` : '.';
  return `job ${shortId(job.id)} ${verb}${phrase}${why}`;
}

/** What to do about a job of unknown fate, with its own short id filled in. */
export function unknownHint(job: Pick<Job, 'id'>): string {
  return `mull: if the provider has it, attach its response id with 'mull attach RESPONSE_ID --job ${shortId(job.id)}'; otherwise resubmit it.`;
}

/** Columns padded to their widest cell; the last column is left as is (titles run long). */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** A search snippet on one line, matched words in **bold** (Markdown, readable without colour). */
export function formatSnippet(parts: readonly SnippetPart[]): string {
  return parts
    .map((part) => (part.highlighted ? `**${part.text}**` : part.text))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
