// `mull show ID`: the answer, exactly as stored, on stdout; what it is about on stderr.
import { isSettled } from '../../../../shared/job.js';
import { serverQueueNote } from '../../../../shared/server-queue.js';
import { exitCodes } from '../cli-errors.js';
import { defineCommand } from '../command.js';
import { jobLine, unknownHint } from '../job-format.js';

export const showCommand = defineCommand({
  name: 'show',
  summary: "print a job's answer (--json: the whole job)",
  help: `Usage: mull show ID

Prints the job's answer on stdout exactly as stored, nothing added (not even a newline); a line
about the job (status, model, tokens, cost) goes to stderr. ID may be any unique prefix.
With --json: the whole job (id, status, answer, reasoningSummary, usage, cost, responseId, error...).`,
  options: {},
  positionals: { min: 1, max: 1, name: 'a job ID' },
  async run(session, { positionals }) {
    const manager = session.openReadOnly();
    try {
      const job = manager.find(positionals[0] ?? '');
      if (session.json) {
        session.printJson(job);
        return exitCodes.ok;
      }
      session.out(job.answer);
      const still = isSettled(job.status) ? '' : ' (not finished: the answer so far)';
      session.say(`${jobLine(job)}${still}`);
      if (job.error) session.say(job.error.message);
      const queued = serverQueueNote(job, Date.now());
      if (queued !== null) session.say(`${queued}; Mull keeps waiting for it.`);
      if (job.status === 'unknown') session.say(unknownHint(job));
      return exitCodes.ok;
    } finally {
      await manager.close();
    }
  },
});
