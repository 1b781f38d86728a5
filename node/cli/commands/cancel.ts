// `mull cancel ID`: cancels on the server (closing a stream alone would leave a paid job running).
import { isSettled } from '../../../shared/job.js';
import { exitCodes } from '../cli-errors.js';
import { defineCommand } from '../command.js';
import { shortId } from '../job-format.js';
import { connectionReason, isConnectionFailure, unreachableSentence } from '../provider-names.js';

export const cancelCommand = defineCommand({
  name: 'cancel',
  help: `Usage: mull cancel ID

Cancels the job on the server and records its final state (a job that finished first keeps its
answer). When another Mull process drives the job, the cancel is sent from here and that process
records the final state. With --json: the job on stdout.`,
  options: {},
  positionals: { min: 1, max: 1, name: 'a job ID' },
  async run(session, { positionals }) {
    const manager = (await session.tryOpenDriver()) ?? (await session.openReader());
    try {
      const before = manager.find(positionals[0] ?? '');
      if (isSettled(before.status)) {
        session.say(`mull: job ${shortId(before.id)} is already ${before.status}.`);
      }
      const job = await manager.cancel(before.id).catch((error: unknown) => {
        if (!isConnectionFailure(error)) throw error;
        const provider = manager.settings.provider(before.providerId);
        throw new Error(
          `${unreachableSentence(provider, connectionReason(error))}, so job ${shortId(before.id)} was not cancelled: try again once it can be reached`,
        );
      });
      if (session.json) session.printJson(job);
      if (!isSettled(before.status)) {
        session.say(
          isSettled(job.status)
            ? `${shortId(job.id)} ${job.status}`
            : `mull: cancel sent for job ${shortId(job.id)}; the process driving it records the final state.`,
        );
      }
      return exitCodes.ok;
    } finally {
      await manager.close();
    }
  },
});
