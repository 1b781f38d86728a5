// One test per scripted fault and ending: each reaches the official SDK as the real API's would.
import { request } from 'node:http';
import OpenAI, { RateLimitError } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index.js';
import { collect, createBackgroundStream, lastSeq, sdkClient } from './test-support/sdk.js';

let emulator: RunningEmulator;
let client: OpenAI;

beforeAll(async () => {
  emulator = await startEmulator();
  client = sdkClient(emulator.baseURL);
});
beforeEach(() => emulator.control.reset());
afterAll(() => emulator.close());

const answer = 'Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.';

async function scripted(script: Parameters<RunningEmulator['control']['addScript']>[0]['script']) {
  await emulator.control.addScript({ script: { answer, ...script } });
  return collect(await createBackgroundStream(client));
}

function responseIdOf(run: Awaited<ReturnType<typeof collect>>): string {
  const first = run.events[0];
  if (first?.type !== 'response.created') throw new Error('expected response.created first');
  return first.response.id;
}

describe('stream faults', () => {
  it('reset after event N: the SDK throws "terminated" after exactly events 0..N', async () => {
    const run = await scripted({ streamFaults: [{ kind: 'reset', afterSeq: 6 }] });
    expect(run.error).toBeInstanceOf(TypeError);
    expect((run.error as Error).message).toBe('terminated');
    expect(run.events.map((e) => e.sequence_number)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('clean close in the middle of a frame: the iteration just ends, the cut event is lost', async () => {
    const run = await scripted({ streamFaults: [{ kind: 'close-mid-frame', afterSeq: 6 }] });
    expect(run.error).toBeUndefined();
    expect(lastSeq(run)).toBe(6);
    expect(run.events.some((e) => e.type === 'response.completed')).toBe(false);
    // The server kept going: a resume from the cursor gets the rest, starting with the cut event.
    const rest = await collect(
      await client.responses.retrieve(responseIdOf(run), { stream: true, starting_after: 6 }),
    );
    expect(rest.events[0]?.sequence_number).toBe(7);
    expect(run.text + rest.text).toBe(answer);
  });

  it('stall after event N: silence for the stall time, then the stream carries on', async () => {
    const stallMs = 300;
    const started = performance.now();
    const run = await scripted({ streamFaults: [{ kind: 'stall', afterSeq: 5, stallMs }] });
    expect(run.error).toBeUndefined();
    // Measured from the request: a busy client may read events 0..5 late, never event 6 early.
    expect((run.arrivals[6] ?? 0) - started).toBeGreaterThanOrEqual(stallMs - 2);
    expect(run.text).toBe(answer);
  });

  it('mid-stream error frame, flat shape: the SDK yields it as an event numbered N+1, then ends', async () => {
    const run = await scripted({
      streamFaults: [{ kind: 'error-frame', afterSeq: 5, shape: 'flat', code: 'server_error' }],
    });
    expect(run.error).toBeUndefined();
    const last = run.events.at(-1);
    expect(last).toMatchObject({ type: 'error', code: 'server_error', sequence_number: 6 });
    // The error's number is not a real event: resuming after 5 still yields the real event 6.
    const rest = await collect(
      await client.responses.retrieve(responseIdOf(run), { stream: true, starting_after: 5 }),
    );
    expect(rest.events[0]).toMatchObject({ sequence_number: 6 });
    expect(rest.events[0]?.type).not.toBe('error');
  });

  it('mid-stream error frame, nested shape: the SDK throws an APIError carrying it', async () => {
    const run = await scripted({
      streamFaults: [
        {
          kind: 'error-frame',
          afterSeq: 5,
          shape: 'nested',
          code: 'server_error',
          message: 'Boom.',
        },
      ],
    });
    expect(run.error).toBeInstanceOf(OpenAI.APIError);
    expect(run.error).toMatchObject({ code: 'server_error', message: 'Boom.' });
    expect(lastSeq(run)).toBe(5);
  });

  it('splits SSE bytes inside UTF-8 characters; the SDK still decodes every character', async () => {
    const text = '日本語 🧠✨ e\u0301 — ü';
    await emulator.control.addScript({
      script: { answer: text, chunking: { splitUtf8: true } },
      times: 2,
    });
    const run = await collect(await createBackgroundStream(client));
    expect(run.text).toBe(text);

    // The raw bytes really arrive cut inside characters: some read starts with a continuation byte.
    const chunks = await new Promise<Buffer[]>((resolve, reject) => {
      const req = request(`${emulator.baseURL}/responses`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk-raw', 'content-type': 'application/json' },
      });
      req.on('response', (res) => {
        const got: Buffer[] = [];
        res.on('data', (chunk: Buffer) => got.push(chunk));
        res.on('end', () => resolve(got));
      });
      req.on('error', reject);
      req.end(
        JSON.stringify({
          model: 'gpt-4.1-mini',
          input: 'x',
          background: true,
          stream: true,
          store: true,
        }),
      );
    });
    const startsInside = chunks.filter((c) => c.length > 0 && ((c[0] as number) & 0xc0) === 0x80);
    expect(startsInside.length).toBeGreaterThan(0);
  });

  it('cuts the byte stream at seeded random boundaries; the SDK sees the same events', async () => {
    const run = await scripted({ chunking: { maxBytes: 5, seed: 7 } });
    expect(run.error).toBeUndefined();
    expect(run.text).toBe(answer);
    expect(run.events.map((e) => e.sequence_number)).toEqual(run.events.map((_, i) => i));
  });
});

describe('request faults', () => {
  it('429 with Retry-After and retry-after-ms: surfaced with both headers, and honoured by SDK retries', async () => {
    await emulator.control.addFault({
      status: 429,
      code: 'rate_limit_exceeded',
      retryAfterSeconds: 1,
      retryAfterMs: 40,
      on: ['create'],
    });
    const error: unknown = await createBackgroundStream(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const headers = (error as RateLimitError).headers;
    expect(headers.get('retry-after')).toBe('1');
    expect(headers.get('retry-after-ms')).toBe('40');
    expect((error as RateLimitError).code).toBe('rate_limit_exceeded');

    await emulator.control.addFault({
      status: 429,
      code: 'rate_limit_exceeded',
      retryAfterMs: 40,
      on: ['create'],
    });
    const retrying = sdkClient(emulator.baseURL, { maxRetries: 1 });
    const run = await collect(await createBackgroundStream(retrying));
    expect(run.events.at(-1)?.type).toBe('response.completed');
    const creates = await emulator.control.requests({ kind: 'create' });
    expect(creates.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('429 insufficient_quota: a permanent rate-limit error with its own code', async () => {
    await emulator.control.addFault({
      status: 429,
      code: 'insufficient_quota',
      type: 'insufficient_quota',
    });
    const error: unknown = await createBackgroundStream(client).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: 'insufficient_quota' });
    expect((error as Error).message).toContain('exceeded your current quota');
  });

  it('5xx for the next K requests, then normal service', async () => {
    const created = await client.responses.create({
      model: 'gpt-5',
      input: 'x',
      background: true,
      store: true,
    });
    await emulator.control.addFault({ status: 503, count: 3 });
    for (let i = 0; i < 3; i++) {
      await expect(client.responses.retrieve(created.id)).rejects.toBeInstanceOf(
        OpenAI.InternalServerError,
      );
    }
    await expect(client.responses.retrieve(created.id)).resolves.toMatchObject({ id: created.id });
    const polls = await emulator.control.requests({ kind: 'poll' });
    expect(polls.map((r) => r.status)).toEqual([503, 503, 503, 200]);
  });

  it('401 from some moment on: every later request is refused until the fault is cleared', async () => {
    const created = await client.responses.create({
      model: 'gpt-5',
      input: 'x',
      background: true,
      store: true,
    });
    await emulator.control.addFault({ status: 401, code: 'invalid_api_key', count: null });
    for (let i = 0; i < 3; i++) {
      await expect(client.responses.retrieve(created.id)).rejects.toBeInstanceOf(
        OpenAI.AuthenticationError,
      );
    }
    await emulator.control.clearFaults();
    await expect(client.responses.retrieve(created.id)).resolves.toMatchObject({ id: created.id });
  });

  it('404 for an expired id, on poll, stream and cancel', async () => {
    const run = await scripted({});
    const id = responseIdOf(run);
    await emulator.control.patchResponse(id, { expired: true });
    await expect(client.responses.retrieve(id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(
      client.responses.retrieve(id, { stream: true, starting_after: 3 }),
    ).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(client.responses.cancel(id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('openai-poll-after-ms on polls', async () => {
    await emulator.control.addScript({ script: { pollAfterMs: 1500 } });
    const created = await client.responses.create({
      model: 'gpt-5',
      input: 'x',
      background: true,
      store: true,
    });
    const { response } = await client.responses.retrieve(created.id).withResponse();
    expect(response.headers.get('openai-poll-after-ms')).toBe('1500');
  });

  it('refuses a re-stream past the age limit with HTTP 400; polling still works', async () => {
    await emulator.control.configure({ speed: 1_000_000, restreamMaxAgeMs: 5 * 60_000 });
    const run = await scripted({});
    const id = responseIdOf(run);
    const error: unknown = await client.responses
      .retrieve(id, { stream: true, starting_after: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as Error).message).toContain(
      'This response can no longer be streamed because it is more than 5 minutes old',
    );
    await expect(client.responses.retrieve(id)).resolves.toMatchObject({ status: 'completed' });
  });
});

describe('endings', () => {
  it('incomplete when max_output_tokens runs out', async () => {
    await emulator.control.addScript({ script: { answerDeltas: 100 } });
    const run = await collect(
      await createBackgroundStream(client, 'Long please', { max_output_tokens: 20 }),
    );
    const last = run.events.at(-1);
    if (last?.type !== 'response.incomplete')
      throw new Error(`expected response.incomplete, got ${String(last?.type)}`);
    expect(last.response.incomplete_details?.reason).toBe('max_output_tokens');
    expect(last.response.usage?.output_tokens).toBe(20);
    expect((await client.responses.retrieve(last.response.id)).output_text).toBe(run.text);
  });

  it('incomplete by script with content_filter', async () => {
    const run = await scripted({
      ending: { kind: 'incomplete', reason: 'content_filter', afterDeltas: 3 },
    });
    expect(run.events.at(-1)).toMatchObject({
      type: 'response.incomplete',
      response: { incomplete_details: { reason: 'content_filter' } },
    });
    expect(run.text).toBe('Alpha beta gamma ');
  });

  it.each(['server_error', 'rate_limit_exceeded'])(
    'failed with %s, inside a 200 stream',
    async (code) => {
      const run = await scripted({ ending: { kind: 'failed', code, afterDeltas: 2 } });
      expect(run.error).toBeUndefined();
      const last = run.events.at(-1);
      if (last?.type !== 'response.failed') throw new Error('expected response.failed');
      expect(last.response.error?.code).toBe(code);
      expect(last.response.usage).not.toBeNull();
      expect((await client.responses.retrieve(last.response.id)).status).toBe('failed');
    },
  );

  it('cancelled on the server: the stream ends with no terminal event, a poll says cancelled', async () => {
    const run = await scripted({ ending: { kind: 'cancelled', afterDeltas: 4 } });
    expect(run.error).toBeUndefined();
    expect(run.text).toBe('Alpha beta gamma delta ');
    const polled = await client.responses.retrieve(responseIdOf(run));
    expect(polled.status).toBe('cancelled');
    expect(polled.output_text).toBe(run.text);
  });

  it('a cancel the server ignores: the answer is "in progress", then the response completes', async () => {
    await emulator.control.addScript({
      script: { answer, cancel: 'ignore', timing: { deltaIntervalMs: 5 } },
    });
    const created = await client.responses.create({
      model: 'gpt-5',
      input: 'x',
      background: true,
      store: true,
    });
    const afterCancel = await client.responses.cancel(created.id);
    expect(afterCancel.status).not.toBe('cancelled');
    let polled = await client.responses.retrieve(created.id);
    while (polled.status !== 'completed') {
      await new Promise((resolve) => setTimeout(resolve, 10)); // the client's poll interval
      polled = await client.responses.retrieve(created.id);
    }
    expect(polled.output_text).toBe(answer);
  });
});

describe('time control', () => {
  it('a silent think phase before the first output, scaled by the speed factor', async () => {
    await emulator.control.configure({ speed: 100 });
    const started = performance.now();
    const run = await scripted({ timing: { thinkMs: 20_000 } }); // 20 virtual seconds = 200 ms
    const inProgress = run.events.findIndex((e) => e.type === 'response.in_progress');
    const firstOutput = run.arrivals[inProgress + 1] ?? 0;
    expect(firstOutput - started).toBeGreaterThanOrEqual(198);
    expect(firstOutput - started).toBeLessThan(20_000);
    expect(run.text).toBe(answer);
  });

  it('paces deltas: a ten-second answer plays out in a tenth of a second at speed 100', async () => {
    await emulator.control.configure({ speed: 100 });
    const started = performance.now();
    const run = await scripted({ answerDeltas: 10, timing: { deltaIntervalMs: 1_000 } });
    const deltas = run.events.flatMap((e, i) =>
      e.type === 'response.output_text.delta' ? [run.arrivals[i] ?? 0] : [],
    );
    expect(deltas).toHaveLength(10);
    const lastDelta = (deltas.at(-1) ?? 0) - started;
    expect(lastDelta).toBeGreaterThanOrEqual(10 * 10 - 2);
    expect(lastDelta).toBeLessThan(10_000);
  });
});
