// Keeps a count of running jobs for the tray and the badge: counted once at start, then again
// shortly after changes (a streaming job changes several times a second; one count per burst).
import type { HostBackend } from '../../node/backend/backend.js';
import { runningJobStatuses } from './running-jobs.js';

const settleMs = 250;

export function watchRunningCount(
  backend: HostBackend,
  onCount: (count: number) => void,
): () => void {
  let last: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const recount = async () => {
    timer = undefined;
    const page = await backend.dispatch('jobs:list', {
      statuses: [...runningJobStatuses],
      limit: 1,
    });
    if (stopped || !page.ok) return; // a failed count keeps the last one shown
    const count = (page.value as { total: number }).total;
    if (count !== last) onCount(count);
    last = count;
  };
  void recount();
  const stop = backend.onEvent((event) => {
    if (event === 'jobs:changed' || event === 'jobs:deleted')
      timer ??= setTimeout(() => void recount(), settleMs);
  });
  return () => {
    stopped = true;
    stop();
    clearTimeout(timer);
  };
}
