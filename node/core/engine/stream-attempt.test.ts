// One stream attempt tells the driver what each batch changed: text once and status changes once
// (text first, after the last of them, before an error or the terminal event of the batch), and
// always before the attempt ends, so a stop in the middle of a batch still writes what was applied.
import { describe, expect, it } from 'vitest';
import type { ResponseStreamEvent, Streamed } from '../provider/responses-client.js';
import { readStream, type Interruption } from './stream-attempt.js';
import { freshFold } from './test-support/fresh-fold.js';

const event = (fields: Record<string, unknown>) => fields as unknown as ResponseStreamEvent;
const response = (status: string) => ({ id: 'resp_1', status, model: 'gpt-5-2025-08-07' });
const created = (seq: number) =>
  event({ type: 'response.created', response: response('queued'), sequence_number: seq });
const inProgress = (seq: number) =>
  event({ type: 'response.in_progress', response: response('in_progress'), sequence_number: seq });
const delta = (text: string, seq: number) =>
  event({ type: 'response.output_text.delta', delta: text, sequence_number: seq });
const completed = (seq: number) =>
  event({ type: 'response.completed', response: response('completed'), sequence_number: seq });

async function* batchesOf(batches: ResponseStreamEvent[][], between?: () => void) {
  for (const batch of batches) {
    // Each batch comes on a later turn, as a network read does.
    yield await Promise.resolve(batch);
    between?.();
  }
}

function attempt(batches: ResponseStreamEvent[][], stopAfterFirstBatch = false) {
  const fold = freshFold();
  const told: { outcome: string; answer: string }[] = [];
  let interrupt: ((why: Interruption) => void) | undefined;
  const result = readStream(
    (): Promise<Streamed> =>
      Promise.resolve({
        batches: batchesOf(batches, stopAfterFirstBatch ? () => interrupt?.('stop') : undefined),
        requestId: null,
      }),
    {
      fold,
      stallMs: 60_000,
      setInterrupt: (set) => (interrupt = set ?? interrupt),
      onApplied: (outcome) => told.push({ outcome, answer: fold.answer }),
    },
  );
  return { result, told };
}

describe('what a stream attempt tells', () => {
  it('tells text and status once per batch, after their last events, and before the end', async () => {
    const { result, told } = attempt([
      [created(0), inProgress(1), delta('A', 2), delta('b', 3), delta('c', 4)],
      [delta('d', 5), completed(6)],
    ]);
    expect((await result).end).toEqual({ kind: 'terminal' });
    expect(told).toEqual([
      { outcome: 'text', answer: 'Abc' },
      { outcome: 'status', answer: 'Abc' },
      { outcome: 'text', answer: 'Abcd' },
      { outcome: 'terminal', answer: 'Abcd' },
    ]);
  });

  it('tells the text applied when the stream ends early, or is stopped between batches', async () => {
    const cut = attempt([[created(0), delta('A', 1), delta('b', 2)]]);
    expect((await cut.result).end).toEqual({ kind: 'ended' });
    expect(cut.told).toEqual([
      { outcome: 'text', answer: 'Ab' },
      { outcome: 'status', answer: 'Ab' },
    ]);

    const gap = attempt([[created(0), delta('A', 1), delta('b', 3)]]);
    expect((await gap.result).end).toEqual({ kind: 'gap' });
    expect(gap.told).toEqual([
      { outcome: 'text', answer: 'A' },
      { outcome: 'status', answer: 'A' },
    ]);

    const stopped = attempt(
      [
        [created(0), delta('A', 1)],
        [delta('b', 2), completed(3)],
      ],
      true,
    );
    expect((await stopped.result).end).toEqual({ kind: 'interrupted', why: 'stop' });
    expect(stopped.told).toEqual([
      { outcome: 'text', answer: 'A' },
      { outcome: 'status', answer: 'A' },
    ]);
  });
});
