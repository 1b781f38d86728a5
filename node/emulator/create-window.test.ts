// The create window: the server has created the response, but the reply to the create is lost or
// cut before the client learns the id. The response exists all the same, and the request log
// shows how many creates reached the server.
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { emulatorPerFile } from './test-support/emulator-per-file.js';
import type { ResponseScriptInput } from './script.js';
import { collect, createBackgroundStream, pollUntil, sdkClient } from './test-support/sdk.js';

const fx = emulatorPerFile();

const answer = 'Created on the server, whatever became of the reply.';

async function onlyResponseId(): Promise<string> {
  const responses = await fx.emulator.control.responses();
  expect(responses).toHaveLength(1);
  return (responses[0] as { id: string }).id;
}

describe('reset before the response headers', () => {
  it.each([
    ['a streamed create', true],
    ['a background create without stream', false],
  ])(
    '%s: the SDK gets a connection error, the response exists and completes',
    async (_name, stream) => {
      const script: ResponseScriptInput = {
        answer,
        streamFaults: [{ kind: 'reset-before-headers' }],
      };
      await fx.emulator.control.addScript({ script });
      const error: unknown = await fx.client.responses
        .create({ model: 'gpt-5', input: 'x', background: true, store: true, stream })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.APIConnectionError);

      const creates = await fx.emulator.control.requests({ kind: 'create' });
      expect(creates).toHaveLength(1);
      expect(creates[0]).toMatchObject({ status: 0, streamFault: 'reset-before-headers' });
      const id = await onlyResponseId();
      expect(creates[0]?.responseId).toBe(id);
      expect((await pollUntil(fx.client, id)).output_text).toBe(answer);
      if (stream) {
        const replay = await collect(await fx.client.responses.retrieve(id, { stream: true }));
        expect(replay.text).toBe(answer);
      }
    },
  );

  it('the response can be cancelled while the client does not know it', async () => {
    await fx.emulator.control.addScript({
      script: {
        answer,
        timing: { queuedMs: 60_000 },
        streamFaults: [{ kind: 'reset-before-headers' }],
      },
    });
    await expect(createBackgroundStream(fx.client)).rejects.toBeInstanceOf(
      OpenAI.APIConnectionError,
    );
    const id = await onlyResponseId();
    expect((await fx.client.responses.cancel(id)).status).toBe('cancelled');
  });

  it('an SDK that retries creates a second response: the log shows two creates', async () => {
    await fx.emulator.control.addScript({
      script: { answer, streamFaults: [{ kind: 'reset-before-headers' }] },
    });
    const retrying = sdkClient(fx.emulator.baseURL, { maxRetries: 1 });
    const run = await collect(await createBackgroundStream(retrying));
    expect(run.events.at(-1)?.type).toBe('response.completed');
    expect((await fx.emulator.control.requests({ kind: 'create' })).map((r) => r.status)).toEqual([
      0, 200,
    ]);
    expect(await fx.emulator.control.responses()).toHaveLength(2);
  });
});

describe('cut after the headers, before any whole frame', () => {
  it('reset with afterSeq -1: the create resolves, then the iteration throws "terminated" with no event', async () => {
    await fx.emulator.control.addScript({
      script: { answer, streamFaults: [{ kind: 'reset', afterSeq: -1 }] },
    });
    const run = await collect(await createBackgroundStream(fx.client));
    expect(run.events).toEqual([]);
    expect((run.error as Error).message).toBe('terminated');
    const id = await onlyResponseId();
    expect((await pollUntil(fx.client, id)).output_text).toBe(answer);
    expect(await fx.emulator.control.requests({ kind: 'create' })).toMatchObject([
      { status: 200, streamFault: 'reset', responseId: id },
    ]);
  });

  it('close-mid-frame with afterSeq -1: half of response.created, then a clean end', async () => {
    await fx.emulator.control.addScript({
      script: { answer, streamFaults: [{ kind: 'close-mid-frame', afterSeq: -1 }] },
    });
    const res = await fetch(`${fx.emulator.baseURL}/responses`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-raw', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-5', input: 'x', background: true, stream: true }),
    });
    const body = await res.text();
    expect(body.startsWith('event: response.created\ndata: {')).toBe(true);
    expect(body).not.toContain('\n\n');
    const id = await onlyResponseId();
    expect(body).toContain(id.slice(0, 10));
    expect((await pollUntil(fx.client, id)).output_text).toBe(answer);
    expect(await fx.emulator.control.requests({ kind: 'create' })).toHaveLength(1);

    // The SDK, given the same cut, just ends its iteration with no event and no error.
    await fx.emulator.control.addScript({
      script: { answer, streamFaults: [{ kind: 'close-mid-frame', afterSeq: -1 }] },
    });
    const run = await collect(await createBackgroundStream(fx.client));
    expect(run).toMatchObject({ events: [], error: undefined });
  });
});

describe('a background create without stream', () => {
  it('answers queued with no output and no usage, even when nothing keeps it queued', async () => {
    await fx.emulator.control.addScript({ script: { answer, timing: { queuedMs: 0 } } });
    const created = await fx.client.responses.create({
      model: 'gpt-4.1-mini',
      input: 'x',
      background: true,
      store: true,
    });
    expect(created).toMatchObject({ status: 'queued', output: [], usage: null });
    expect(created.service_tier).toBe('auto');
    const done = await pollUntil(fx.client, created.id);
    expect(done).toMatchObject({ status: 'completed', service_tier: 'default' });
    expect(done.output_text).toBe(answer);
  });
});
