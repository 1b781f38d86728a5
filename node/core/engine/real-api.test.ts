// What the real API does that a friendly emulator would hide, through the whole engine (real
// sockets, a real SQLite file): failures inside the create window, real recorded streams (a
// numbered error frame then response.failed, a stream without sequence numbers), and behaviours
// seen in the field (a cancel the server later contradicts, a stream that ends with no terminal
// event, a response queued for a long time after a drop).
import { describe, expect, it } from 'vitest';
import type { ResponseScriptInput, StreamFault } from '../../emulator/index.js';
import {
  finalResponse,
  readRealRecording,
  realSse,
} from '../../emulator/test-support/real-recording.js';
import { outputText } from '../../emulator/test-support/sse.js';
import type { Job } from '../../../shared/job.js';
import { atRest, testProviderId, useHarness } from './test-support/engine-harness.js';
import { expectJobMatchesServer } from './test-support/server-truth.js';

const h = useHarness();

async function submit(script: ResponseScriptInput, model = 'gpt-5'): Promise<Job> {
  await h.emulator.control.addScript({ script });
  const [job] = h.manager.submit({ prompt: 'A hard question', model, providerId: testProviderId });
  if (!job) throw new Error('no job');
  return job;
}

const requests = async (kind: 'create' | 'stream' | 'poll' | 'cancel', responseId?: string) =>
  (await h.emulator.control.requests({ kind, responseId })).length;

const timeline = (job: Job) => h.manager.events(job.id);

describe('the create window: a failure after the request left is "unknown", never resent', () => {
  it.each<[string, StreamFault]>([
    ['a reset before the response headers', { kind: 'reset-before-headers' }],
    ['a reset after the headers, before any frame', { kind: 'reset', afterSeq: -1 }],
    ['a clean close in the middle of the first frame', { kind: 'close-mid-frame', afterSeq: -1 }],
  ])('%s: one create; attaching the response id completes it byte for byte', async (_n, fault) => {
    const submitted = await submit({ answerDeltas: 40, streamFaults: [fault] });
    const unknown = await h.waitFor(submitted.id, atRest);
    expect(unknown.status).toBe('unknown');
    expect(unknown.responseId).toBeNull();
    expect(unknown.error?.message).toContain("'mull attach RESPONSE_ID'");
    await h.manager.idle();
    // The server did start the job, once; Mull never sent it again.
    const onServer = await h.emulator.control.responses();
    expect(onServer).toHaveLength(1);
    expect(await requests('create')).toBe(1);

    const attached = await h.manager.attach({
      responseId: onServer[0]?.id ?? '',
      jobId: unknown.id,
    });
    expect(attached.id).toBe(unknown.id);
    const done = await h.waitFor(unknown.id, atRest);
    await expectJobMatchesServer(h.emulator, done);
    expect(done.status).toBe('completed');
    expect(timeline(done).map((e) => e.kind)).toContain('attached');
    expect(await requests('create')).toBe(1);
  });

  it('a response id the server does not know, a malformed one, or one already attached: one sentence, nothing stored', async () => {
    const done = await h.waitFor((await submit({})).id, atRest);
    const before = h.manager.list().jobs.length;
    await expect(
      h.manager.attach({ responseId: 'resp_nope', providerId: testProviderId }),
    ).rejects.toThrow(/does not know response resp_nope/);
    await expect(
      h.manager.attach({ responseId: '../v1/x?y', providerId: testProviderId }),
    ).rejects.toThrow(/is not a response id/);
    await expect(
      h.manager.attach({ responseId: done.responseId ?? '', providerId: testProviderId }),
    ).rejects.toThrow(/already attached, as job/);
    expect(h.manager.list().jobs).toHaveLength(before);
  });

  it('a finished response from elsewhere: stored at once with its text, usage and cost', async () => {
    const done = await h.waitFor((await submit({ answer: 'Forty-two.' })).id, atRest);
    await h.manager.idle();
    h.manager.delete(done.id);
    const attached = await h.manager.attach({
      responseId: done.responseId ?? '',
      providerId: testProviderId,
      title: 'From elsewhere',
    });
    expect(attached.status).toBe('completed');
    expect(attached.title).toBe('From elsewhere');
    await expectJobMatchesServer(h.emulator, attached);
  });
});

describe('real recordings through the engine', () => {
  it('an error frame that takes a number, then response.failed: failed at once with the server’s sentence', async () => {
    const recording = readRealRecording('vercel-error-failed.json');
    const serverError = finalResponse(recording).error as { code: string; message: string };
    const started = Date.now();
    const job = await h.waitFor((await submit({ recording: realSse(recording) })).id, atRest);
    const elapsedMs = Date.now() - started;
    expect(job.status).toBe('failed');
    expect(job.error).toEqual({ code: 'insufficient_quota', message: serverError.message });
    expect(elapsedMs).toBeLessThan(2000);
    // No resume and no poll: the stream itself said how it ended.
    expect(await requests('stream')).toBe(0);
    expect(await requests('poll')).toBe(0);
    const serverErrors = timeline(job).filter((e) => e.kind === 'server_error');
    expect(serverErrors.map((e) => e.detail)).toEqual([
      `insufficient_quota: ${serverError.message}`,
    ]);
    expect(job.cursor).toBe(3);
  });

  it('a stream without sequence numbers completes with the exact text', async () => {
    const recording = readRealRecording('pyd-noseq-2025-03.json');
    const job = await h.waitFor(
      (await submit({ recording: realSse(recording) }, 'gpt-4o')).id,
      atRest,
    );
    expect(job.status).toBe('completed');
    expect(job.answer).toBe(outputText(finalResponse(recording)));
    expect(job.answer).toBe('The capital of France is Paris.');
  });

  it('a stream without sequence numbers that drops: polled to the end, and the timeline says why', async () => {
    const job = await h.waitFor(
      (
        await submit({
          sequenceNumbers: false,
          answerDeltas: 60,
          timing: { deltaIntervalMs: 2 },
          streamFaults: [{ kind: 'reset', afterSeq: 8 }],
        })
      ).id,
      atRest,
    );
    await expectJobMatchesServer(h.emulator, job);
    expect(await requests('stream')).toBe(0);
    const polling = timeline(job).find((e) => e.kind === 'polling');
    expect(polling?.detail).toMatch(/sends no sequence numbers/);
  });
});

describe('behaviours seen in the field', () => {
  it('a stream that ends after the last delta with no terminal event: reconciled with a GET at once', async () => {
    const probe = await h.waitFor((await submit({ answerDeltas: 12 })).id, atRest);
    const terminalSeq = probe.cursor;
    await h.emulator.control.clearRequests();
    const job = await h.waitFor(
      (
        await submit({
          answerDeltas: 12,
          streamFaults: [{ kind: 'end', afterSeq: terminalSeq - 1 }],
        })
      ).id,
      atRest,
    );
    await expectJobMatchesServer(h.emulator, job);
    expect(await requests('poll', job.responseId ?? '')).toBe(1);
    expect(await requests('stream', job.responseId ?? '')).toBe(0);
  });

  it('a cancel answered "cancelled" that a later GET reports "completed": the server’s last word wins, the timeline shows both', async () => {
    const submitted = await submit({
      answerDeltas: 80,
      cancel: 'lie',
      timing: { deltaIntervalMs: 5 },
    });
    await h.waitFor(submitted.id, (j) => j.cursor >= 6);
    await h.manager.cancel(submitted.id);
    const done = await h.waitFor(submitted.id, atRest);
    expect(done.status).toBe('completed');
    await expectJobMatchesServer(h.emulator, done);
    const entries = timeline(done);
    expect(entries.find((e) => e.kind === 'cancel_answered')?.detail).toBe('cancelled');
    expect(entries.at(-1)).toMatchObject({ kind: 'finished', detail: 'completed' });
  });

  it('queued for a long time after a drop at response.created: keeps waiting, never resends', async () => {
    await h.manager.close();
    const manager = h.open({ engine: { stallMs: 100 } });
    await h.emulator.control.addScript({
      script: {
        answerDeltas: 10,
        timing: { queuedMs: 1_500 },
        streamFaults: [{ kind: 'reset', afterSeq: 0 }],
      },
    });
    const [submitted] = manager.submit({
      prompt: 'Long queue',
      model: 'gpt-5',
      providerId: testProviderId,
    });
    const id = submitted?.id ?? '';
    const waiting = await h.waitFor(
      id,
      (j) => j.serverStatus === 'queued' && j.status !== 'queued',
      manager,
    );
    expect(['reconnecting', 'polling']).toContain(waiting.status);
    const done = await h.waitFor(id, atRest, manager);
    await expectJobMatchesServer(h.emulator, done);
    expect(await requests('create')).toBe(1);
  });
});
