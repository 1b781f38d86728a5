// One test per request fault (an HTTP error instead of the real reply), as the SDK sees it.
import OpenAI, { RateLimitError } from 'openai';
import { describe, expect, it } from 'vitest';
import { emulatorPerFile } from './test-support/emulator-per-file.js';
import { collect, createBackgroundStream, responseIdOf, sdkClient } from './test-support/sdk.js';

const fx = emulatorPerFile();

const answer = 'Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.';

const scripted = (script: Parameters<typeof fx.scripted>[0]) => fx.scripted(script, answer);

describe('request faults', () => {
  it('429 with Retry-After and retry-after-ms: surfaced with both headers, and honoured by SDK retries', async () => {
    await fx.emulator.control.addFault({
      status: 429,
      code: 'rate_limit_exceeded',
      retryAfterSeconds: 1,
      retryAfterMs: 40,
      on: ['create'],
    });
    const error: unknown = await createBackgroundStream(fx.client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const headers = (error as RateLimitError).headers;
    expect(headers.get('retry-after')).toBe('1');
    expect(headers.get('retry-after-ms')).toBe('40');
    expect((error as RateLimitError).code).toBe('rate_limit_exceeded');

    await fx.emulator.control.addFault({
      status: 429,
      code: 'rate_limit_exceeded',
      retryAfterMs: 40,
      on: ['create'],
    });
    const retrying = sdkClient(fx.emulator.baseURL, { maxRetries: 1 });
    const run = await collect(await createBackgroundStream(retrying));
    expect(run.events.at(-1)?.type).toBe('response.completed');
    const creates = await fx.emulator.control.requests({ kind: 'create' });
    expect(creates.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('429 insufficient_quota: a permanent rate-limit error with its own code', async () => {
    await fx.emulator.control.addFault({
      status: 429,
      code: 'insufficient_quota',
      type: 'insufficient_quota',
    });
    const error: unknown = await createBackgroundStream(fx.client).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: 'insufficient_quota' });
    expect((error as Error).message).toContain('exceeded your current quota');
  });

  it('5xx for the next K requests, then normal service', async () => {
    const created = await fx.client.responses.create({
      model: 'gpt-5',
      input: 'x',
      background: true,
      store: true,
    });
    await fx.emulator.control.addFault({ status: 503, count: 3 });
    for (let i = 0; i < 3; i++) {
      await expect(fx.client.responses.retrieve(created.id)).rejects.toBeInstanceOf(
        OpenAI.InternalServerError,
      );
    }
    await expect(fx.client.responses.retrieve(created.id)).resolves.toMatchObject({
      id: created.id,
    });
    const polls = await fx.emulator.control.requests({ kind: 'poll' });
    expect(polls.map((r) => r.status)).toEqual([503, 503, 503, 200]);
  });

  it('401 from some moment on: every later request is refused until the fault is cleared', async () => {
    const created = await fx.client.responses.create({
      model: 'gpt-5',
      input: 'x',
      background: true,
      store: true,
    });
    await fx.emulator.control.addFault({ status: 401, code: 'invalid_api_key', count: null });
    for (let i = 0; i < 3; i++) {
      await expect(fx.client.responses.retrieve(created.id)).rejects.toBeInstanceOf(
        OpenAI.AuthenticationError,
      );
    }
    await fx.emulator.control.clearFaults();
    await expect(fx.client.responses.retrieve(created.id)).resolves.toMatchObject({
      id: created.id,
    });
  });

  it('404 for an expired id, on poll, stream and cancel', async () => {
    const run = await scripted({});
    const id = responseIdOf(run);
    await fx.emulator.control.patchResponse(id, { expired: true });
    await expect(fx.client.responses.retrieve(id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(
      fx.client.responses.retrieve(id, { stream: true, starting_after: 3 }),
    ).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(fx.client.responses.cancel(id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('openai-poll-after-ms on polls', async () => {
    await fx.emulator.control.addScript({ script: { pollAfterMs: 1500 } });
    const created = await fx.client.responses.create({
      model: 'gpt-5',
      input: 'x',
      background: true,
      store: true,
    });
    const { response } = await fx.client.responses.retrieve(created.id).withResponse();
    expect(response.headers.get('openai-poll-after-ms')).toBe('1500');
  });

  it('refuses a re-stream past the age limit with HTTP 400; polling still works', async () => {
    await fx.emulator.control.configure({ speed: 1_000_000, restreamMaxAgeMs: 5 * 60_000 });
    const run = await scripted({});
    const id = responseIdOf(run);
    const error: unknown = await fx.client.responses
      .retrieve(id, { stream: true, starting_after: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as Error).message).toContain(
      'This response can no longer be streamed because it is more than 5 minutes old',
    );
    await expect(fx.client.responses.retrieve(id)).resolves.toMatchObject({ status: 'completed' });
  });
});
