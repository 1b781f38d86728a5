// When a job was made, as a board row says it: "Today 14:05", "Yesterday 09:12", "Dec 2, 14:05",
// or "Dec 2, 2024" for another year. In the person's locale and time zone (Intl).
const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayInYear = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const dayOfOtherYear = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
});
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

function startOfDay(epochMs: number): number {
  const date = new Date(epochMs);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

export function rowDateText(epochMs: number, now: number = Date.now()): string {
  const today = startOfDay(now);
  const day = startOfDay(epochMs);
  if (day === today) return `Today ${time.format(epochMs)}`;
  // The day before today's midnight (DST-safe: a calendar day, not 24 hours).
  if (day === startOfDay(today - 1)) return `Yesterday ${time.format(epochMs)}`;
  if (new Date(epochMs).getFullYear() === new Date(now).getFullYear()) {
    return `${dayInYear.format(epochMs)}, ${time.format(epochMs)}`;
  }
  return dayOfOtherYear.format(epochMs);
}

/** The whole date and time, for the row's tooltip. */
export function rowDateTitle(epochMs: number): string {
  return full.format(epochMs);
}
