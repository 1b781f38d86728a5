// A row's date: the time for today and yesterday, the day and time this year, the day for older.
import { describe, expect, it } from 'vitest';
import { rowDateText } from './row-date.js';

const at = (year: number, month: number, day: number, hour = 0, minute = 0) =>
  new Date(year, month - 1, day, hour, minute).getTime();
const time = (epochMs: number) =>
  new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(epochMs);

describe('rowDateText', () => {
  const now = at(2025, 12, 3, 10, 0);

  it('says "Today" and the time for a job made today', () => {
    const made = at(2025, 12, 3, 0, 5);
    expect(rowDateText(made, now)).toBe(`Today ${time(made)}`);
  });

  it('says "Yesterday" for the calendar day before, even a few minutes ago', () => {
    const made = at(2025, 12, 2, 23, 59);
    expect(rowDateText(made, at(2025, 12, 3, 0, 1))).toBe(`Yesterday ${time(made)}`);
  });

  it('gives the day and time this year, and the day with its year before that', () => {
    const thisYear = at(2025, 11, 2, 14, 5);
    const dayAndMonth = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
    expect(rowDateText(thisYear, now)).toBe(`${dayAndMonth.format(thisYear)}, ${time(thisYear)}`);
    const lastYear = at(2024, 12, 2, 14, 5);
    expect(rowDateText(lastYear, now)).toContain('2024');
    expect(rowDateText(lastYear, now)).not.toContain(time(lastYear));
  });
});
