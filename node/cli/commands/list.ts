// `mull list`: the jobs as a table, newest first.
import { JobStatus } from '../../../shared/job.js';
import { JobQuery } from '../../../shared/job-query.js';
import { UsageError, exitCodes, zodSentence } from '../cli-errors.js';
import { defineCommand } from '../command.js';
import { formatCost, formatTable, formatTokens, shortId } from '../job-format.js';
import { wholeNumber } from '../option-values.js';

export const listCommand = defineCommand({
  name: 'list',
  help: `Usage: mull list [--status S,...] [--limit N]

Options:
  --status S,...   only jobs in these statuses: ${JobStatus.options.join(', ')}
  --limit N        at most N jobs (1-500, default 50)`,
  options: {
    status: { type: 'string', multiple: true },
    limit: { type: 'string' },
  },
  positionals: { min: 0, max: 0, name: '' },
  async run(session, { values }) {
    const query = JobQuery.safeParse({
      statuses: values.status?.flatMap(statusList),
      limit: wholeNumber('--limit', values.limit, { min: 1, max: 500 }),
    });
    if (!query.success) throw new UsageError(zodSentence(query.error));
    const manager = await session.openReadOnly();
    try {
      const page = manager.list(query.data);
      if (session.json) {
        session.printJson(page);
        return exitCodes.ok;
      }
      if (page.jobs.length === 0) session.say('No jobs.');
      else {
        const rows = page.jobs.map((job) => [
          shortId(job.id),
          job.status,
          job.model,
          formatTokens(job.usage),
          formatCost(job.cost),
          job.title,
        ]);
        session.out(formatTable([['ID', 'STATUS', 'MODEL', 'TOKENS', 'COST', 'TITLE'], ...rows]));
      }
      if (page.total > page.jobs.length) {
        session.say(`Showing ${page.jobs.length} of ${page.total} jobs (--limit N for more).`);
      }
      return exitCodes.ok;
    } finally {
      await manager.close();
    }
  },
});

function statusList(text: string): JobStatus[] {
  return text
    .split(',')
    .map((word) => word.trim())
    .filter((word) => word !== '')
    .map((word) => {
      const status = JobStatus.safeParse(word);
      if (!status.success) {
        throw new UsageError(`Unknown status '${word}'; one of: ${JobStatus.options.join(', ')}`);
      }
      return status.data;
    });
}
