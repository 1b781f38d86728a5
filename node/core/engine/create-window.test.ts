// The create window's one table: error class x how far the create had got -> what Mull does.
// Only failures that prove nothing reached the server may resend; everything else after the
// request's bytes left is "unknown" (never resent), whatever the error looks like.
import { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import { MissingKeyError } from '../provider/responses-client.js';
import {
  decideCreate,
  type CreateDecision,
  type CreateStage,
  type CreateTrouble,
} from './create-window.js';

function systemError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:9`), { code });
}

/** What undici and openai-node throw for a socket reset or a dropped connection. */
function connectionError(code: string): APIConnectionError {
  const terminated = new TypeError('terminated', { cause: systemError(code) });
  return new APIConnectionError({ message: 'Connection error.', cause: terminated });
}

function httpError(status: number, code: string | null, message = 'Refused.'): APIError {
  return APIError.generate(
    status,
    { error: { message, type: 'invalid_request_error', param: null, code } },
    undefined,
    new Headers(status === 429 ? { 'retry-after': '2' } : {}),
  );
}

const threw = (error: unknown): CreateTrouble => ({ kind: 'threw', error });

type Expected = CreateDecision['kind'];
const rows: Array<[string, CreateTrouble, Record<CreateStage, Expected>]> = [
  // Nothing could have reached the server before the bytes left; after, nothing proves it.
  [
    'refused (ECONNREFUSED)',
    threw(connectionError('ECONNREFUSED')),
    { unsent: 'resend', sent: 'unknown', streaming: 'unknown' },
  ],
  [
    'DNS (ENOTFOUND)',
    threw(connectionError('ENOTFOUND')),
    { unsent: 'resend', sent: 'unknown', streaming: 'unknown' },
  ],
  [
    'TLS handshake failed',
    threw(connectionError('ERR_TLS_CERT_ALTNAME_INVALID')),
    { unsent: 'resend', sent: 'unknown', streaming: 'unknown' },
  ],
  [
    'reset (APIConnectionError, ECONNRESET)',
    threw(connectionError('ECONNRESET')),
    { unsent: 'resend', sent: 'unknown', streaming: 'unknown' },
  ],
  [
    'reset while reading (TypeError: terminated)',
    threw(new TypeError('terminated', { cause: systemError('ECONNRESET') })),
    { unsent: 'resend', sent: 'unknown', streaming: 'unknown' },
  ],
  [
    'aborted',
    threw(new APIUserAbortError()),
    { unsent: 'resend', sent: 'unknown', streaming: 'unknown' },
  ],
  [
    'clean end, or cut mid-frame',
    { kind: 'ended' },
    { unsent: 'resend', sent: 'unknown', streaming: 'unknown' },
  ],
  [
    'stall',
    { kind: 'stalled', stallMs: 120_000 },
    { unsent: 'resend', sent: 'unknown', streaming: 'unknown' },
  ],
  [
    'error frame before the id',
    { kind: 'error-frame', code: 'server_error', message: 'Oops.' },
    { unsent: 'resend', sent: 'unknown', streaming: 'unknown' },
  ],
  // An HTTP error status is the server's answer: it started nothing.
  ['HTTP 429 rate limit', threw(httpError(429, 'rate_limit_exceeded')), all('retry_later')],
  ['HTTP 500', threw(httpError(500, null)), all('retry_later')],
  ['HTTP 503', threw(httpError(503, null)), all('retry_later')],
  ['HTTP 408', threw(httpError(408, null)), all('retry_later')],
  ['HTTP 409', threw(httpError(409, null)), all('retry_later')],
  ['HTTP 429 insufficient_quota', threw(httpError(429, 'insufficient_quota')), all('fail')],
  ['HTTP 400 unknown model', threw(httpError(400, 'model_not_found')), all('fail')],
  ['HTTP 400', threw(httpError(400, null)), all('fail')],
  ['HTTP 403', threw(httpError(403, null)), all('fail')],
  ['HTTP 404', threw(httpError(404, null)), all('fail')],
  ['HTTP 401', threw(httpError(401, 'invalid_api_key')), all('needs_key')],
  ['no key stored', threw(new MissingKeyError()), all('needs_key')],
];

function all(kind: Expected): Record<CreateStage, Expected> {
  return { unsent: kind, sent: kind, streaming: kind };
}

describe('the create window', () => {
  for (const [name, trouble, expected] of rows) {
    for (const stage of ['unsent', 'sent', 'streaming'] as const) {
      it(`${name}, ${stage} -> ${expected[stage]}`, () => {
        expect(decideCreate(trouble, stage).kind).toBe(expected[stage]);
      });
    }
  }

  it('an unknown job says what to do', () => {
    const decision = decideCreate(threw(connectionError('ECONNRESET')), 'sent');
    expect(decision).toMatchObject({ kind: 'unknown' });
    const message = (decision as { message: string }).message;
    expect(message).toContain('ECONNRESET');
    expect(message).toContain("'mull attach RESPONSE_ID'");
    expect(message).toContain('resubmit');
  });

  it('a refusal for now keeps the server’s wait', () => {
    expect(decideCreate(threw(httpError(429, 'rate_limit_exceeded')), 'sent')).toMatchObject({
      kind: 'retry_later',
      retryAfterMs: 2000,
    });
  });

  it('an unknown model fails with the server’s sentence', () => {
    const decision = decideCreate(
      threw(httpError(400, 'model_not_found', "The requested model 'gpt-9' does not exist.")),
      'sent',
    );
    expect(decision).toMatchObject({
      kind: 'fail',
      code: 'model_not_found',
      message: expect.stringContaining("The requested model 'gpt-9' does not exist.") as unknown,
    });
  });
});
