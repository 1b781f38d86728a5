// Every error a handler raises on purpose travels with its contract code and its own sentence;
// anything else is INTERNAL with a generic one. The same dispatch serves Electron's IPC and the web
// host, so this holds for both.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requests, type Handlers } from '../../shared/ipc/contract.js';
import type { ErrorCode } from '../../shared/ipc/envelope.js';
import {
  AttachRefused,
  DriverLockedError,
  JobActionRefused,
  JobNotFoundError,
  UnknownProviderError,
} from '../core/engine/index.js';
import { InvalidKeyError, KeychainUnavailableError } from '../core/secrets/index.js';
import { InvalidCursorError, StoreOpenError } from '../core/store/index.js';
import { dispatchRequest, failureOf } from './dispatch.js';
import { RefusedError } from './refused.js';

/** Handlers whose app:info throws `error` (or answers `value`); every other channel is unused. */
function handlersThatThrow(error: unknown, value?: unknown): Handlers {
  const answer = async () => {
    await Promise.resolve();
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- a dependency may throw anything; dispatch must still settle
    if (error !== undefined) throw error;
    return value;
  };
  return Object.fromEntries(
    Object.keys(requests).map((channel) => [channel, answer]),
  ) as unknown as Handlers;
}

const cases: [string, Error, ErrorCode][] = [
  ['InvalidCursorError', new InvalidCursorError('it is not a cursor'), 'BAD_REQUEST'],
  ['JobNotFoundError', new JobNotFoundError('job-1'), 'NOT_FOUND'],
  ['JobActionRefused', new JobActionRefused('This job is running: cancel it first.'), 'REFUSED'],
  ['AttachRefused', new AttachRefused('The server does not know resp_x.'), 'REFUSED'],
  ['UnknownProviderError', new UnknownProviderError('nowhere'), 'REFUSED'],
  ['RefusedError', new RefusedError('This is the default provider.'), 'REFUSED'],
  ['InvalidKeyError', new InvalidKeyError('The API key is empty.'), 'REFUSED'],
  [
    'StoreOpenError',
    new StoreOpenError('newer_schema', '/data/mull.sqlite3', 'A newer Mull made this database.'),
    'REFUSED',
  ],
  ['DriverLockedError', new DriverLockedError('/data'), 'REFUSED'],
  [
    'KeychainUnavailableError',
    new KeychainUnavailableError('no Secret Service'),
    'KEYCHAIN_UNAVAILABLE',
  ],
];

describe('an error raised on purpose by a handler', () => {
  it.each(cases)('%s travels as its code, with its own sentence', async (_name, error, code) => {
    const logged: string[] = [];
    const settled = await dispatchRequest(handlersThatThrow(error), 'app:info', {}, (message) =>
      logged.push(message),
    );
    expect(settled).toEqual({ ok: false, error: { code, message: error.message } });
    expect(code).not.toBe('INTERNAL');
    expect(logged).toEqual([`app:info failed (${code})`]);
  });

  it("a schema of the handler's own that refuses: BAD_REQUEST with what is wrong", () => {
    const parsed = z.object({ baseUrl: z.url() }).safeParse({ baseUrl: 'nope' });
    expect(parsed.success).toBe(false);
    const failure = failureOf(parsed.error);
    expect(failure.code).toBe('BAD_REQUEST');
    expect(failure.message).toContain('baseUrl');
  });
});

describe('anything else', () => {
  it.each([
    ['an Error', new Error('SQLITE_IOERR: disk I/O error at /secret/path')],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a thrown string', 'sk-not-an-error'],
  ])('%s is INTERNAL, and its text stays in the log', async (_what, error) => {
    const settled = await dispatchRequest(handlersThatThrow(error), 'app:info', {}, () => {});
    expect(settled).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Something went wrong in Mull; the details are in its log.',
      },
    });
  });

  it("an answer outside its schema is INTERNAL (Mull's bug, not the caller's), and none of it leaves", async () => {
    const logged: string[] = [];
    const settled = await dispatchRequest(
      handlersThatThrow(undefined, { mode: 'web', apiKey: 'sk-leak' }),
      'app:info',
      {},
      (message) => logged.push(message),
    );
    expect(settled).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(settled)).not.toContain('sk-leak');
    expect(logged).toEqual(['app:info answered outside its schema (INTERNAL)']);
  });
});
