// One stream attempt tells the driver what each batch changed: text once per run of text events
// (after its last piece, before anything else the batch holds), and always before the attempt
// ends, so a stop in the middle of a batch still stages what was applied.
import { describe, expect, it } from 'vitest';
import type { ResponseStreamEvent, Streamed } from '../provider/responses-client.js';
import { readStream, type Interruption } from './stream-attempt.js';
import { freshFold } from './test-support/fresh-fold.js';

const event = (fields: Record<string, unknown>) => fields as unknown as ResponseStreamEvent;
const response = (status: string) => ({ id: 'resp_1', status, model: 'gpt-5-2025-08-07' });
const created = (seq: number) =>
  event({ type: 'response.created', response: response('queued'), sequence_number: seq });
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
  it('tells text once per batch, after its last piece, and before the end', async () => {
    const { result, told } = attempt([
      [created(0), delta('A', 1), delta('b', 2), delta('c', 3)],
      [delta('d', 4), completed(5)],
    ]);
    expect((await result).end).toEqual({ kind: 'terminal' });
    expect(told).toEqual([
      { outcome: 'status', answer: '' },
      { outcome: 'text', answer: 'Abc' },
      { outcome: 'text', answer: 'Abcd' },
      { outcome: 'terminal', answer: 'Abcd' },
    ]);
  });

  it('tells the text applied when the stream ends early, or is stopped between batches', async () => {
    const cut = attempt([[created(0), delta('A', 1), delta('b', 2)]]);
    expect((await cut.result).end).toEqual({ kind: 'ended' });
    expect(cut.told.at(-1)).toEqual({ outcome: 'text', answer: 'Ab' });

    const gap = attempt([[created(0), delta('A', 1), delta('b', 3)]]);
    expect((await gap.result).end).toEqual({ kind: 'gap' });
    expect(gap.told.at(-1)).toEqual({ outcome: 'text', answer: 'A' });

    const stopped = attempt(
      [
        [created(0), delta('A', 1)],
        [delta('b', 2), completed(3)],
      ],
      true,
    );
    expect((await stopped.result).end).toEqual({ kind: 'interrupted', why: 'stop' });
    expect(stopped.told.at(-1)).toEqual({ outcome: 'text', answer: 'A' });
  });
});
