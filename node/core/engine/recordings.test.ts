// Real streams recorded from OpenAI, replayed by the emulator byte for byte through the engine,
// with and without disconnects: the job's text is exactly the recorded completed response's.
import { describe, expect, it } from 'vitest';
import type { StreamFault } from '../../emulator/index.js';
import { outputText, readRecording, recordedSse } from '../../emulator/test-support/sse.js';
import {
  finalResponse,
  readRealRecording,
  realRecordingNames,
  realSse,
} from '../../emulator/test-support/real-recording.js';
import type { ServerResponse } from '../provider/responses-client.js';
import { costOf, sumUsd } from '../../../shared/cost.js';
import { findModel } from '../../../shared/models.js';
import { citedSources, messagesOf } from '../../../shared/output-items.js';
import { toolCostOf } from '../../../shared/tool-prices.js';
import { finalTextsOf } from './final-text.js';
import { isStatus, testProviderId, useHarness } from './test-support/engine-harness.js';

const [createEntry, pollEntry] = readRecording('background-stream-resume.json');
if (!createEntry || !pollEntry) throw new Error('recording missing');
const recording = recordedSse(createEntry);
const recordedText = outputText(pollEntry.ResponseBody as Record<string, unknown>);

const h = useHarness({ scope: 'file' });

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
      // Every output item is kept, as the server's final output has it, and a refusal is flagged.
      expect(h.manager.items(job.id)).toEqual(final.output);
      expect(job.outputDigest?.refused ?? false).toBe(name === 'mira-refusal.json');
      // The streamed fold agreed with the server's output: nothing was replaced at the end.
      expect(h.manager.events(job.id).some((e) => e.kind === 'anomaly')).toBe(false);
    },
  );
});

describe('a web search response cut in the middle (vercel-websearch-5mini.json)', () => {
  it('keeps its citations, searches and their cost, and search finds it by what it searched', async () => {
    const recording = readRealRecording('vercel-websearch-5mini.json');
    const final = finalResponse(recording) as unknown as ServerResponse;
    await h.emulator.control.addScript({
      script: { recording: realSse(recording), streamFaults: [{ kind: 'reset', afterSeq: 70 }] },
    });
    const [submitted] = h.manager.submit({
      prompt: 'What happened in tech today?',
      model: 'gpt-5-mini',
      providerId: testProviderId,
    });
    const job = await h.waitFor(submitted?.id ?? '', isStatus('completed', 'failed', 'unknown'));
    expect(job.status).toBe('completed');
    const items = h.manager.items(job.id);
    expect(items).toEqual(final.output);
    const { sources } = citedSources(messagesOf(items));
    expect(sources.map((s) => s.domain)).toEqual([
      'techcrunch.com',
      'techcrunch.com',
      'techcrunch.com',
      'techcrunch.com',
      'wired.com',
      'techstartups.com',
      'finance.yahoo.com',
    ]);
    expect(sources[0]?.title).toBe(
      'Petco confirms security lapse exposed customers’ personal data | TechCrunch',
    );
    expect(job.outputDigest).toEqual({
      refused: false,
      sources: 7,
      searches: 2,
      toolCalls: { webSearchCalls: 2, fileSearchCalls: 0, codeInterpreterContainers: 0 },
    });
    // The bill: tokens at the model's price plus two web searches at the tool price table.
    const price = findModel('gpt-5-mini')?.price;
    if (!price || !job.usage) throw new Error('no price or usage');
    const tools = toolCostOf(
      { webSearchCalls: 2, fileSearchCalls: 0, codeInterpreterContainers: 0 },
      'gpt-5-mini',
    );
    expect(tools).toBeGreaterThan(0);
    expect(job.cost).toBe(sumUsd([costOf(job.usage, price), tools ?? 0]));
    // "theverge" is only in a search it made (site:theverge.com), not in the answer.
    expect(job.answer).not.toContain('theverge');
    expect(h.manager.search('theverge').map((hit) => hit.id)).toContain(job.id);
  });
});
