// Waiting for a job to reach a state, in the two situations the command line meets.
import { setTimeout as sleep } from 'node:timers/promises';
import { isSettled, type Job, type JobId } from '../../shared/job.js';
import type { JobManager } from '../core/engine/index.js';

/** Nothing more will happen without the person: terminal, unknown, or paused for a key. */
export function isAtRest(job: Job): boolean {
  return isSettled(job.status) || job.status === 'needs_key';
}

/**
 * This process drives the job: its writer tells every change after it is on disk. Also resolves
 * when the manager has nothing left to drive, so a driver that stopped without a final write (a
 * bug, logged as an anomaly) cannot leave the caller waiting forever.
 */
export function changesUntil(
  manager: JobManager,
  id: JobId,
  done: (job: Job) => boolean,
): Promise<Job> {
  return new Promise((resolve, reject) => {
    const finish = (job: Job | undefined) => {
      unsubscribe();
      if (job) resolve(job);
      else reject(new Error(`The job ${id} was deleted while waiting for it.`));
    };
    const unsubscribe = manager.onChange(({ job }) => {
      if (job.id === id && done(job)) finish(job);
    });
    const now = manager.get(id);
    if (!now || done(now)) finish(now);
    else void manager.idle().then(() => finish(manager.get(id)));
  });
}

export interface PollOptions {
  intervalMs: number;
  /** Checked after each read that is not done: true ends the wait early with that read. */
  stopEarly?: () => boolean | Promise<boolean>;
}

/**
 * Another process drives the job. Its change events live in that process's memory and nothing
 * crosses to ours (SQLite has no cross-process notifications), so the only shared truth is the row
 * on disk: read it again every `intervalMs`. Reads are cheap (WAL: they never block the writer).
 */
export async function pollUntil(
  manager: JobManager,
  id: JobId,
  done: (job: Job) => boolean,
  options: PollOptions,
): Promise<Job> {
  for (;;) {
    const job = manager.get(id);
    if (!job) throw new Error(`The job ${id} was deleted while waiting for it.`);
    if (done(job) || (await options.stopEarly?.()) === true) return job;
    await sleep(options.intervalMs);
  }
}
