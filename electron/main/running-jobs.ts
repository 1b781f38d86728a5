// What the tray and the dock/taskbar badge say about running jobs. No electron import: unit-tested.
import { JobStatus, isSettled } from '../../shared/job.js';

/** Jobs Mull is working on: everything not settled, except those waiting for a key from the person. */
export const runningJobStatuses: readonly JobStatus[] = JobStatus.options.filter(
  (status) => !isSettled(status) && status !== 'needs_key',
);

/** "No jobs running", "1 job running", "3 jobs running". */
export function runningJobsLabel(count: number): string {
  if (count <= 0) return 'No jobs running';
  return count === 1 ? '1 job running' : `${count} jobs running`;
}

/** The tray icon's tooltip. */
export function trayTooltip(count: number): string {
  return `Mull: ${runningJobsLabel(count).toLowerCase()}`;
}

/** The dock/launcher badge: the count, or nothing (0 clears it). */
export function badgeCount(count: number): number {
  return Number.isInteger(count) && count > 0 ? count : 0;
}

/** The text beside the macOS menu-bar icon: the count, or nothing when idle. */
export function trayTitle(count: number): string {
  return badgeCount(count) > 0 ? String(count) : '';
}
