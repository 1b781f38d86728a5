// Elapsed times for people: "8 s", "4 min 05 s", "1 h 02 min", "3 d 4 h". Intl.DurationFormat
// would do this, but it is missing from the Node the tests run on; the rule is small.
const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

const twoDigits = (value: number) => String(value).padStart(2, '0');

export function formatDuration(ms: number): string {
  const clamped = Math.max(0, ms);
  if (clamped < minute) return `${Math.floor(clamped / second)} s`;
  if (clamped < hour) {
    return `${Math.floor(clamped / minute)} min ${twoDigits(Math.floor((clamped % minute) / second))} s`;
  }
  if (clamped < day) {
    return `${Math.floor(clamped / hour)} h ${twoDigits(Math.floor((clamped % hour) / minute))} min`;
  }
  return `${Math.floor(clamped / day)} d ${Math.floor((clamped % day) / hour)} h`;
}
