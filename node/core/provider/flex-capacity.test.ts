// A flex capacity refusal (HTTP 429 Resource Unavailable) is told apart from a rate limit and from
// insufficient_quota, and the create window calls it "send again later": it started nothing.
import { APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { flexCapacityMessage } from '../../emulator/flex-capacity.js';
import { decideCreate } from '../engine/create-window.js';
import { isFlexCapacityRefusal } from './flex-capacity.js';

function httpError(status: number, code: string | null, message: string): APIError {
  return APIError.generate(
    status,
    { error: { message, type: 'requests', param: null, code } },
    undefined,
    new Headers({ 'retry-after': '3' }),
  );
}

describe('a flex capacity refusal', () => {
  it.each([
    ['the emulator’s refusal', httpError(429, 'resource_unavailable', flexCapacityMessage)],
    ['the guide’s wording without a code', httpError(429, null, 'Resource Unavailable')],
    ['a resource_unavailable code', httpError(429, 'resource_unavailable', 'Try later.')],
  ])('is recognised: %s', (_name, error) => {
    expect(isFlexCapacityRefusal(error)).toBe(true);
  });

  it.each([
    ['a rate limit', httpError(429, 'rate_limit_exceeded', 'Rate limit reached for requests.')],
    ['insufficient_quota', httpError(429, 'insufficient_quota', 'Resource unavailable: quota.')],
    ['a 503', httpError(503, null, 'Resource unavailable')],
    ['not an API error', new Error('Resource unavailable')],
  ])('is not: %s', (_name, error) => {
    expect(isFlexCapacityRefusal(error)).toBe(false);
  });

  it('is "send again later" in the create window, honouring Retry-After, never a failure', () => {
    const error = httpError(429, 'resource_unavailable', flexCapacityMessage);
    for (const stage of ['unsent', 'sent'] as const) {
      expect(decideCreate({ kind: 'threw', error }, stage)).toMatchObject({
        kind: 'retry_later',
        retryAfterMs: 3000,
      });
    }
  });
});
