// A desktop notification for every job that reaches a terminal status: while the app watches it,
// and also when the engine only learns of it after a restart or a wake (it emits jobs:terminal then
// too). Write, then tell: the event comes after the state is on disk. It says the answer's first
// line; clicking it brings the window up on the job (app:showJob).
import { Notification } from 'electron';
import type { EventOf } from '../../shared/ipc/contract.js';
import type { JobId } from '../../shared/job.js';
import type { Backend } from '../backend/backend.js';
import { terminalNotification } from './terminal-notification.js';

export interface JobNotificationDeps {
  backend: Backend;
  /** Whether the person wants notifications (the `notifications` setting, read each time). */
  enabled: () => boolean;
  /** Brings the window up on the job. */
  showJob: (id: JobId) => void;
  log: (message: string, error?: unknown) => void;
}

export function notifyTerminalJobs({
  backend,
  enabled,
  showJob,
  log,
}: JobNotificationDeps): () => void {
  // Held until closed or clicked: a notification object that is garbage-collected loses its
  // click handler on some platforms.
  const open = new Set<Notification>();
  const stop = backend.onEvent((event, payload) => {
    if (event !== 'jobs:terminal') return;
    const { job } = payload as EventOf<'jobs:terminal'>;
    try {
      if (!Notification.isSupported() || !enabled()) return;
      // The whole answer, for its first line (the summary has only a whitespace-collapsed preview).
      const answer = backend.manager.get(job.id)?.answer;
      const notification = new Notification(terminalNotification(job, answer));
      open.add(notification);
      const forget = () => open.delete(notification);
      notification.on('click', () => {
        forget();
        showJob(job.id);
      });
      notification.on('close', forget);
      notification.on('failed', (_event, error) => {
        forget();
        log(`A notification could not be shown: ${error}`);
      });
      notification.show();
    } catch (error) {
      log('A notification could not be shown', error);
    }
  });
  return () => {
    stop();
    for (const notification of open) notification.close();
    open.clear();
  };
}
