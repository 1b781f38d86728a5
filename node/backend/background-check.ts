// The host's side of the background integrity check (check-thread.ts): started once the backend
// is open, after a clean start (a start after a crash checked every page before opening).
import { Worker } from 'node:worker_threads';
import type { ThreadEntry } from './backend-thread.js';
import type { Logger } from './dispatch.js';
import { rebuildError } from './thread-errors.js';
import type { CheckStart, CheckToHost } from './thread-protocol.js';

/** How the database's pages were checked this run. */
export type IntegrityVerdict =
  | { checked: 'at-open' }
  | { checked: 'in-background'; damage?: Error }
  /** The check could not run (said in the log), or the backend is not on worker threads. */
  | { checked: 'not' };

export function checkInBackground(
  entry: ThreadEntry,
  dataDir: string,
  log: Logger,
): { verdict: Promise<IntegrityVerdict>; stop: () => void } {
  const start: CheckStart = { role: 'check', dataDir };
  const worker = new Worker(entry.script, { workerData: start, eval: entry.eval ?? false });
  // A check does not keep the process alive: a quit does not wait for it.
  worker.unref();
  const verdict = new Promise<IntegrityVerdict>((resolve) => {
    worker.once('message', (message: CheckToHost) => {
      resolve(
        message.damage === undefined
          ? { checked: 'in-background' }
          : { checked: 'in-background', damage: rebuildError(message.damage) },
      );
    });
    worker.once('error', (error) => {
      log('the background integrity check could not run', error);
      resolve({ checked: 'not' });
    });
    worker.once('exit', () => resolve({ checked: 'not' })); // after its answer, or stopped
  });
  return { verdict, stop: () => void worker.terminate() };
}
