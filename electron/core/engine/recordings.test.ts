// Real streams recorded from OpenAI, replayed by the emulator byte for byte through the engine,
// with and without disconnects: the job's text is exactly the recorded completed response's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamFault } from '../../../e2e/openai-emulator/index.js';
import {
  outputText,
  readRecording,
  recordedSse,
} from '../../../e2e/openai-emulator/test-support/sse.js';
import {
  finalResponse,
  readRealRecording,
  realRecordingNames,
  realSse,
} from '../../../e2e/openai-emulator/test-support/real-recording.js';
import type { ServerResponse } from '../provider/responses-client.js';
import { finalTextsOf } from './final-text.js';
import {
  isStatus,
  startHarness,
  testProviderId,
  type Harness,
} from './test-support/engine-harness.js';

const [createEntry, pollEntry] = readRecording('background-stream-resume.json');
if (!createEntry || !pollEntry) throw new Error('recording missing');
const recording = recordedSse(createEntry);
const recordedText = outputText(pollEntry.ResponseBody as Record<string, unknown>);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('the recorded background stream', () => {
  it.each<[string, StreamFault[]]>([
    ['straight through', []],
    ['cut by a reset in the middle', [{ kind: 'reset', afterSeq: 150 }]],
    ['cut mid-frame right after the created event', [{ kind: 'close-mid-frame', afterSeq: 0 }]],
    [
      'cut three times, once just before the end',
      [
        { kind: 'reset', afterSeq: 40 },
        { kind: 'close-mid-frame', afterSeq: 200 },
        { kind: 'error-frame', afterSeq: 333, shape: 'nested', code: 'server_error', message: 'x' },
      ],
    ],
  ])('%s gives the recorded text', async (_name, streamFaults) => {
    await h.emulator.control.addScript({ script: { recording, streamFaults } });
    const [submitted] = h.manager.submit({
      prompt: 'Tell me a bedtime story.',
      model: 'gpt-4.1-mini',
      providerId: testProviderId,
    });
    const job = await h.waitFor(submitted?.id ?? '', isStatus('completed', 'failed', 'unknown'));
    expect(job.status).toBe('completed');
    expect(job.answer).toBe(recordedText);
    // After a drop the engine asks the server at once (GET): the whole recording is already
    // there, so the job may end from that GET rather than from a resumed stream.
    if (streamFaults.length === 0) expect(job.cursor).toBe(335);
    else expect(job.cursor).toBeLessThanOrEqual(335);
    expect(job.resolvedModel).toBe('gpt-4.1-mini-2025-04-14');
    expect(job.usage).toEqual({
      inputTokens: 13,
      cachedTokens: 0,
      outputTokens: 329,
      reasoningTokens: 0,
      totalTokens: 342,
    });
    expect(h.manager.events(job.id).some((e) => e.kind === 'anomaly')).toBe(false);
  });
});

describe('every real recording (e2e/fixtures/openai-recordings/real/)', () => {
  it.each(realRecordingNames())(
    '%s: the server’s final status and text, folded without anomaly',
    async (name) => {
      const recording = readRealRecording(name);
      const final = finalResponse(recording) as unknown as ServerResponse;
      await h.emulator.control.addScript({ script: { recording: realSse(recording) } });
      const [submitted] = h.manager.submit({
        prompt: `Replay ${name}`,
        model: 'gpt-4.1-mini',
        providerId: testProviderId,
      });
      const job = await h.waitFor(
        submitted?.id ?? '',
        isStatus('completed', 'incomplete', 'failed', 'unknown'),
      );
      expect(job.status).toBe(final.status);
      expect(job.answer).toBe(finalTextsOf(final).answer);
      // The streamed fold agreed with the server's output: nothing was replaced at the end.
      expect(h.manager.events(job.id).some((e) => e.kind === 'anomaly')).toBe(false);
    },
  );
});
