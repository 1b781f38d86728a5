import { describe, expect, it } from 'vitest';
import {
  badgeCount,
  runningJobStatuses,
  runningJobsLabel,
  trayTitle,
  trayTooltip,
} from './running-jobs.js';

describe('runningJobStatuses', () => {
  it('counts jobs being worked on, not settled ones or ones waiting for a key', () => {
    expect([...runningJobStatuses].sort()).toEqual(
      ['in_progress', 'pending', 'polling', 'queued', 'reconnecting', 'submitting'].sort(),
    );
  });
});

describe('tray and badge text', () => {
  it.each([
    [0, 'No jobs running', 'Mull: no jobs running', 0, ''],
    [1, '1 job running', 'Mull: 1 job running', 1, '1'],
    [3, '3 jobs running', 'Mull: 3 jobs running', 3, '3'],
    [120, '120 jobs running', 'Mull: 120 jobs running', 120, '120'],
  ])('%i running: "%s"', (count, label, tooltip, badge, title) => {
    expect(runningJobsLabel(count)).toBe(label);
    expect(trayTooltip(count)).toBe(tooltip);
    expect(badgeCount(count)).toBe(badge);
    expect(trayTitle(count)).toBe(title);
  });

  it('never shows a negative or fractional badge', () => {
    expect(badgeCount(-1)).toBe(0);
    expect(badgeCount(1.5)).toBe(0);
    expect(badgeCount(Number.NaN)).toBe(0);
    expect(runningJobsLabel(-2)).toBe('No jobs running');
  });
});
