// The official openai SDK accepts everything the emulator serves: create with stream, resume with
// starting_after, retrieve, cancel, delete; both OpenAI and Azure URLs and auth; the real API's
// validation errors.
import OpenAI, { AuthenticationError } from 'openai';
import { describe, expect, it } from 'vitest';
import { emulatorPerFile } from './test-support/emulator-per-file.js';
import { collect, createBackgroundStream, testKey } from './test-support/sdk.js';

const fx = emulatorPerFile();

const multiByteAnswer =
  'CJK 日本語と中文, emoji 🧠👩‍👩‍👧✨, combining e\u0301 a\u0308 n\u0303, and a\u{1F3FD}z.';

describe('the SDK round trip', () => {
  it('creates with stream, resumes from a cursor, retrieves and deletes', async () => {
    await fx.emulator.control.addScript({ script: { answer: multiByteAnswer, deltaChars: 3 } });
    const first = await collect(await createBackgroundStream(fx.client));
    expect(first.error).toBeUndefined();
    expect(first.text).toBe(multiByteAnswer);
    const created = first.events[0];
    if (created?.type !== 'response.created')
      throw new Error('the stream starts with response.created');
    const id = created.response.id;

    const resumed = await collect(
      await fx.client.responses.retrieve(id, { stream: true, starting_after: 7 }),
    );
    expect(resumed.events[0]?.sequence_number).toBe(8);
    const prefix = first.events.slice(0, 8);
    expect([...prefix, ...resumed.events]).toEqual(first.events);

    const polled = await fx.client.responses.retrieve(id);
    expect(polled.status).toBe('completed');
    expect(polled.output_text).toBe(multiByteAnswer);
    expect(polled.usage?.output_tokens).toBeGreaterThan(0);

    await fx.client.responses.delete(id);
    await expect(fx.client.responses.retrieve(id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    const creates = await fx.emulator.control.requests({ kind: 'create' });
    expect(creates).toHaveLength(1);
  });

  it('streams a reasoning summary when asked for one', async () => {
    await fx.emulator.control.addScript({
      script: { reasoningSummary: ['First I think.', 'Then I check.'], answer: 'Done.' },
    });
    const run = await collect(
      await fx.client.responses.create({
        model: 'o3-pro',
        input: 'Think.',
        background: true,
        stream: true,
        store: true,
        reasoning: { effort: 'high', summary: 'auto' },
      }),
    );
    const summary = run.events
      .map((e) => (e.type === 'response.reasoning_summary_text.delta' ? e.delta : ''))
      .join('');
    expect(summary).toBe('First I think.Then I check.');
    const partIndexes = run.events.flatMap((e) =>
      e.type === 'response.reasoning_summary_part.added' ? [e.summary_index] : [],
    );
    expect(partIndexes).toEqual([0, 1]);
    const completed = run.events.at(-1);
    if (completed?.type !== 'response.completed') throw new Error('expected completed');
    expect(completed.response.model).toBe('o3-pro-2025-06-10');
    expect(completed.response.usage?.output_tokens_details.reasoning_tokens).toBeGreaterThan(0);
    expect(completed.response.output.map((o) => o.type)).toEqual(['reasoning', 'message']);
  });

  it('creates without stream (queued at once), then polls to completion', async () => {
    await fx.emulator.control.addScript({
      script: { answer: 'Polled answer.', timing: { queuedMs: 20 } },
    });
    const created = await fx.client.responses.create({
      model: 'gpt-5',
      input: 'Poll me',
      background: true,
      store: true,
    });
    expect(created.status).toBe('queued');
    expect(created.output).toEqual([]);
    expect(created.usage).toBeNull();
    let polled = await fx.client.responses.retrieve(created.id);
    while (polled.status === 'queued' || polled.status === 'in_progress') {
      await new Promise((resolve) => setTimeout(resolve, 10)); // the client's poll interval
      polled = await fx.client.responses.retrieve(created.id);
    }
    expect(polled.status).toBe('completed');
    expect(polled.output_text).toBe('Polled answer.');
  });

  it('cancels a running response, idempotently, and the open stream just ends', async () => {
    await fx.emulator.control.addScript({ script: { timing: { deltaIntervalMs: 50 } } });
    const stream = await createBackgroundStream(fx.client);
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    if (first.done || first.value.type !== 'response.created')
      throw new Error('expected response.created');
    const id = first.value.response.id;
    const cancelled = await fx.client.responses.cancel(id);
    expect(cancelled.status).toBe('cancelled');
    expect((await fx.client.responses.cancel(id)).status).toBe('cancelled');
    const rest = await collect({ [Symbol.asyncIterator]: () => iterator });
    expect(rest.error).toBeUndefined();
    expect(rest.events.some((e) => e.type === 'response.completed')).toBe(false);
    expect((await fx.client.responses.retrieve(id)).status).toBe('cancelled');
  });

  it('continues a conversation with previous_response_id', async () => {
    const first = await fx.client.responses.create({
      model: 'gpt-5',
      input: 'One',
      background: true,
      store: true,
    });
    const second = await fx.client.responses.create({
      model: 'gpt-5',
      input: 'Two',
      background: true,
      store: true,
      previous_response_id: first.id,
    });
    expect(second.previous_response_id).toBe(first.id);
    await expect(
      fx.client.responses.create({
        model: 'gpt-5',
        input: 'x',
        background: true,
        store: true,
        previous_response_id: 'resp_nope',
      }),
    ).rejects.toMatchObject({ status: 404, param: 'previous_response_id' });
  });

  it('runs a foreground request to its end', async () => {
    const response = await fx.client.responses.create({ model: 'gpt-4.1-mini', input: 'Quick' });
    expect(response.status).toBe('completed');
    expect(response.background).toBe(false);
  });
});

describe('Azure OpenAI and auth styles', () => {
  it('serves the Azure /openai/v1 prefix with the api-key header', async () => {
    const azure = new OpenAI({
      apiKey: 'unused',
      baseURL: fx.emulator.azureBaseURL,
      maxRetries: 0,
      defaultHeaders: { 'api-key': 'azure-key-4321', authorization: null },
    });
    const run = await collect(
      await azure.responses.create({
        model: 'gpt-5-pro',
        input: 'Azure',
        background: true,
        stream: true,
        store: true,
      }),
    );
    expect(run.events.at(-1)?.type).toBe('response.completed');
    const [logged] = await fx.emulator.control.requests({ kind: 'create' });
    expect(logged).toMatchObject({
      path: '/openai/v1/responses',
      auth: 'api-key',
      keyLast4: '4321',
    });
  });

  it('refuses a request with no key, and a key outside the allowed list', async () => {
    const res = await fetch(`${fx.emulator.baseURL}/responses/resp_x`);
    expect(res.status).toBe(401);
    await fx.emulator.control.setKeys({ allowed: ['sk-the-only-key'] });
    const error: unknown = await fx.client.responses.retrieve('resp_x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((error as AuthenticationError).code).toBe('invalid_api_key');
    // The real message masks the key: the full key is never echoed back.
    expect((error as Error).message).not.toContain(testKey);
  });
});

describe('validation like the real API', () => {
  const base = { model: 'gpt-5', input: 'x', background: true } as const;

  it.each([
    ['background without store', { ...base, store: false }, 400, 'store', 'invalid_value'],
    ['an unknown model', { ...base, model: 'gpt-9-ultra' }, 400, 'model', 'model_not_found'],
    [
      'an effort the model refuses',
      { ...base, model: 'gpt-5-pro', reasoning: { effort: 'low' } },
      400,
      'reasoning.effort',
      'unsupported_value',
    ],
    [
      'temperature on a reasoning model',
      { ...base, temperature: 0.2 },
      400,
      'temperature',
      'unsupported_parameter',
    ],
    [
      'max_output_tokens below 16',
      { ...base, max_output_tokens: 5 },
      400,
      'max_output_tokens',
      'integer_below_min_value',
    ],
    ['an unknown parameter', { ...base, frobnicate: true }, 400, 'frobnicate', 'unknown_parameter'],
    ['a missing model', { input: 'x' }, 400, 'model', 'missing_required_parameter'],
    [
      'a wrongly typed parameter',
      { ...base, max_output_tokens: 'many' },
      400,
      'max_output_tokens',
      'invalid_type',
    ],
  ])('rejects %s with the error envelope', async (_name, body, status, param, code) => {
    const res = await fetch(`${fx.emulator.baseURL}/responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${testKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(status);
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    const json = (await res.json()) as { error: Record<string, unknown> };
    expect(json.error).toMatchObject({ type: 'invalid_request_error', param, code });
    expect(json.error.message).toEqual(expect.any(String));
  });

  it("words an unknown model as the Responses API does: 400, not Chat Completions' 404", async () => {
    const error: unknown = await fx.client.responses
      .create({ model: 'gpt-9-ultra', input: 'x', background: true, store: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      param: 'model',
      code: 'model_not_found',
    });
    expect((error as Error).message).toContain("The requested model 'gpt-9-ultra' does not exist.");
  });

  it('rejects a body that is not JSON', async () => {
    const res = await fetch(`${fx.emulator.baseURL}/responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${testKey}`, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      'could not parse the JSON body',
    );
  });
});
