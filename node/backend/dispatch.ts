// One request from either transport: check the channel, validate the payload, run the handler,
// validate what it returns (so nothing outside the schema, a secret least of all, ever leaves),
// and settle into an envelope with a readable error.
import { z } from 'zod';
import { requests, type Handlers, type RequestChannel } from '../../shared/ipc/contract.js';
import type { ErrorCode, Settled } from '../../shared/ipc/envelope.js';
import {
  AttachRefused,
  DriverLockedError,
  JobActionRefused,
  JobNotFoundError,
  UnknownProviderError,
} from '../core/engine/index.js';
import { InvalidKeyError, KeychainUnavailableError } from '../core/secrets/index.js';
import { InvalidCursorError, StoreOpenError } from '../core/store/index.js';
import { RefusedError } from './refused.js';

export type Logger = (message: string, error?: unknown) => void;

export function isRequestChannel(channel: unknown): channel is RequestChannel {
  return typeof channel === 'string' && Object.hasOwn(requests, channel);
}

/**
 * The errors a handler may raise on purpose, each with the code it travels under. Their messages
 * are written for a person and go out as they are; anything else is a bug and goes out as INTERNAL
 * with a generic sentence (the details go to the log). A new error class that reaches a handler
 * belongs here: `dispatch.test.ts` raises each one.
 */
const expectedErrors: readonly [new (...args: never[]) => Error, Exclude<ErrorCode, 'INTERNAL'>][] =
  [
    // A cursor is part of the request: a malformed one (or one from another sort order) is the
    // caller's mistake, caught only when the store decodes it.
    [InvalidCursorError, 'BAD_REQUEST'],
    [JobNotFoundError, 'NOT_FOUND'],
    [JobActionRefused, 'REFUSED'],
    [AttachRefused, 'REFUSED'],
    [UnknownProviderError, 'REFUSED'],
    [RefusedError, 'REFUSED'],
    [InvalidKeyError, 'REFUSED'],
    // The database (or the driver lock) cannot be had right now; the sentence says why and what
    // to do, and the file is left as it was.
    [StoreOpenError, 'REFUSED'],
    [DriverLockedError, 'REFUSED'],
    [KeychainUnavailableError, 'KEYCHAIN_UNAVAILABLE'],
  ];

const internalSentence = 'Something went wrong in Mull; the details are in its log.';

/** The code and the sentence an error from a handler travels with. */
export function failureOf(error: unknown): { code: ErrorCode; message: string } {
  // A handler validating more of its request (a provider's URL, say) with a schema of its own.
  if (error instanceof z.ZodError) return { code: 'BAD_REQUEST', message: z.prettifyError(error) };
  for (const [kind, code] of expectedErrors) {
    if (error instanceof kind) return { code, message: error.message };
  }
  return { code: 'INTERNAL', message: internalSentence };
}

export async function dispatchRequest(
  handlers: Partial<Handlers>,
  channel: unknown,
  payload: unknown,
  log: Logger,
): Promise<Settled<unknown>> {
  if (!isRequestChannel(channel)) {
    return {
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: `There is no channel '${String(channel).slice(0, 100)}'.`,
      },
    };
  }
  const schema = requests[channel];
  const parsed = schema.req.safeParse(payload);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: `Invalid request for ${channel}: ${z.prettifyError(parsed.error)}`,
      },
    };
  }
  const handler = handlers[channel] as ((req: unknown) => Promise<unknown>) | undefined;
  // Only a reader's handlers (read-handlers.ts) lack channels; the host never routes others there.
  if (handler === undefined) {
    return { ok: false, error: { code: 'NOT_FOUND', message: `${channel} is not answered here.` } };
  }
  let value: unknown;
  try {
    value = await handler(parsed.data);
  } catch (error) {
    const failure = failureOf(error);
    // Never the payload: a keys:set payload is a key.
    log(`${channel} failed (${failure.code})`, error);
    return { ok: false, error: failure };
  }
  // An answer outside its schema is Mull's bug, never the caller's: INTERNAL, and nothing of it
  // leaves (it could hold what the schema keeps out, a key least of all).
  const checked = schema.res.safeParse(value);
  if (!checked.success) {
    log(`${channel} answered outside its schema (INTERNAL)`, checked.error);
    return { ok: false, error: { code: 'INTERNAL', message: internalSentence } };
  }
  return { ok: true, value: checked.data };
}
