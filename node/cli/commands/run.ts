// `mull run [--watch]`: this process becomes the driver of the data directory: it resumes every
// unfinished job (from its stream cursor, or by polling), sends pending ones, and reports progress.
import type { Job } from '../../../shared/job.js';
import type { JobManager } from '../../core/engine/index.js';
import { exitCodes } from '../cli-errors.js';
import { defineCommand } from '../command.js';
import { driveAll } from '../drive-all.js';
import { shortId } from '../job-format.js';
import { reportProgress } from '../progress.js';
import { providerName } from '../provider-names.js';
import type { CliSession } from '../session.js';
import { signalExitCode, untilSignal } from '../shutdown-signal.js';

export const runCommand = defineCommand({
  name: 'run',
  help: `Usage: mull run [--watch]

Drives every unfinished job of the data directory: resumes each from where it stopped and sends
pending ones, printing status changes on stderr. Exits when every job is finished or waits for an
API key (exit status 1 then, naming those jobs). Only one process drives a data directory: this
fails while the app or another 'mull run' does.

Options:
  --watch   keep running and send jobs submitted meanwhile, until Ctrl-C (SIGINT) or SIGTERM`,
  options: {
    watch: { type: 'boolean' },
  },
  positionals: { min: 0, max: 0, name: '' },
  async run(session, { values }) {
    const manager = await session.openDriver();
    const stop = untilSignal();
    const touched = new Set(manager.unfinished().map((job) => job.id));
    manager.onChange(({ job }) => touched.add(job.id));
    try {
      reportProgress(manager, (line) => session.say(line));
      session.say(`mull: driving ${touched.size} unfinished job(s) in ${session.dataDir}.`);
      await driveAll(manager, session.keysFor(manager));
      if (values.watch === true) {
        session.say('mull: watching for new jobs; Ctrl-C to stop.');
        await stop.signalled;
        return exitCodes.ok;
      }
      const signal = await Promise.race([manager.idle().then(() => undefined), stop.signalled]);
      if (signal !== undefined) return signalExitCode(signal);
      return summarize(session, manager);
    } finally {
      if (session.json)
        session.printJson({ jobs: [...touched].flatMap((id) => entry(manager, id)) });
      // Flushes what streamed, stops the drivers (the jobs go on on the server) and frees the lock.
      await manager.close();
      stop.dispose();
    }
  },
});

/** A job in `mull run --json`'s report: where it stands, without its text. */
function entry(manager: JobManager, id: string) {
  const job = manager.get(id);
  if (!job) return [];
  const { title, status, model, providerId, responseId, usage, cost, error } = job;
  return [{ id, title, status, model, providerId, responseId, usage, cost, error }];
}

/** After the last driver stopped: anything not finished waits for the person. */
function summarize(session: CliSession, manager: JobManager): number {
  const left = manager.unfinished();
  if (left.length === 0) {
    session.say('mull: every job is finished.');
    return exitCodes.ok;
  }
  const needKey = left.filter((job) => job.status === 'needs_key');
  if (needKey.length > 0) {
    session.say(
      `mull: ${needKey.length} job(s) need an API key (set OPENAI_API_KEY, or the key in the app's Settings, then run 'mull run' again):`,
    );
    for (const job of needKey) session.say(`  ${describe(manager, job)}`);
  }
  const others = left.filter((job) => job.status !== 'needs_key');
  if (others.length > 0) {
    session.say(`mull: ${others.length} job(s) could not be finished:`);
    for (const job of others) session.say(`  ${describe(manager, job)}`);
  }
  return exitCodes.failure;
}

function describe(manager: JobManager, job: Job): string {
  const why = job.error ? `: ${job.error.message}` : '';
  return `${shortId(job.id)} ${job.status} (provider ${providerName(manager.settings, job.providerId)})${why}`;
}
