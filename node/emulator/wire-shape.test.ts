// Details of the wire format the recordings show: foreground versus background streams, the
// `obfuscation` padding on deltas, `service_tier` through the lifecycle, and a server that numbers
// no events at all.
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { emulatorPerFile } from './test-support/emulator-per-file.js';
import type { ResponseScriptInput } from './script.js';
import { collect, pollUntil, responseIdOf } from './test-support/sdk.js';
import { parseSse, type SseEvent } from './test-support/sse.js';

const fx = emulatorPerFile();

const answer = 'Short words and a longer one: incomprehensibilities, then 日本語 and 🧠.';

async function rawStream(
  body: Record<string, unknown>,
  script: ResponseScriptInput = {},
): Promise<SseEvent[]> {
  await fx.emulator.control.addScript({ script: { answer, ...script } });
  const res = await fetch(`${fx.emulator.baseURL}/responses`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-raw', 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'o4-mini', input: 'x', stream: true, ...body }),
  });
  expect(res.status).toBe(200);
  return parseSse(await res.text());
}

const deltaTypes = ['response.output_text.delta', 'response.reasoning_summary_text.delta'];
const deltasOf = (events: SseEvent[]) =>
  events.filter((e) => deltaTypes.includes(e.data.type as string));

describe('foreground and background streams', () => {
  it('a foreground stream starts in progress, with no response.queued (as recorded)', async () => {
    const events = await rawStream({});
    expect(
      events.slice(0, 2).map((e) => [e.data.type, (e.data.response as { status: string }).status]),
    ).toEqual([
      ['response.created', 'in_progress'],
      ['response.in_progress', 'in_progress'],
    ]);
  });

  it('a background stream starts queued, with response.queued', async () => {
    const events = await rawStream({ background: true });
    expect(events.slice(0, 3).map((e) => e.data.type)).toEqual([
      'response.created',
      'response.queued',
      'response.in_progress',
    ]);
  });
});

describe('obfuscation', () => {
  const summary = { reasoning: { summary: 'auto' } };

  it('pads every text and summary delta of a foreground stream to a multiple of 16 characters', async () => {
    const deltas = deltasOf(await rawStream(summary));
    expect(new Set(deltas.map((e) => e.data.type))).toEqual(new Set(deltaTypes));
    for (const { data } of deltas) {
      expect(data.obfuscation).toMatch(/^[A-Za-z0-9]*$/);
      const length = Array.from(`${data.delta as string}${data.obfuscation as string}`).length;
      expect(length % 16).toBe(0);
    }
  });

  it('is absent from background streams (as recorded), unless the script asks for it', async () => {
    expect(
      deltasOf(await rawStream({ ...summary, background: true })).some(
        (e) => 'obfuscation' in e.data,
      ),
    ).toBe(false);
    const forced = deltasOf(
      await rawStream({ ...summary, background: true }, { obfuscation: true }),
    );
    expect(forced.every((e) => typeof e.data.obfuscation === 'string')).toBe(true);
  });

  it('is off when the request sends stream_options.include_obfuscation: false', async () => {
    const events = await rawStream({ ...summary, stream_options: { include_obfuscation: false } });
    expect(deltasOf(events).some((e) => 'obfuscation' in e.data)).toBe(false);
  });
});

describe('service_tier', () => {
  const tiers = (events: SseEvent[]) =>
    events.flatMap((e) =>
      e.data.response ? [(e.data.response as { service_tier: string }).service_tier] : [],
    );

  it('auto while it runs, default once completed, and on later GETs', async () => {
    const events = await rawStream({ background: true });
    expect(tiers(events)).toEqual(['auto', 'auto', 'auto', 'default']);
    const id = (events[0]?.data.response as { id: string }).id;
    expect((await fx.client.responses.retrieve(id)).service_tier).toBe('default');
  });

  it('a named tier stays as requested; a failed response keeps the requested one', async () => {
    expect(tiers(await rawStream({ service_tier: 'flex' })).at(-1)).toBe('flex');
    const failed = await rawStream({}, { ending: { kind: 'failed', code: 'server_error' } });
    expect(tiers(failed).at(-1)).toBe('auto');
  });
});

describe('no sequence numbers (sequenceNumbers: false)', () => {
  it('frames carry no sequence_number; a re-stream is refused with 400; polling works', async () => {
    await fx.emulator.control.addScript({ script: { answer, sequenceNumbers: false } });
    const run = await collect(
      await fx.client.responses.create({
        model: 'gpt-4.1-mini',
        input: 'x',
        background: true,
        stream: true,
        store: true,
      }),
    );
    expect(run.error).toBeUndefined();
    expect(run.text).toBe(answer);
    expect(run.events.some((e) => 'sequence_number' in e)).toBe(false);
    const id = responseIdOf(run);
    const error: unknown = await fx.client.responses
      .retrieve(id, { stream: true, starting_after: 2 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ type: 'invalid_request_error', param: 'stream' });
    expect((await pollUntil(fx.client, id)).output_text).toBe(answer);
  });
});
