// `mull attach RESPONSE_ID`: store a background response as a job, by its id. It resolves a job of
// unknown fate (--job: its create request left but the id never came back), or brings in one
// started by another tool. The server is asked first: nothing is stored unless it knows the id. A
// finished response is stored at once; a running one is followed from here to its end, or, when
// another Mull process drives the data directory, left to that process.
import type { Job } from '../../../shared/job.js';
import type { JobManager } from '../../core/engine/index.js';
import { exitCodes } from '../cli-errors.js';
import { defineCommand } from '../command.js';
import { jobLine, outcomeSentence, shortId } from '../job-format.js';
import { changesUntil, isAtRest } from '../job-waiting.js';
import type { CliSession } from '../session.js';
import { providerForBaseUrl } from '../url-provider.js';

export const attachCommand = defineCommand({
  name: 'attach',
  help: `Usage: mull attach RESPONSE_ID [--title T] [--provider P] [--job ID]

Stores a background response as a job: one started by another tool, or the response of a job of
unknown fate (its create request left, but its response id never came back; see --job). The server
is asked first, and nothing is stored unless it knows the id. A finished response is stored at once
with its answer, usage and cost. A running one is followed from here until it is finished (re-streamed
from its start, or polled); when another Mull process drives the jobs (the app, 'mull run --watch'),
it is stored and that process collects it. Prints the job's id on stdout; exit status 0 when the job
completed (or was left to the other process), otherwise 1 with its status and error on stderr.

Options:
  --title T        title shown in lists (default: "Attached RESPONSE_ID")
  --provider P     the provider the response lives on (default: the job's with --job, else the
                   server $OPENAI_BASE_URL names, else openai)
  --job ID         the job of unknown fate this response belongs to (any unique prefix): that job
                   is resolved instead of a new one being stored

The API key comes from $OPENAI_API_KEY, else the OS keychain (set it in the app's Settings).`,
  options: {
    title: { type: 'string' },
    provider: { type: 'string' },
    job: { type: 'string' },
  },
  positionals: { min: 1, max: 1, name: 'a RESPONSE_ID (resp_...)' },
  async run(session, { values, positionals }) {
    const driver = await session.tryOpenDriver();
    const manager = driver ?? (await session.openReader());
    try {
      const target = values.job === undefined ? undefined : manager.find(values.job);
      const baseUrl = session.io.env.OPENAI_BASE_URL;
      // The unknown job's own provider is where its create went: only a new job takes the
      // environment's server.
      const providerId =
        values.provider ??
        (target === undefined && baseUrl
          ? providerForBaseUrl(manager.settings, baseUrl, 'OPENAI_BASE_URL').id
          : undefined);
      const attached = await manager.attach({
        responseId: positionals[0] ?? '',
        providerId,
        title: values.title,
        jobId: target?.id,
      });
      if (!session.json) session.out(`${attached.id}\n`);
      if (isAtRest(attached)) return report(session, attached);
      if (!driver) {
        session.say(
          `mull: another Mull process drives ${session.dataDir}; it will collect job ${shortId(attached.id)}.`,
        );
        if (session.json) session.printJson(attached);
        return exitCodes.ok;
      }
      return report(session, await followHere(session, driver, attached));
    } finally {
      await manager.close();
    }
  },
});

/** This process drives the job (attach started its driver; no other job) until it is at rest. */
async function followHere(session: CliSession, driver: JobManager, job: Job): Promise<Job> {
  session.say(
    `mull: response ${job.responseId ?? ''} is ${job.status.replace('_', ' ')}; following it as job ${shortId(job.id)} (Ctrl-C stops here; 'mull run' collects it later).`,
  );
  return changesUntil(driver, job.id, isAtRest);
}

/** Like `mull wait`: exit 0 only if the job completed. */
function report(session: CliSession, job: Job): number {
  if (session.json) session.printJson(job);
  if (job.status === 'completed') {
    session.say(jobLine(job));
    return exitCodes.ok;
  }
  session.say(`mull: ${outcomeSentence(job)}`);
  return exitCodes.failure;
}
