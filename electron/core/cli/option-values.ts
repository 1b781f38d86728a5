// Option values people type, checked with a message that names the option.
import { UsageError } from './cli-errors.js';

/** A whole number from `min` to `max` given as `--flag N`; undefined when the flag is absent. */
export function wholeNumber(
  flag: string,
  text: string | undefined,
  range: { min: number; max: number },
): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= range.min && value <= range.max)) {
    const max = Number.isFinite(range.max) ? ` to ${range.max}` : ' or more';
    throw new UsageError(`${flag} must be a whole number from ${range.min}${max} (got '${text}')`);
  }
  return value;
}
