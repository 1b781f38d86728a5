// A desktop notification for every job that reaches a terminal status, while the app watches it
// and also when the engine only learns of it after a restart or a wake (it emits jobs:terminal
// then too), and for the monthly budget's 80 % and 100 %. Write, then tell: the event comes after
// the state is on disk. A job's says the answer's first line; clicking it brings the window up on
// the job (app:showJob).
import { Notification } from 'electron';
import type { EventOf, JobDetail } from '../../shared/ipc/contract.js';
import type { JobId } from '../../shared/job.js';
import type { HostBackend } from '../../node/backend/backend.js';
import { budgetNotificationText } from '../../shared/notification-text.js';
import { terminalNotification } from './terminal-notification.js';

export interface JobNotificationDeps {
  backend: HostBackend;
  /** Whether the person wants notifications (the `notifications` setting, read each time). */
  enabled: () => boolean | Promise<boolean>;
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
  let stopped = false;
  const show = async (event: 'jobs:terminal' | 'budget:reached', payload: unknown) => {
    if (!Notification.isSupported() || !(await enabled())) return;
    let text: { title: string; body: string };
    let onClick = () => {};
    if (event === 'budget:reached') {
      text = budgetNotificationText(payload as EventOf<'budget:reached'>);
    } else {
      const { job } = payload as EventOf<'jobs:terminal'>;
      // The whole answer, for its first line (the summary has only a collapsed preview).
      const detail = await backend.dispatch('jobs:get', { id: job.id });
      text = terminalNotification(
        job,
        detail.ok ? (detail.value as JobDetail).job.answer : undefined,
      );
      onClick = () => showJob(job.id);
    }
    if (stopped) return;
    const notification = new Notification(text);
    open.add(notification);
    const forget = () => open.delete(notification);
    notification.on('click', () => {
      forget();
      onClick();
    });
    notification.on('close', forget);
    notification.on('failed', (_event, error) => {
      forget();
      log(`A notification could not be shown: ${error}`);
    });
    notification.show();
  };
  const stop = backend.onEvent((event, payload) => {
    if (event !== 'jobs:terminal' && event !== 'budget:reached') return;
    show(event, payload).catch((error: unknown) => log('A notification could not be shown', error));
  });
  return () => {
    stopped = true;
    stop();
    for (const notification of open) notification.close();
    open.clear();
  };
}
