// The emulator against reality: its streams, polls and cancels must have the same event types in
// the same order and the same fields as the real exchanges recorded from OpenAI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index.js';
import { fieldsByKind } from './test-support/conformance.js';
import {
  finalResponse,
  readRealRecording,
  realRecordingNames,
  realSse,
} from './test-support/real-recording.js';
import {
  foldDeltas,
  outputText,
  parseSse,
  readRecording,
  recordedSse,
  typeSequence,
  type RecordedEntry,
  type SseEvent,
} from './test-support/sse.js';

const [recordedCreate, recordedPoll, recordedResume] = readRecording(
  'background-stream-resume.json',
) as [RecordedEntry, RecordedEntry, RecordedEntry];
const [recordedQueued, recordedCancel] = readRecording('background-cancel.json') as [
  RecordedEntry,
  RecordedEntry,
];
const recorded = parseSse(recordedSse(recordedCreate));

let emulator: RunningEmulator;
const headers = { authorization: 'Bearer sk-test-conformance', 'content-type': 'application/json' };

async function emulatorStream(
  path: string,
  init: RequestInit = {},
): Promise<{ text: string; events: SseEvent[] }> {
  const res = await fetch(`${emulator.baseURL}${path}`, { headers, ...init });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  const text = await res.text();
  return { text, events: parseSse(text) };
}

async function emulatorJson(
  path: string,
  init: RequestInit = {},
): Promise<Record<string, unknown>> {
  const res = await fetch(`${emulator.baseURL}${path}`, { headers, ...init });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

let created: { text: string; events: SseEvent[] };

beforeAll(async () => {
  emulator = await startEmulator({
    config: {
      defaultScript: { answer: outputText(recordedPoll.ResponseBody as Record<string, unknown>) },
    },
  });
  created = await emulatorStream('/responses', {
    method: 'POST',
    body: JSON.stringify(recordedCreate.RequestBody),
  });
});
afterAll(() => emulator.close());

describe('the create stream', () => {
  it('has the recorded event types in the recorded order', () => {
    expect(typeSequence(created.events)).toEqual(typeSequence(recorded));
  });

  it('has the same fields per event type as the recording', () => {
    const real = fieldsByKind(recorded);
    const emulated = fieldsByKind(created.events);
    for (const [kind, keys] of real)
      expect({ kind, keys: emulated.get(kind) }).toEqual({ kind, keys });
  });

  it('frames name their event as data.type and number events 0, 1, 2, ... with no gap', () => {
    for (const events of [recorded, created.events]) {
      events.forEach((e, index) => {
        expect(e.event).toBe(e.data.type);
        expect(e.data.sequence_number).toBe(index);
      });
    }
  });

  it('starts queued and ends completed with usage, like the recording', () => {
    const first = created.events[0]?.data.response as Record<string, unknown>;
    const last = created.events.at(-1)?.data.response as Record<string, unknown>;
    expect(first.status).toBe('queued');
    // The requested tier while it runs, the tier actually used once it is done.
    expect([first.service_tier, last.service_tier]).toEqual(['auto', 'default']);
    expect(first.background).toBe(true);
    expect(last.status).toBe('completed');
    const usage = last.usage as Record<string, Record<string, number>>;
    expect(usage.input_tokens_details?.cached_tokens).toBeTypeOf('number');
    expect(usage.output_tokens_details?.reasoning_tokens).toBeTypeOf('number');
  });

  it('ends with no [DONE] sentinel, as the recording', () => {
    expect(recordedSse(recordedCreate)).not.toContain('[DONE]');
    expect(created.text).not.toContain('[DONE]');
    expect(created.text.endsWith('}\n\n')).toBe(true);
  });

  it('folds its deltas into exactly the completed response text (recording and emulator)', () => {
    for (const events of [recorded, created.events]) {
      const completed = events.at(-1)?.data.response as Record<string, unknown>;
      expect(foldDeltas(events)).toBe(outputText(completed));
    }
    expect(foldDeltas(created.events)).toBe(foldDeltas(recorded));
  });
});

describe('poll, resume and cancel', () => {
  const responseId = () => (created.events[0]?.data.response as { id: string }).id;

  it('a poll returns the same fields as the recorded poll', async () => {
    const polled = await emulatorJson(`/responses/${responseId()}`);
    expect(Object.keys(polled).sort()).toEqual(
      Object.keys(recordedPoll.ResponseBody as object).sort(),
    );
    expect(outputText(polled)).toBe(
      outputText(recordedPoll.ResponseBody as Record<string, unknown>),
    );
  });

  it('a resume with starting_after=1 replays from event 2 to the end, as recorded', async () => {
    expect(recordedResume.RequestUri).toContain('stream=true&starting_after=1');
    const resumed = await emulatorStream(`/responses/${responseId()}?stream=true&starting_after=1`);
    const realResumed = parseSse(recordedSse(recordedResume));
    expect(typeSequence(resumed.events)).toEqual(typeSequence(realResumed));
    expect(resumed.events[0]?.data.sequence_number).toBe(2);
    expect(resumed.events.map((e) => e.data)).toEqual(created.events.slice(2).map((e) => e.data));
    // Splicing the resumed tail after the prefix gives the same text.
    expect(foldDeltas([...created.events.slice(0, 2), ...resumed.events])).toBe(
      foldDeltas(recorded),
    );
  });

  // The cancel recording is five months older than the stream recording and lacks a few fields
  // added since (completed_at, frequency_penalty, ...): the emulator must have at least its fields.
  it('a create without stream answers queued, and cancel answers cancelled, with the recorded fields', async () => {
    emulator.state.addRule({ script: { timing: { queuedMs: 60_000 } } });
    const queued = await emulatorJson('/responses', {
      method: 'POST',
      body: JSON.stringify(recordedQueued.RequestBody),
    });
    expect(queued.status).toBe('queued');
    expect(queued.output).toEqual([]);
    expect(Object.keys(queued)).toEqual(
      expect.arrayContaining(Object.keys(recordedQueued.ResponseBody as object)),
    );
    const cancelled = await emulatorJson(`/responses/${queued.id as string}/cancel`, {
      method: 'POST',
    });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.service_tier).toBe(
      (recordedCancel.ResponseBody as { service_tier: string }).service_tier,
    );
    expect(Object.keys(cancelled)).toEqual(
      expect.arrayContaining(Object.keys(recordedCancel.ResponseBody as object)),
    );
    expect(cancelled.usage).toBeNull();
  });
});

describe('serving each real recording (the `recording` script option)', () => {
  it.each(realRecordingNames())(
    '%s: byte for byte with a fresh id; poll and resume',
    async (name) => {
      const recording = readRealRecording(name);
      const sse = realSse(recording);
      await emulator.control.addScript({ script: { recording: sse } });
      const served = await emulatorStream('/responses', {
        method: 'POST',
        body: JSON.stringify({
          model: 'gpt-4.1-mini',
          input: 'x',
          background: true,
          stream: true,
          store: true,
        }),
      });
      const recordedId = (parseSse(sse)[0]?.data.response as { id: string }).id;
      const id = (served.events[0]?.data.response as { id: string }).id;
      expect(id).not.toBe(recordedId);
      const withId = (text: string) => text.split(recordedId).join(id);
      expect(served.text).toBe(withId(sse));

      const polled = await emulatorJson(`/responses/${id}`);
      expect(polled.status).toBe(finalResponse(recording).status);

      const second = parseSse(recording.create.frames[1] ?? '')[0]?.data.sequence_number;
      if (typeof second === 'number') {
        const resumed = await emulatorStream(
          `/responses/${id}?stream=true&starting_after=${second}`,
        );
        expect(resumed.text).toBe(withId(recording.create.frames.slice(2).join('')));
      } else {
        // No sequence numbers, no event log: a re-stream is refused and the client must poll.
        const res = await fetch(`${emulator.baseURL}/responses/${id}?stream=true`, { headers });
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({
          error: { type: 'invalid_request_error', param: 'stream' },
        });
      }
    },
  );
});
