// What a failed upload means: tried again (a connection failure, HTTP 408/409/429/5xx), paused for
// a key (401, none set), or the job fails with one sentence naming the file (any other refusal).
import { APIConnectionError, APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { MissingKeyError } from './responses-client.js';
import { classifyUploadFailure } from './upload-failure.js';

function httpError(status: number, message: string, code: string | null = null): APIError {
  return APIError.generate(
    status,
    { error: { message, type: 'invalid_request_error', param: null, code } },
    undefined,
    new Headers({ 'retry-after-ms': '250' }),
  );
}

describe('classifyUploadFailure', () => {
  it('tries a refusal for now again, with the server’s wait', () => {
    for (const status of [408, 409, 429, 500, 503]) {
      expect(classifyUploadFailure(httpError(status, 'Try later.'), 'c.pdf')).toEqual({
        kind: 'transient',
        reason: `uploading "c.pdf": HTTP ${status}: Try later.`,
        retryAfterMs: 250,
      });
    }
  });

  it('sends again after a connection failure (an upload never starts a paid job)', () => {
    const reset = new APIConnectionError({
      cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }),
    });
    expect(classifyUploadFailure(reset, 'c.pdf')).toMatchObject({
      kind: 'not_sent',
      reason: expect.stringMatching(/^uploading "c\.pdf": connection lost/u) as unknown,
    });
  });

  it('pauses for a key', () => {
    expect(classifyUploadFailure(httpError(401, 'Incorrect API key.'), 'c.pdf').kind).toBe(
      'needs_key',
    );
    expect(classifyUploadFailure(new MissingKeyError(), 'c.pdf').kind).toBe('needs_key');
  });

  it('fails with one sentence naming the file for any other refusal', () => {
    expect(classifyUploadFailure(httpError(400, 'Invalid file format.'), 'c.pdf')).toEqual({
      kind: 'permanent',
      code: 'upload_refused',
      message: 'The provider refused the upload of "c.pdf" (HTTP 400): Invalid file format.',
    });
    // A server without the Files API: its 404 is not "the response expired".
    expect(classifyUploadFailure(httpError(404, 'Not found.'), 'c.pdf')).toMatchObject({
      kind: 'permanent',
      message: 'The provider refused the upload of "c.pdf" (HTTP 404): Not found.',
    });
    expect(
      classifyUploadFailure(httpError(429, 'Quota.', 'insufficient_quota'), 'c.pdf'),
    ).toMatchObject({ kind: 'permanent', code: 'insufficient_quota' });
  });
});
