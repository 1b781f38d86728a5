// Desktop notifications when Mull runs in a browser (the web host). In the desktop app the main
// process shows its own, so the page stays quiet there (the preload exposes `window.mull`).
import { type JobSummary } from '../../../shared/job-summary.js';
import { budgetNotificationText, jobNotificationText } from '../../../shared/notification-text.js';

export function isDesktopApp(): boolean {
  return 'mull' in window;
}

export function canNotifyFromPage(): boolean {
  return !isDesktopApp() && typeof Notification !== 'undefined';
}

/** Asks for permission once; browsers only allow asking from a click or a key press. */
export function askNotificationPermission(): void {
  if (canNotifyFromPage() && Notification.permission === 'default') {
    void Notification.requestPermission();
  }
}

/** The same words as the desktop app's notification: the answer's first line, or why it stopped. */
export function notificationText(
  job: JobSummary,
  answer?: string,
): { title: string; body: string } {
  return jobNotificationText(job, answer);
}

export function notifyJobEnded(job: JobSummary, onClick: () => void, answer?: string): void {
  if (!canNotifyFromPage() || Notification.permission !== 'granted') return;
  const { title, body } = notificationText(job, answer);
  // One notification per job: a later one for the same job replaces it.
  const notification = new Notification(title, { body, tag: `mull-job-${job.id}` });
  notification.onclick = () => {
    window.focus();
    onClick();
    notification.close();
  };
}

/** The monthly budget's 80 % or 100 % (one per threshold: a later one replaces it). */
export function notifyBudgetReached(reached: Parameters<typeof budgetNotificationText>[0]): void {
  if (!canNotifyFromPage() || Notification.permission !== 'granted') return;
  const { title, body } = budgetNotificationText(reached);
  new Notification(title, { body, tag: `mull-budget-${reached.percent}` });
}
