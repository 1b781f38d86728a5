// `mull wait ID`: returns once the job is finished; exit 0 only if it completed. It drives that
// one job when no other process drives (never the others: they stay as they are), shows its
// progress on a terminal, and with --print writes the answer on stdout.
import type { Job, JobId } from '../../../shared/job.js';
import type { JobManager } from '../../core/engine/index.js';
import { UsageError, exitCodes } from '../cli-errors.js';
import { defineCommand } from '../command.js';
import { jobLine, outcomeSentence, shortId, unknownHint } from '../job-format.js';
import { changesUntil, isAtRest, pollUntil } from '../job-waiting.js';
import type { CliSession } from '../session.js';
import { progressLine, type ProgressLine } from '../wait-progress.js';

/** How often the row is read again while another process drives the job. */
const pollIntervalMs = 250;

export const waitCommand = defineCommand({
  name: 'wait',
  help: `Usage: mull wait [--print] ID

Waits until the job is finished (or needs the person: a key, an unknown fate). When no other Mull
process drives the jobs, this one drives that job (and no other) until it is finished. On a
terminal, one line on stderr shows its status, tokens so far and the time since it was sent.
Exit status 0 when the job completed; otherwise 1, with its status and error on stderr.
With --json: the job on stdout.

Options:
  --print   once it completed, write the answer on stdout (exactly as stored, as 'mull show')`,
  options: {
    print: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1, name: 'a job ID' },
  async run(session, { values, positionals }) {
    if (values.print === true && session.json) {
      throw new UsageError('Give --print or --json, not both (--json has the answer too)');
    }
    const reader = await session.openReader();
    const progress = progressLine(session.io.stderr);
    let job: Job;
    try {
      job = await waitFor(session, reader, reader.find(positionals[0] ?? '').id, progress);
    } finally {
      progress.stop();
      await reader.close();
    }
    if (session.json) session.printJson(job);
    if (job.status === 'completed') {
      if (values.print === true) session.out(job.answer);
      session.say(jobLine(job));
      return exitCodes.ok;
    }
    session.say(`mull: ${outcomeSentence(job)}`);
    if (job.status === 'unknown') session.say(unknownHint(job));
    return exitCodes.failure;
  },
});

async function waitFor(
  session: CliSession,
  reader: JobManager,
  id: JobId,
  progress: ProgressLine,
): Promise<Job> {
  const now = reader.get(id);
  if (now && isAtRest(now)) return now;
  if (now) progress.update(now);
  const driverOrJob =
    (await session.tryOpenDriver()) ?? (await followOnDisk(session, reader, id, progress));
  if (!('driveOne' in driverOrJob)) return driverOrJob;
  const driver = driverOrJob;
  try {
    const unsubscribe = driver.onChange(({ job }) => {
      if (job.id === id) progress.update(job);
    });
    try {
      driver.driveOne(id);
      return await changesUntil(driver, id, isAtRest);
    } finally {
      unsubscribe();
    }
  } finally {
    await driver.close();
  }
}

/**
 * Another process drives: follow the job's row on disk until it is at rest, or until that process
 * goes away (then this one takes the lock and drives, rather than waiting for nobody).
 */
async function followOnDisk(
  session: CliSession,
  reader: JobManager,
  id: JobId,
  progress: ProgressLine,
): Promise<Job | JobManager> {
  progress.stop();
  session.say(`mull: another Mull process drives job ${shortId(id)}; following it.`);
  const takeover: { driver?: JobManager } = {};
  const job = await pollUntil(
    reader,
    id,
    (row) => {
      progress.update(row);
      return isAtRest(row);
    },
    {
      intervalMs: pollIntervalMs,
      stopEarly: async () => (takeover.driver = await session.tryOpenDriver()) !== undefined,
    },
  );
  if (takeover.driver) {
    progress.stop();
    session.say('mull: that process stopped; driving the job from here.');
  }
  return takeover.driver ?? job;
}
