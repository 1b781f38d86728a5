// Option values people type, checked with a message that names the option: one sentence, exit 2.
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
    const bounds = Number.isFinite(range.max)
      ? `from ${range.min} to ${range.max}`
      : `${range.min} or more`;
    throw new UsageError(`${flag} must be a whole number, ${bounds} (got '${text}')`);
  }
  return value;
}

/** One of `choices` given as `--flag WORD`; undefined when the flag is absent. */
export function oneOf<T extends string>(
  flag: string,
  text: string | undefined,
  choices: readonly T[],
): T | undefined {
  if (text === undefined) return undefined;
  const word = text.trim();
  const found = choices.find((choice) => choice === word);
  if (found === undefined) {
    throw new UsageError(`${flag} must be one of ${choices.join(', ')} (got '${text}')`);
  }
  return found;
}
