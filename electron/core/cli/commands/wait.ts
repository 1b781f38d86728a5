// `mull wait ID`: returns once the job is finished; exit 0 only if it completed.
import type { Job, JobId } from '../../../../shared/job.js';
import { JobManager } from '../../engine/index.js';
import { exitCodes } from '../cli-errors.js';
import { defineCommand } from '../command.js';
import { driveAll } from '../drive-all.js';
import { jobLine, outcomeSentence, shortId, unknownHint } from '../job-format.js';
import { changesUntil, isAtRest, pollUntil } from '../job-waiting.js';
import type { CliSession } from '../session.js';

/** How often the row is read again while another process drives the job. */
const pollIntervalMs = 250;

export const waitCommand = defineCommand({
  name: 'wait',
  summary: 'wait until a job is finished; exit 0 only if it completed',
  help: `Usage: mull wait ID

Waits until the job is finished (or needs the person: a key, an unknown fate). When no other Mull
process drives the jobs, this one does until the job is finished. Exit status 0 when the job
completed; otherwise 1, with its status and error on stderr. With --json: the job on stdout.`,
  options: {},
  positionals: { min: 1, max: 1, name: 'a job ID' },
  async run(session, { positionals }) {
    const reader = session.openReader();
    let job: Job;
    try {
      job = await waitFor(session, reader, reader.find(positionals[0] ?? '').id);
    } finally {
      await reader.close();
    }
    if (session.json) session.printJson(job);
    if (job.status === 'completed') {
      session.say(jobLine(job));
      return exitCodes.ok;
    }
    session.say(`mull: ${outcomeSentence(job)}`);
    if (job.status === 'unknown') session.say(unknownHint(job));
    return exitCodes.failure;
  },
});

async function waitFor(session: CliSession, reader: JobManager, id: JobId): Promise<Job> {
  const now = reader.get(id);
  if (now && isAtRest(now)) return now;
  const driverOrJob = session.tryOpenDriver() ?? (await followOnDisk(session, reader, id));
  if (!(driverOrJob instanceof JobManager)) return driverOrJob;
  const driver = driverOrJob;
  try {
    await driveAll(driver, session.keysFor(driver));
    return await changesUntil(driver, id, isAtRest);
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
): Promise<Job | JobManager> {
  session.say(`mull: another Mull process drives job ${shortId(id)}; following it.`);
  const takeover: { driver?: JobManager } = {};
  const job = await pollUntil(reader, id, isAtRest, {
    intervalMs: pollIntervalMs,
    stopEarly: () => (takeover.driver = session.tryOpenDriver()) !== undefined,
  });
  if (takeover.driver) session.say('mull: that process stopped; driving the job from here.');
  return takeover.driver ?? job;
}
