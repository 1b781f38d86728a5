// Dates in the person's locale and time zone (Intl: no date library needed for this little).
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeWithSeconds = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

export function formatDateTime(epochMs: number): string {
  return dateTime.format(epochMs);
}

export function formatTime(epochMs: number): string {
  return timeWithSeconds.format(epochMs);
}

/** A local calendar day given as YYYY-MM-DD (as `jobs:spend` reports them). */
export function formatDay(isoDay: string): string {
  const [year, month, dayOfMonth] = isoDay.split('-').map(Number);
  if (year === undefined || month === undefined || dayOfMonth === undefined) return isoDay;
  return shortDate.format(new Date(year, month - 1, dayOfMonth));
}

/** Today as YYYY-MM-DD in local time (the date a price override was checked on). */
export function todayIsoDate(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
