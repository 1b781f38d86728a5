// The emulator against the real streams in e2e/fixtures/openai-recordings/real/: for each, the
// emulator's scripted equivalent (same model class, text, summary, ending, sequence mode) must
// have the same event types in the same order and the same field names per kind of event. What
// the emulator cannot script yet is left out of the comparison, and each test's name says what.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index.js';
import type { ResponseScriptInput } from './script.js';
import {
  describeUnscripted,
  fieldsByKind,
  lifecycleOf,
  scriptablePart,
  type Unscripted,
} from './test-support/conformance.js';
import {
  finalResponse,
  readRealRecording,
  realRecordingNames,
  realSse,
} from './test-support/real-recording.js';
import { foldDeltas, parseSse, typeSequence, type SseEvent } from './test-support/sse.js';

interface Spec {
  /** The create body the emulator gets (the recorded one where the source kept it). */
  request?: Record<string, unknown>;
  script?: ResponseScriptInput;
  unscripted: Unscripted;
  /** Field paths the recording has and the emulator does not produce yet. */
  unscriptedFields?: string[];
  /**
   * exact: the same key sets; subset: the recording's keys are among the emulator's (an older API
   * version or a trimmed fixture). The keys of `response` objects are always compared as a subset:
   * every recording here predates some of today's fields (completed_at, the penalties, ...).
   */
  fields: 'exact' | 'subset';
  /** Its authors cut frames out of it: its deltas do not fold into its final text. */
  trimmed?: boolean;
}

const specs: Record<string, Spec> = {
  'mira-refusal.json': {
    script: { refusal: "I'm sorry, I can't assist with that." },
    unscripted: {},
    fields: 'exact',
  },
  'pyd-gpt5-codeinterp.json': {
    // The recorded request has the code_interpreter tool: the emulator runs it, three calls.
    script: { toolRun: { codeCalls: 3 } },
    unscripted: {},
    // Sent because the request asks for `include: ["reasoning.encrypted_content"]`.
    unscriptedFields: ['item.encrypted_content'],
    fields: 'exact',
  },
  'pyd-noseq-2025-03.json': {
    script: { sequenceNumbers: false },
    unscripted: {},
    fields: 'subset', // Mar 2025: no logprobs, background, service_tier, ... yet
  },
  'vercel-error-failed.json': {
    request: { model: 'gpt-5-nano', input: 'Hello', stream: true },
    script: {
      ending: {
        kind: 'error',
        code: 'insufficient_quota',
        message:
          'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
      },
    },
    unscripted: {},
    fields: 'exact',
  },
  'vercel-phase-codex.json': {
    // The recording has no reasoning item (and gpt-5.3-codex is not emulated): a model without one.
    request: { model: 'gpt-4.1', input: 'AI headlines today?', stream: true },
    unscripted: { oneReasoningOneMessage: true },
    unscriptedFields: ['item.phase'],
    fields: 'subset', // a trimmed fixture: response objects and deltas cut down by its authors
    trimmed: true,
  },
  'vercel-websearch-5mini.json': {
    request: { model: 'gpt-5-mini', input: 'Tech news today?', stream: true },
    unscripted: {
      items: ['web_search_call'],
      events: ['response.output_text.annotation.added'],
      oneReasoningOneMessage: true,
    },
    fields: 'exact',
  },
};

let emulator: RunningEmulator;
const headers = { authorization: 'Bearer sk-test-conformance', 'content-type': 'application/json' };

beforeAll(async () => {
  emulator = await startEmulator();
});
beforeEach(() => emulator.control.reset());
afterAll(() => emulator.close());

async function post(body: unknown): Promise<{ text: string; events: SseEvent[] }> {
  const res = await fetch(`${emulator.baseURL}/responses`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  const text = await res.text();
  return { text, events: parseSse(text) };
}

type Output = Array<{
  type: string;
  content?: Array<{ text?: string }>;
  summary?: Array<{ text: string }>;
}>;

/** The final answer and the first reasoning item's summary parts of a response object. */
function textsOf(response: Record<string, unknown>): { answer: string; summary: string[] } {
  const output = response.output as Output;
  const message = output.filter((o) => o.type === 'message').at(-1);
  const reasoning = output.find((o) => o.type === 'reasoning');
  return {
    answer: (message?.content ?? []).map((c) => c.text ?? '').join(''),
    summary: (reasoning?.summary ?? []).map((s) => s.text),
  };
}

function summaryFold(events: SseEvent[]): string {
  return events
    .filter((e) => e.data.type === 'response.reasoning_summary_text.delta')
    .map((e) => e.data.delta as string)
    .join('');
}

it('every recording in real/ has a conformance spec', () => {
  expect(realRecordingNames()).toEqual(Object.keys(specs).sort());
});

describe.each(Object.entries(specs))('%s', (file, spec) => {
  const recording = readRealRecording(file);
  const recorded = parseSse(realSse(recording));
  const real = scriptablePart(recorded, spec.unscripted);
  const texts = textsOf(finalResponse(recording));
  const ignored = new Set(spec.unscriptedFields ?? []);
  let emulated: SseEvent[];

  beforeEach(async () => {
    const script: ResponseScriptInput = {
      answer: texts.answer,
      ...(texts.summary.length > 0 ? { reasoningSummary: texts.summary } : {}),
      ...spec.script,
    };
    await emulator.control.addScript({ script });
    const request = spec.request ?? recording.createRequest ?? {};
    const all = (await post(request)).events;
    // A refusal's stand-in: the emulator answers with text where the recording refuses.
    const standIns = spec.unscripted.parts?.includes('refusal')
      ? ['response.output_text.delta', 'response.output_text.done']
      : [];
    emulated = all.filter((e) => !standIns.includes(e.data.type as string));
  });

  it(`same event types in the same order (${describeUnscripted(spec.unscripted)})`, () => {
    expect(typeSequence(emulated)).toEqual(typeSequence(real));
  });

  it(`same field names per kind of event, ${spec.fields} (${describeUnscripted(spec.unscripted, spec.unscriptedFields)})`, () => {
    const emulatedFields = fieldsByKind(emulated);
    for (const [kind, keys] of fieldsByKind(real)) {
      if (spec.unscripted.parts?.some((p) => kind.endsWith(`[${p}]`))) continue;
      const want = keys.filter((k) => !ignored.has(k));
      const got = emulatedFields.get(kind) ?? [];
      const isResponse = (k: string) => k.startsWith('response.');
      expect({ kind, response: got.filter(isResponse) }).toEqual({
        kind,
        response: expect.arrayContaining(want.filter(isResponse)) as unknown,
      });
      const own = { kind, keys: got.filter((k) => !isResponse(k)) };
      const wantOwn = want.filter((k) => !isResponse(k));
      if (spec.fields === 'exact') expect(own).toEqual({ kind, keys: wantOwn });
      else expect(own).toEqual({ kind, keys: expect.arrayContaining(wantOwn) as unknown });
    }
  });

  it('same statuses and service tiers through the lifecycle, same numbering mode', () => {
    const tiersRecorded = recorded.some(
      (e) => typeof e.data.response === 'object' && 'service_tier' in (e.data.response ?? {}),
    );
    const strip = (l: ReturnType<typeof lifecycleOf>) =>
      l.map((x) => (tiersRecorded ? x : { ...x, tier: undefined }));
    expect(strip(lifecycleOf(emulated))).toEqual(strip(lifecycleOf(real)));
    const numbered = (events: SseEvent[]) => events.map((e) => 'sequence_number' in e.data);
    expect(new Set(numbered(emulated))).toEqual(new Set(numbered(recorded)));
  });

  it('folds into the recorded answer and summary', () => {
    if (!spec.unscripted.parts?.includes('refusal')) {
      expect(foldDeltas(emulated)).toBe(texts.answer);
      if (!spec.trimmed) expect(foldDeltas(real)).toBe(texts.answer);
    }
    expect(summaryFold(emulated)).toBe(texts.summary.join(''));
    expect(summaryFold(real)).toBe(texts.summary.join(''));
  });
});
