// The message knobs of a script: a refusal (as real/mira-refusal.json) and two-phase output (as
// real/vercel-phase-codex.json): the recordings' event types, order and field names.
import { describe, expect, it } from 'vitest';
import { emulatorPerFile } from './test-support/emulator-per-file.js';
import { readRealRecording, realSse } from './test-support/real-recording.js';
import { parseSse, typeSequence, type SseEvent } from './test-support/sse.js';
import { shapeOf } from './test-support/tool-shapes.js';

const fx = emulatorPerFile();

async function streamed(body: Record<string, unknown>): Promise<SseEvent[]> {
  const res = await fetch(`${fx.emulator.baseURL}/responses`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-knobs', 'content-type': 'application/json' },
    body: JSON.stringify({ input: 'Something.', stream: true, ...body }),
  });
  expect(res.status).toBe(200);
  return parseSse(await res.text());
}

const recorded = (name: string) => parseSse(realSse(readRealRecording(name)));

describe('refusal', () => {
  it('streams refusal deltas into a refusal part, as recorded', async () => {
    const refusal = "I'm sorry, I can't assist with that.";
    await fx.emulator.control.addScript({ script: { refusal } });
    const events = await streamed({ model: 'gpt-4o' });
    const real = recorded('mira-refusal.json');
    expect(typeSequence(events)).toEqual(typeSequence(real));
    expect(shapeOf(events)).toEqual(shapeOf(real));
    const done = events.find((e) => e.data.type === 'response.output_item.done')?.data.item;
    expect(done).toMatchObject({ content: [{ type: 'refusal', refusal }] });
    const completed = events.at(-1)?.data.response as { output: unknown[] };
    expect(completed.output).toEqual([done]);
  });
});

describe('two phases', () => {
  it('a commentary message, then the final answer, as recorded', async () => {
    await fx.emulator.control.addScript({
      script: { commentary: 'Got it — I will check the sources.', answer: 'Here is the answer.' },
    });
    const events = await streamed({ model: 'gpt-4.1' });
    const real = recorded('vercel-phase-codex.json');
    // The recording is trimmed: its item between the two messages is cut out.
    expect(typeSequence(events)).toEqual(typeSequence(real));
    const phases = (list: SseEvent[]) =>
      list.flatMap((e) =>
        e.data.type === 'response.output_item.done'
          ? [(e.data.item as { phase?: string }).phase]
          : [],
      );
    expect(phases(events)).toEqual(['commentary', 'final_answer']);
    expect(phases(events)).toEqual(phases(real));
    const itemKeys = (list: SseEvent[]) =>
      Object.keys(
        list.find((e) => e.data.type === 'response.output_item.added')?.data.item as object,
      ).sort();
    expect(itemKeys(events)).toEqual(itemKeys(real));
    const completed = events.at(-1)?.data.response as { output: unknown[] };
    expect(completed.output).toHaveLength(2);
  });

  it('without the knob a message has no phase, as before', async () => {
    const events = await streamed({ model: 'gpt-4.1' });
    const item = events.find((e) => e.data.type === 'response.output_item.done')?.data.item;
    expect(item).not.toHaveProperty('phase');
  });
});
