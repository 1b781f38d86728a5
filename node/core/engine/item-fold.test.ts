// The output items folded from real recorded streams (e2e/fixtures/openai-recordings/real/) match
// the server's final output: types, order, phases, annotation URLs and titles, tool actions and
// code. And they do so exactly once: a fold restored from what was stored at any point (cursor
// and the changed items, written together) and fed the stream again from its start ends the same.
import { describe, expect, it } from 'vitest';
import { parseSse } from '../../emulator/test-support/sse.js';
import {
  finalResponse,
  readRealRecording,
  realRecordingNames,
  realSse,
} from '../../emulator/test-support/real-recording.js';
import type { OutputItem } from '../../../shared/output-items.js';
import type { ResponseStreamEvent } from '../provider/responses-client.js';
import { StreamFold, type FoldSnapshot } from './stream-fold.js';
import { nothingRead } from './test-support/fresh-fold.js';

const terminal = new Set(['response.completed', 'response.incomplete', 'response.failed']);

/** What a person can see of an item: its kind and every field Mull reads, not opaque blobs. */
function visible(item: OutputItem): unknown {
  const { encrypted_content: _opaque, status: _status, ...rest } = item as Record<string, unknown>;
  return rest;
}

function eventsOf(name: string): ResponseStreamEvent[] {
  return parseSse(realSse(readRealRecording(name)))
    .map((frame) => frame.data as unknown as ResponseStreamEvent)
    .filter((event) => !terminal.has(event.type));
}

const seqOf = (event: ResponseStreamEvent): unknown =>
  (event as { sequence_number?: unknown }).sequence_number;

/**
 * Recordings whose log is whole: numbered 0, 1, 2, ... (or not numbered at all, folded in arrival
 * order). vercel-phase-codex.json was trimmed by its source (numbers jump from 5 to 41, an item is
 * left out), so only its final output can be checked, by the engine (recordings.test.ts).
 */
const whole = realRecordingNames().filter((name) =>
  eventsOf(name).every((event, index) => seqOf(event) === index || seqOf(event) === undefined),
);
const numbered = whole.filter((name) => eventsOf(name).every((e) => seqOf(e) !== undefined));

function foldAll(
  events: readonly ResponseStreamEvent[],
  from: FoldSnapshot = nothingRead,
): StreamFold {
  const fold = new StreamFold(from);
  fold.beginStream();
  for (const event of events) fold.apply(event);
  return fold;
}

describe.each(whole)('%s', (name) => {
  const final = finalResponse(readRealRecording(name)) as { output: OutputItem[] };

  it('folds into the final output’s items, in order', () => {
    const fold = foldAll(eventsOf(name));
    expect(fold.items.map(visible)).toEqual(final.output.map(visible));
  });
});

describe.each(numbered)('%s, stored and restored at every 7th event', (name) => {
  it('ends with the same items and text as one pass', () => {
    const events = eventsOf(name);
    const once = foldAll(events);
    // The store: the cursor, the text and the changed items, written together (as the writer does).
    const stored = new Map<number, OutputItem>();
    let snapshot: FoldSnapshot = nothingRead;
    let fold = new StreamFold(snapshot);
    fold.beginStream();
    for (const [index, event] of events.entries()) {
      fold.apply(event);
      if (index % 7 !== 3) continue;
      for (const { position, item } of fold.takeItemChanges()) {
        stored.set(position, structuredClone(item));
      }
      snapshot = {
        cursor: fold.cursor,
        answer: fold.answer,
        reasoningSummary: fold.reasoningSummary,
        serverStatus: fold.serverStatus,
        responseId: fold.responseId,
        resolvedModel: fold.resolvedModel,
        items: [...stored.entries()].sort(([a], [b]) => a - b).map(([, item]) => item),
      };
      // A crash: the next process starts from what was stored and is sent the whole log again.
      fold = new StreamFold(snapshot);
      fold.beginStream();
      for (const replayed of events.slice(0, index + 1)) fold.apply(replayed);
    }
    expect(fold.items).toEqual(once.items);
    expect(fold.answer).toBe(once.answer);
    expect(fold.cursor).toBe(once.cursor);
  });
});

describe('events the fold does not know', () => {
  it('keeps unknown item types as sent and never throws on odd shapes', () => {
    const fold = new StreamFold(nothingRead);
    fold.beginStream();
    const odd = [
      {
        type: 'response.output_item.added',
        sequence_number: 0,
        output_index: 0,
        item: { type: 'hologram_call', id: 'h1', beam: 3 },
      },
      { type: 'response.output_item.added', sequence_number: 1, output_index: 'x', item: null },
      {
        type: 'response.output_text.annotation.added',
        sequence_number: 2,
        output_index: 9,
        content_index: 0,
        annotation: {},
      },
      {
        type: 'response.output_text.annotation.added',
        sequence_number: 3,
        output_index: 0,
        content_index: -1,
      },
      {
        type: 'response.code_interpreter_call_code.delta',
        sequence_number: 4,
        output_index: 0,
        delta: 42,
      },
      { type: 'response.hologram_call.beaming', sequence_number: 5, output_index: 0 },
    ];
    for (const event of odd) fold.apply(event as unknown as ResponseStreamEvent);
    expect(fold.cursor).toBe(5);
    expect(fold.items).toEqual([{ type: 'hologram_call', id: 'h1', beam: 3 }]);
  });
});
