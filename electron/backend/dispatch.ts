// One request from either transport: check the channel, validate the payload, run the handler,
// validate what it returns (so nothing outside the schema, a secret least of all, ever leaves),
// and settle into an envelope with a readable error.
import { z } from 'zod';
import { requests, type Handlers, type RequestChannel } from '../../shared/ipc/contract.js';
import type { ErrorCode, Settled } from '../../shared/ipc/envelope.js';
import { JobActionRefused, JobNotFound, UnknownProviderError } from '../core/engine/index.js';
import { InvalidKeyError, KeychainUnavailableError } from '../core/secrets/index.js';
import { JobNotFoundError } from '../core/store/index.js';
import { RefusedError } from './refused.js';

export type Logger = (message: string, error?: unknown) => void;

export function isRequestChannel(channel: unknown): channel is RequestChannel {
  return typeof channel === 'string' && Object.hasOwn(requests, channel);
}

function codeOf(error: unknown): ErrorCode {
  if (error instanceof z.ZodError) return 'BAD_REQUEST';
  if (error instanceof JobNotFound || error instanceof JobNotFoundError) return 'NOT_FOUND';
  if (
    error instanceof JobActionRefused ||
    error instanceof UnknownProviderError ||
    error instanceof RefusedError ||
    error instanceof InvalidKeyError
  ) {
    return 'REFUSED';
  }
  if (error instanceof KeychainUnavailableError) return 'KEYCHAIN_UNAVAILABLE';
  return 'INTERNAL';
}

export async function dispatchRequest(
  handlers: Handlers,
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
  try {
    const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
    const value = schema.res.parse(await handler(parsed.data));
    return { ok: true, value };
  } catch (error) {
    const code = codeOf(error);
    // Never the payload: a keys:set payload is a key.
    log(`${channel} failed (${code})`, error);
    const message =
      code === 'INTERNAL'
        ? 'Something went wrong in Mull; the details are in its log.'
        : code === 'BAD_REQUEST'
          ? z.prettifyError(error as z.ZodError)
          : (error as Error).message;
    return { ok: false, error: { code, message } };
  }
}
