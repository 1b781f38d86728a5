// One test per scripted stream fault: each reaches the official SDK as the real API's would.
import { request } from 'node:http';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { emulatorPerFile } from './test-support/emulator-per-file.js';
import { collect, createBackgroundStream, lastSeq, responseIdOf } from './test-support/sdk.js';

const fx = emulatorPerFile();

const answer = 'Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu.';

const scripted = (script: Parameters<typeof fx.scripted>[0]) => fx.scripted(script, answer);

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
      await fx.client.responses.retrieve(responseIdOf(run), { stream: true, starting_after: 6 }),
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

  it('mid-stream error frame, flat shape: the SDK yields it numbered N+1; it is part of the log', async () => {
    const run = await scripted({
      streamFaults: [{ kind: 'error-frame', afterSeq: 5, shape: 'flat', code: 'server_error' }],
    });
    expect(run.error).toBeUndefined();
    expect(run.events.map((e) => e.sequence_number)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(run.events.at(-1)).toMatchObject({ type: 'error', code: 'server_error' });
    const id = responseIdOf(run);
    // A resume after 5 sees the error again (it is event 6 now); a resume after 6 does not, and
    // gets the event that was 6 before, now numbered 7: the rest of the answer, with no gap.
    const again = await collect(
      await fx.client.responses.retrieve(id, { stream: true, starting_after: 5 }),
    );
    expect(again.events[0]).toMatchObject({ type: 'error', sequence_number: 6 });
    const rest = await collect(
      await fx.client.responses.retrieve(id, { stream: true, starting_after: 6 }),
    );
    expect(rest.events[0]?.sequence_number).toBe(7);
    expect(rest.events.some((e) => e.type === 'error')).toBe(false);
    expect(run.text + rest.text).toBe(answer);
    expect(rest.events.at(-1)?.type).toBe('response.completed');
    const streams = await fx.emulator.control.requests({ responseId: id });
    expect(streams.map((r) => r.streamFault)).toEqual(['error-frame', undefined, undefined]);
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
    // On the wire: `{type, sequence_number, error: {type, code, message, param}}`, numbered 6.
    const res = await fetch(
      `${fx.emulator.baseURL}/responses/${responseIdOf(run)}?stream=true&starting_after=5`,
      { headers: { authorization: 'Bearer sk-raw' } },
    );
    const firstFrame = (await res.text()).split('\n\n')[0] ?? '';
    expect(JSON.parse(firstFrame.split('data: ')[1] ?? '')).toEqual({
      type: 'error',
      sequence_number: 6,
      error: { type: 'server_error', code: 'server_error', message: 'Boom.', param: null },
    });
  });

  it('clean end at a frame boundary after event N: the iteration ends with no terminal event', async () => {
    const run = await scripted({ streamFaults: [{ kind: 'end', afterSeq: 6 }] });
    expect(run.error).toBeUndefined();
    expect(lastSeq(run)).toBe(6);
    const rest = await collect(
      await fx.client.responses.retrieve(responseIdOf(run), { stream: true, starting_after: 6 }),
    );
    expect(run.text + rest.text).toBe(answer);
  });

  it('splits SSE bytes inside UTF-8 characters; the SDK still decodes every character', async () => {
    const text = '日本語 🧠✨ e\u0301 — ü';
    await fx.emulator.control.addScript({
      script: { answer: text, chunking: { splitUtf8: true } },
      times: 2,
    });
    const run = await collect(await createBackgroundStream(fx.client));
    expect(run.text).toBe(text);

    // The raw bytes really arrive cut inside characters: some read starts with a continuation byte.
    const chunks = await new Promise<Buffer[]>((resolve, reject) => {
      const req = request(`${fx.emulator.baseURL}/responses`, {
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
