// Keeps a count of running jobs for the tray and the badge: counted once at start, then again
// shortly after changes (a streaming job changes several times a second; one count per burst).
import type { Backend } from '../../node/backend/backend.js';
import { runningJobStatuses } from './running-jobs.js';

const settleMs = 250;

export function watchRunningCount(backend: Backend, onCount: (count: number) => void): () => void {
  let last: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  const recount = () => {
    timer = undefined;
    const count = backend.manager.list({ statuses: [...runningJobStatuses], limit: 1 }).total;
    if (count !== last) onCount(count);
    last = count;
  };
  recount();
  const stop = backend.onEvent((event) => {
    if (event === 'jobs:changed' || event === 'jobs:deleted')
      timer ??= setTimeout(recount, settleMs);
  });
  return () => {
    stop();
    clearTimeout(timer);
  };
}
