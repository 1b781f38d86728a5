// Property: however the byte stream is cut and wherever the connection drops, the job ends with
// the server's exact text. Each run goes through the whole engine over real sockets.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { StreamFault } from '../../emulator/index.js';
import { isStatus, testProviderId, useHarness } from './test-support/engine-harness.js';
import { serverTruth } from './test-support/server-truth.js';

const h = useHarness({ scope: 'file' });

// Where a fault strikes, as a fraction of the stream: mapped onto the real event count below so
// every generated fault fires (a fixed range would mostly miss short streams).
// (Integers, not doubles: fast-check biases doubles towards 0.)
const at = fc.integer({ min: 0, max: 999 }).map((n) => n / 1000);
const disconnect = fc.oneof(
  fc.record({ kind: fc.constant('reset' as const), at }),
  fc.record({ kind: fc.constant('close-mid-frame' as const), at }),
  fc.record({
    kind: fc.constant('error-frame' as const),
    at,
    shape: fc.constantFrom('flat' as const, 'nested' as const),
    code: fc.constant('server_error'),
    message: fc.constant('mid-stream error'),
  }),
);

it('any split of the byte stream and any set of disconnect points give the same final text', async () => {
  await fc.assert(
    fc.asyncProperty(
      // Text with multi-byte characters, combining marks and emoji sequences.
      fc.string({ unit: 'grapheme', minLength: 10, maxLength: 100, size: 'max' }),
      fc.integer({ min: 1, max: 5 }),
      fc.record({
        maxBytes: fc.integer({ min: 1, max: 64 }),
        seed: fc.integer({ min: 1, max: 1_000_000 }),
        splitUtf8: fc.boolean(),
      }),
      fc.array(disconnect, { maxLength: 4 }),
      async (answer, deltaChars, chunking, faultsAt) => {
        // The emulator's event count for a reasoning model with a one-part summary: 3 lifecycle,
        // the reasoning item (1 + 1 + d + 2 + 1), the message (2 + d + 3), the terminal event.
        const deltas = Math.ceil(Array.from(answer).length / deltaChars);
        const lastSeq = 14 + 2 * deltas - 1;
        const streamFaults: StreamFault[] = faultsAt.map(({ at: where, ...fault }) => ({
          ...fault,
          // Never after the terminal event, nor before event 0 (that would make the job "unknown").
          afterSeq: Math.floor(where * lastSeq),
        }));
        await h.emulator.control.addScript({
          script: { answer, deltaChars, chunking, streamFaults, reasoningSummary: answer },
        });
        const [submitted] = h.manager.submit({
          prompt: 'p',
          model: 'o3',
          providerId: testProviderId,
          reasoningSummary: 'auto',
        });
        const job = await h.waitFor(
          submitted?.id ?? '',
          isStatus('completed', 'failed', 'unknown', 'expired'),
        );
        // A drop before the create's first event leaves the job "unknown" by design; the
        // faults here start after event 0, so every job must complete.
        expect(job.status).toBe('completed');
        const truth = await serverTruth(h.emulator, job.responseId ?? '');
        expect(job.answer).toBe(truth.answer);
        expect(job.answer).toBe(answer);
        expect(job.reasoningSummary).toBe(answer);
        // The streamed fold itself matched, not only the server's final word that replaces it.
        expect(h.manager.events(job.id).filter((e) => e.kind === 'anomaly')).toEqual([]);
      },
    ),
    { numRuns: 25, seed: Number(process.env.MULL_PROPERTY_SEED ?? 20261121) },
  );
}, 120_000);
