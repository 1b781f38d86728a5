// A job as a file the person keeps: Markdown to read, JSON with everything Mull stored.
import type { ExportedFile } from '../../shared/ipc/contract.js';
import type { Job, JobEvent } from '../../shared/job.js';
import { formatUsd } from '../../shared/cost.js';

function fileStem(job: Job): string {
  const stem = job.title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return stem === '' ? `mull-job-${job.id.slice(0, 8)}` : stem;
}

function markdownOf(job: Job): string {
  const usage = job.usage;
  const lines = [
    `# ${job.title}`,
    '',
    `- Model: ${job.resolvedModel ?? job.model}`,
    `- Status: ${job.status}${job.error ? ` (${job.error.message})` : ''}`,
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
    '## Prompt',
    '',
    job.prompt,
    '',
  ];
  if (job.reasoningSummary !== '') lines.push('## Reasoning summary', '', job.reasoningSummary, '');
  lines.push('## Answer', '', job.answer, '');
  return lines.join('\n');
}

export function exportJob(job: Job, events: JobEvent[], format: 'markdown' | 'json'): ExportedFile {
  if (format === 'markdown') {
    return { filename: `${fileStem(job)}.md`, mimeType: 'text/markdown', content: markdownOf(job) };
  }
  return {
    filename: `${fileStem(job)}.json`,
    mimeType: 'application/json',
    content: `${JSON.stringify({ job, timeline: events }, null, 2)}\n`,
  };
}
