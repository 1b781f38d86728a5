// How the command line reports a failure: one readable sentence on stderr and an exit code, never a
// stack trace (MULL_DEBUG=1 adds it, for bug reports).
import { ZodError } from 'zod';

export const exitCodes = { ok: 0, failure: 1, usage: 2 } as const;

/** The command line was used wrongly (unknown option, missing argument): exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Names people typed, for the fields of a validated object (NewJob's fields, mostly). */
const fieldNames: Readonly<Record<string, string>> = {
  prompt: 'The prompt',
  title: '--title',
  model: '--model',
  providerId: '--provider',
  effort: '--effort',
  reasoningSummary: '--summary',
  maxOutputTokens: '--max-output-tokens',
  limit: '--limit',
};

/** A zod error as one sentence: "--max-output-tokens: Too small: expected number to be >=16." */
export function zodSentence(error: ZodError): string {
  const parts = error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const name = fieldNames[field] ?? field;
    // Messages written for people already name their subject ("The prompt is empty.").
    return name === '' || issue.message.startsWith(name)
      ? issue.message
      : `${name}: ${issue.message}`;
  });
  return sentence(parts.join('; '));
}

export interface Report {
  message: string;
  exitCode: number;
}

/** What to tell the person about an error, and the exit code. */
export function reportFor(error: unknown): Report {
  if (error instanceof UsageError)
    return { message: sentence(error.message), exitCode: exitCodes.usage };
  if (error instanceof ZodError)
    return { message: zodSentence(error), exitCode: exitCodes.failure };
  // The engine's errors (StoreOpenError, DriverLockedError, JobNotFoundError, JobActionRefused, a bad
  // base URL...) are written for people: shown as they are.
  if (error instanceof Error)
    return { message: sentence(error.message), exitCode: exitCodes.failure };
  return { message: sentence(String(error)), exitCode: exitCodes.failure };
}

function sentence(text: string): string {
  const trimmed = text.trim().replace(/\s*\n\s*/g, ' ');
  // "... (got '-3')." ends with a period; "... (did you mean --limit?)" already ends a sentence.
  return /[.!?]\)?$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
