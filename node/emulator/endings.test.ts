// The scripted endings, cancel behaviours and timing, as the official SDK sees them.
import OpenAI from 'openai';
import type { ResponseStreamEvent } from 'openai/resources/responses/responses';
import { describe, expect, it } from 'vitest';
import { emulatorPerFile } from './test-support/emulator-per-file.js';
import { collect, createBackgroundStream, pollUntil, responseIdOf } from './test-support/sdk.js';

const fx = emulatorPerFile();

const answer = 'Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.';

const scripted = (script: Parameters<typeof fx.scripted>[0]) => fx.scripted(script, answer);

describe('endings', () => {
  it('incomplete when max_output_tokens runs out', async () => {
    await fx.emulator.control.addScript({ script: { answerDeltas: 100 } });
    const run = await collect(
      await createBackgroundStream(fx.client, 'Long please', { max_output_tokens: 20 }),
    );
    const last = run.events.at(-1);
    if (last?.type !== 'response.incomplete')
      throw new Error(`expected response.incomplete, got ${String(last?.type)}`);
    expect(last.response.incomplete_details?.reason).toBe('max_output_tokens');
    expect(last.response.usage?.output_tokens).toBe(20);
    expect((await fx.client.responses.retrieve(last.response.id)).output_text).toBe(run.text);
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
      expect((await fx.client.responses.retrieve(last.response.id)).status).toBe('failed');
    },
  );

  it('cancelled on the server: the stream ends with no terminal event, a poll says cancelled', async () => {
    const run = await scripted({ ending: { kind: 'cancelled', afterDeltas: 4 } });
    expect(run.error).toBeUndefined();
    expect(run.text).toBe('Alpha beta gamma delta ');
    const polled = await fx.client.responses.retrieve(responseIdOf(run));
    expect(polled.status).toBe('cancelled');
    expect(polled.output_text).toBe(run.text);
  });

  it('a cancel the server ignores: the answer is "in progress", then the response completes', async () => {
    await fx.emulator.control.addScript({
      script: { answer, cancel: 'ignore', timing: { deltaIntervalMs: 5 } },
    });
    const created = await fx.client.responses.create({
      model: 'gpt-5',
      input: 'x',
      background: true,
      store: true,
    });
    const afterCancel = await fx.client.responses.cancel(created.id);
    expect(afterCancel.status).not.toBe('cancelled');
    expect((await pollUntil(fx.client, created.id)).output_text).toBe(answer);
  });

  it('a cancel the server answers "cancelled" but does not honour: a later GET says completed', async () => {
    await fx.emulator.control.addScript({
      script: { answer, cancel: 'lie', timing: { deltaIntervalMs: 5 } },
    });
    const created = await fx.client.responses.create({
      model: 'gpt-5',
      input: 'x',
      background: true,
      store: true,
    });
    expect((await fx.client.responses.cancel(created.id)).status).toBe('cancelled');
    const polled = await pollUntil(fx.client, created.id, (s) => s === 'completed');
    expect(polled.output_text).toBe(answer);
  });
});

describe('the error ending (an error frame, then response.failed)', () => {
  const code = 'insufficient_quota';

  it('at once: a numbered nested error frame, then response.failed with no output or usage', async () => {
    await fx.emulator.control.addScript({ script: { answer, ending: { kind: 'error', code } } });
    const res = await fetch(`${fx.emulator.baseURL}/responses`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-raw', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-5', input: 'x', background: true, stream: true }),
    });
    const frames = (await res.text())
      .split('\n\n')
      .filter(Boolean)
      .map((f) => JSON.parse(f.split('data: ')[1] ?? '') as Record<string, unknown>);
    expect(frames.map((f) => [f.type, f.sequence_number])).toEqual([
      ['response.created', 0],
      ['response.queued', 1],
      ['response.in_progress', 2],
      ['error', 3],
      ['response.failed', 4],
    ]);
    expect(frames[3]).toEqual({
      type: 'error',
      sequence_number: 3,
      error: {
        type: code,
        code,
        message: expect.stringContaining('exceeded your current quota') as unknown,
        param: null,
      },
    });
    const failed = frames[4]?.response as Record<string, unknown>;
    expect(failed).toMatchObject({ status: 'failed', output: [], usage: null, error: { code } });
    const id = failed.id as string;
    expect(await fx.client.responses.retrieve(id)).toMatchObject({
      status: 'failed',
      error: { code },
    });
    // The error frame is part of the log: a resume after it gets only response.failed.
    const rest = await collect(
      await fx.client.responses.retrieve(id, { stream: true, starting_after: 3 }),
    );
    expect(rest.events.map((e) => e.type)).toEqual(['response.failed']);
  });

  it('after some deltas: the SDK throws an APIError at the error frame; a GET says failed', async () => {
    const run = await scripted({
      ending: { kind: 'error', code: 'server_error', message: 'Boom.', afterDeltas: 3 },
    });
    expect(run.error).toBeInstanceOf(OpenAI.APIError);
    expect(run.error).toMatchObject({ code: 'server_error', message: 'Boom.' });
    expect(run.text).toBe('Alpha beta gamma ');
    const polled = await fx.client.responses.retrieve(responseIdOf(run));
    expect(polled).toMatchObject({
      status: 'failed',
      error: { code: 'server_error', message: 'Boom.' },
    });
    expect(polled.output_text).toBe(run.text);
  });
});

describe('a response that stays queued', () => {
  const script = { answer, timing: { queuedMs: 60 * 60_000 } }; // an hour of virtual time

  it('without stream: every GET says queued', async () => {
    await fx.emulator.control.addScript({ script });
    const created = await fx.client.responses.create({
      model: 'gpt-5',
      input: 'x',
      background: true,
      store: true,
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await fx.client.responses.retrieve(created.id)).toMatchObject({
      status: 'queued',
      output: [],
      usage: null,
    });
  });

  it('with stream: response.created and response.queued, then silence; GET says queued', async () => {
    await fx.emulator.control.addScript({ script });
    const stream = await createBackgroundStream(fx.client);
    const iterator = stream[Symbol.asyncIterator]();
    const typeOf = (r: IteratorResult<ResponseStreamEvent>) => (r.done ? undefined : r.value.type);
    const types = [typeOf(await iterator.next()), typeOf(await iterator.next())];
    expect(types).toEqual(['response.created', 'response.queued']);
    const third = await Promise.race([
      iterator.next(),
      new Promise((resolve) => setTimeout(() => resolve('silence'), 50)),
    ]);
    expect(third).toBe('silence');
    const [summary] = await fx.emulator.control.responses();
    expect(summary).toMatchObject({ status: 'queued', eventsReleased: 2 });
    await fx.client.responses.cancel(summary?.id ?? '');
    expect(await iterator.next()).toMatchObject({ done: true });
  });
});

describe('time control', () => {
  it('a silent think phase before the first output, scaled by the speed factor', async () => {
    await fx.emulator.control.configure({ speed: 100 });
    const started = performance.now();
    const run = await scripted({ timing: { thinkMs: 20_000 } }); // 20 virtual seconds = 200 ms
    const inProgress = run.events.findIndex((e) => e.type === 'response.in_progress');
    const firstOutput = run.arrivals[inProgress + 1] ?? 0;
    expect(firstOutput - started).toBeGreaterThanOrEqual(198);
    expect(firstOutput - started).toBeLessThan(20_000);
    expect(run.text).toBe(answer);
  });

  it('paces deltas: a ten-second answer plays out in a tenth of a second at speed 100', async () => {
    await fx.emulator.control.configure({ speed: 100 });
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
