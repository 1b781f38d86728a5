// Desktop notifications when Mull runs in a browser (the web host). In the desktop app the main
// process shows its own, so the page stays quiet there (the preload exposes `window.mull`).
import type { JobSummary } from '../../../shared/job-query.js';
import { formatUsd } from '../../../shared/cost.js';
import { statusPresentation } from '../status/job-status.js';

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

export function notificationText(job: JobSummary): { title: string; body: string } {
  const status = statusPresentation[job.status].label;
  const cost = job.cost === null ? '' : ` · ${formatUsd(job.cost)}`;
  return { title: `${status}: ${job.title || 'Untitled job'}`, body: `${job.model}${cost}` };
}

export function notifyJobEnded(job: JobSummary, onClick: () => void): void {
  if (!canNotifyFromPage() || Notification.permission !== 'granted') return;
  const { title, body } = notificationText(job);
  // One notification per job: a later one for the same job replaces it.
  const notification = new Notification(title, { body, tag: `mull-job-${job.id}` });
  notification.onclick = () => {
    window.focus();
    onClick();
    notification.close();
  };
}
