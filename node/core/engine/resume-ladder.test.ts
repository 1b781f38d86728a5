// Every scripted fault of the emulator, through the whole engine (real sockets, a real SQLite
// file): the job ends with the server's exact text, status, usage and cost; the request log shows
// what the engine did about it.
import { describe, expect, it } from 'vitest';
import type { ResponseScriptInput } from '../../emulator/index.js';
import type { Job } from '../../../shared/job.js';
import { storeOf } from './job-manager.js';
import { atRest, isStatus, testProviderId, useHarness } from './test-support/engine-harness.js';
import { expectJobMatchesServer } from './test-support/server-truth.js';

const h = useHarness();

const answer =
  'Première ligne — 日本語のテキスト, emoji 🧠👩‍👩‍👧✨, combining e\u0301 a\u0308.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
const finished = atRest;

async function runScripted(script: ResponseScriptInput, model = 'gpt-5'): Promise<Job> {
  await h.emulator.control.addScript({
    script: { answer, reasoningSummary: 'Weighing the options.', ...script },
  });
  const [job] = h.manager.submit({
    prompt: 'A hard question',
    model,
    providerId: testProviderId,
    reasoningSummary: 'auto',
  });
  if (!job) throw new Error('no job');
  return h.waitFor(job.id, finished);
}

async function createsFor(job: Job): Promise<number> {
  const creates = await h.emulator.control.requests({ kind: 'create' });
  return creates.filter(
    (r) =>
      (r.body as { metadata?: { mull_job_id?: string } }).metadata?.mull_job_id === job.id &&
      r.status === 200,
  ).length;
}

function timeline(job: Job): string[] {
  return h.manager.events(job.id).map((e) => e.kind);
}

describe('stream faults: resumed from the cursor, exact text', () => {
  it.each([
    ['a TCP reset', [{ kind: 'reset', afterSeq: 12 }]],
    ['a clean close in the middle of a frame', [{ kind: 'close-mid-frame', afterSeq: 12 }]],
    ['a mid-stream error frame (flat)', [{ kind: 'error-frame', afterSeq: 12, shape: 'flat' }]],
    ['a mid-stream error frame (nested)', [{ kind: 'error-frame', afterSeq: 12, shape: 'nested' }]],
    [
      'several drops in a row',
      [
        { kind: 'reset', afterSeq: 5 },
        { kind: 'close-mid-frame', afterSeq: 9 },
        { kind: 'error-frame', afterSeq: 14, shape: 'nested' },
        { kind: 'reset', afterSeq: 20 },
      ],
    ],
  ] as const)('%s', async (_name, streamFaults) => {
    // Still generating when the connection drops, so the GET that follows a clean end finds it
    // running and the stream is resumed from the cursor.
    const job = await runScripted({
      streamFaults: [...streamFaults],
      answerDeltas: 150,
      timing: { deltaIntervalMs: 2 },
    });
    await expectJobMatchesServer(h.emulator, job);
    expect(timeline(job)).not.toContain('anomaly');
    expect(job.status).toBe('completed');
    expect(timeline(job)).toContain('disconnected');
    expect(timeline(job)).toContain('reconnected');
    expect(await createsFor(job)).toBe(1);
    const resumes = await h.emulator.control.requests({
      kind: 'stream',
      responseId: job.responseId ?? '',
    });
    expect(resumes.length).toBeGreaterThanOrEqual(1);
  });

  it('a drop after the create was accepted but before its first event: "unknown", never resent', async () => {
    const job = await runScripted({ streamFaults: [{ kind: 'reset', afterSeq: -1 }] });
    expect(job.status).toBe('unknown');
    expect(job.responseId).toBeNull();
    expect(job.error?.message).toMatch(/It may be running \(and billed\) on the server/);
    expect(job.error?.message).toContain("'mull attach RESPONSE_ID'");
    expect((await h.emulator.control.requests({ kind: 'create' })).length).toBe(1);
    await h.manager.idle();
    expect((await h.emulator.control.requests({ kind: 'create' })).length).toBe(1);
  });

  it('a job stored as "submitting" whose request never left is sent after a restart, once', async () => {
    const [stored] = h.manager.submit({
      prompt: 'Never left',
      model: 'gpt-5',
      providerId: testProviderId,
    });
    await h.manager.close();
    await h.emulator.control.clearRequests();
    // As if the previous process died after marking it submitting, before the bytes left.
    const reader = h.open({ drive: false });
    storeOf(reader).update(stored?.id ?? '', {
      status: 'submitting',
      submittedAt: null,
      responseId: null,
      cursor: -1,
      answer: '',
    });
    await reader.close();
    const restarted = h.open();
    restarted.resumeAll();
    const job = await h.waitFor(stored?.id ?? '', finished, restarted);
    expect(job.status).toBe('completed');
    expect(job.submittedAt).not.toBeNull();
    expect((await h.emulator.control.requests({ kind: 'create' })).length).toBe(1);
  });

  it('a create refused at the connection (nothing reached the server) waits as pending and is sent later', async () => {
    h.manager.settings.saveProvider({
      id: 'closed-port',
      kind: 'compatible',
      label: 'Closed',
      baseUrl: 'http://127.0.0.1:9/v1',
      authStyle: 'bearer',
    });
    const [submitted] = h.manager.submit({
      prompt: 'Offline',
      model: 'gpt-5',
      providerId: 'closed-port',
    });
    const pending = await h.waitFor(
      submitted?.id ?? '',
      (j) =>
        j.status === 'pending' && h.manager.events(j.id).some((e) => e.kind === 'disconnected'),
    );
    expect(pending.submittedAt).toBeNull();
    expect(h.manager.events(pending.id).map((e) => e.kind)).toContain('disconnected');
    expect((await h.emulator.control.requests()).length).toBe(0);
    await h.manager.cancel(pending.id);
  });

  it('a stall: the watchdog reconnects from the cursor; silence never fails the job', async () => {
    await h.manager.close(); // reopened with a short stall threshold
    const manager = h.open({ engine: { stallMs: 150 } });
    await h.emulator.control.addScript({
      script: { answer, streamFaults: [{ kind: 'stall', afterSeq: 8, stallMs: 60_000 }] },
    });
    const [job] = manager.submit({ prompt: 'Stall', model: 'gpt-5', providerId: testProviderId });
    const done = await h.waitFor(job?.id ?? '', finished, manager);
    await expectJobMatchesServer(h.emulator, done);
    expect(manager.events(done.id).map((e) => e.kind)).toContain('stalled');
  });

  it('SSE bytes split inside UTF-8 characters and at random boundaries', async () => {
    const split = await runScripted({ chunking: { splitUtf8: true } });
    await expectJobMatchesServer(h.emulator, split);
    const random = await runScripted({ chunking: { maxBytes: 9, seed: 3 } });
    await expectJobMatchesServer(h.emulator, random);
  });
});

describe('request faults', () => {
  it('429 with Retry-After on create: waits, sends again, one job on the server', async () => {
    await h.emulator.control.addFault({
      status: 429,
      code: 'rate_limit_exceeded',
      retryAfterMs: 30,
      count: 2,
      on: ['create'],
    });
    const job = await runScripted({});
    await expectJobMatchesServer(h.emulator, job);
    const creates = await h.emulator.control.requests({ kind: 'create' });
    expect(creates.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('5xx on create for the next K requests, then the job goes through', async () => {
    await h.emulator.control.addFault({ status: 503, count: 3, on: ['create'] });
    const job = await runScripted({});
    await expectJobMatchesServer(h.emulator, job);
    expect(await createsFor(job)).toBe(1);
  });

  it('429 and 5xx while resuming: backs off and resumes', async () => {
    await h.emulator.control.addFault({
      status: 429,
      code: 'rate_limit_exceeded',
      retryAfterSeconds: 0,
      count: 1,
      on: ['stream'],
    });
    await h.emulator.control.addFault({ status: 502, count: 2, on: ['stream'] });
    const job = await runScripted({ streamFaults: [{ kind: 'reset', afterSeq: 10 }] });
    await expectJobMatchesServer(h.emulator, job);
  });

  it('insufficient_quota on create: fails at once with a readable message, no retry storm', async () => {
    await h.emulator.control.addFault({
      status: 429,
      code: 'insufficient_quota',
      type: 'insufficient_quota',
      count: null,
      on: ['create'],
    });
    const job = await runScripted({});
    expect(job.status).toBe('failed');
    expect(job.error?.message).toMatch(/out of credit/);
    expect((await h.emulator.control.requests({ kind: 'create' })).length).toBe(1);
  });

  it('an unknown model: fails at once with the server’s sentence and what to do', async () => {
    await h.emulator.control.addScript({ script: {} });
    const [job] = h.manager.submit({
      prompt: 'x',
      model: 'gpt-9-ultra',
      providerId: testProviderId,
    });
    const done = await h.waitFor(job?.id ?? '', finished);
    expect(done.status).toBe('failed');
    expect(done.error?.message).toBe(
      "The requested model 'gpt-9-ultra' does not exist. Pick another model, or check the provider's base URL.",
    );
    expect((await h.emulator.control.requests({ kind: 'create' })).length).toBe(1);
  });

  it('401 from some moment on: pauses as "needs key" without a retry storm, resumes when the key changes', async () => {
    await h.emulator.control.addScript({
      script: {
        answer,
        timing: { deltaIntervalMs: 5 },
        streamFaults: [{ kind: 'reset', afterSeq: 10 }],
      },
    });
    await h.emulator.control.setKeys({ allowed: ['sk-old-key', 'sk-new-key'], revoked: [] });
    h.keys.key = 'sk-old-key';
    const [submitted] = h.manager.submit({
      prompt: 'Keys',
      model: 'gpt-5',
      providerId: testProviderId,
    });
    const id = submitted?.id ?? '';
    await h.waitFor(id, (j) => j.responseId !== null);
    await h.emulator.control.setKeys({ allowed: ['sk-new-key'] });
    const paused = await h.waitFor(id, isStatus('needs_key'));
    expect(paused.error?.message).toMatch(/API key was refused/);
    expect(paused.error?.message).not.toContain('sk-old');
    await h.manager.idle();
    const refusedBefore = (await h.emulator.control.requests()).filter(
      (r) => r.status === 401,
    ).length;
    expect(refusedBefore).toBe(1);
    h.keys.key = 'sk-new-key';
    h.manager.keyChanged(testProviderId);
    const done = await h.waitFor(id, finished);
    await expectJobMatchesServer(h.emulator, done);
    expect(h.manager.events(id).map((e) => e.kind)).toEqual(
      expect.arrayContaining(['needs_key', 'key_changed']),
    );
  });

  it('no key at all: the job waits as "needs key" and nothing is sent', async () => {
    h.keys.key = undefined;
    const [job] = h.manager.submit({ prompt: 'x', model: 'gpt-5', providerId: testProviderId });
    const paused = await h.waitFor(job?.id ?? '', isStatus('needs_key'));
    expect(paused.responseId).toBeNull();
    expect((await h.emulator.control.requests()).length).toBe(0);
    h.keys.key = 'sk-finally';
    h.manager.keyChanged();
    await expectJobMatchesServer(h.emulator, await h.waitFor(paused.id, finished));
  });

  it('404 for a known response (expired): ends "expired", keeps the text received so far', async () => {
    await h.emulator.control.addScript({
      script: {
        answer,
        timing: { deltaIntervalMs: 5 },
        streamFaults: [{ kind: 'reset', afterSeq: 12 }],
      },
    });
    const [submitted] = h.manager.submit({
      prompt: 'Expire',
      model: 'gpt-4.1',
      providerId: testProviderId,
    });
    const id = submitted?.id ?? '';
    const partial = await h.waitFor(id, (j) => j.cursor >= 8);
    await h.emulator.control.patchResponse(partial.responseId ?? '', { expired: true });
    const done = await h.waitFor(id, finished);
    expect(done.status).toBe('expired');
    expect(done.error?.message).toMatch(/no longer has this response/);
    expect(done.answer.length).toBeGreaterThan(0);
    expect(answer.startsWith(done.answer)).toBe(true);
  });

  it('the re-stream age limit: goes to polling (honouring openai-poll-after-ms) and completes', async () => {
    await h.emulator.control.configure({ restreamMaxAgeMs: 0 });
    const job = await runScripted({
      pollAfterMs: 15,
      timing: { deltaIntervalMs: 3 },
      streamFaults: [{ kind: 'reset', afterSeq: 6 }],
    });
    await expectJobMatchesServer(h.emulator, job);
    expect(timeline(job)).toContain('polling');
    expect(
      (await h.emulator.control.requests({ kind: 'poll', responseId: job.responseId ?? '' }))
        .length,
    ).toBeGreaterThanOrEqual(1);
  });
});

describe('endings', () => {
  it.each([
    [
      'incomplete (max_output_tokens)',
      { ending: { kind: 'incomplete', reason: 'max_output_tokens', afterDeltas: 5 } },
      'incomplete',
    ],
    [
      'incomplete (content_filter)',
      { ending: { kind: 'incomplete', reason: 'content_filter', afterDeltas: 3 } },
      'incomplete',
    ],
    [
      'failed (server_error)',
      { ending: { kind: 'failed', code: 'server_error', afterDeltas: 4 } },
      'failed',
    ],
    [
      'failed (rate_limit_exceeded inside a 200 stream)',
      { ending: { kind: 'failed', code: 'rate_limit_exceeded', afterDeltas: 4 } },
      'failed',
    ],
    [
      'cancelled on the server by someone else',
      { ending: { kind: 'cancelled', afterDeltas: 6 } },
      'cancelled',
    ],
  ] as const)('%s', async (_name, script, status) => {
    const job = await runScripted(script);
    expect(job.status).toBe(status);
    await expectJobMatchesServer(h.emulator, job);
    if (status === 'failed')
      expect(job.error?.code).toBe((script as { ending: { code: string } }).ending.code);
    if (status === 'incomplete')
      expect(job.incompleteReason).toBe((script as { ending: { reason: string } }).ending.reason);
  });

  it('max_output_tokens on the request: incomplete with the server’s usage', async () => {
    await h.emulator.control.addScript({ script: { answerDeltas: 200 } });
    const [submitted] = h.manager.submit({
      prompt: 'Long',
      model: 'gpt-5',
      providerId: testProviderId,
      maxOutputTokens: 100,
    });
    const job = await h.waitFor(submitted?.id ?? '', finished);
    expect(job.status).toBe('incomplete');
    expect(job.usage?.outputTokens).toBe(100);
    await expectJobMatchesServer(h.emulator, job);
  });
});

describe('cancel', () => {
  it('cancels on the server (the emulator saw it) and confirms the final state', async () => {
    await h.emulator.control.addScript({ script: { answer, timing: { deltaIntervalMs: 20 } } });
    const [submitted] = h.manager.submit({
      prompt: 'Cancel me',
      model: 'gpt-5',
      providerId: testProviderId,
    });
    const id = submitted?.id ?? '';
    await h.waitFor(id, (j) => j.cursor >= 6);
    const cancelled = await h.manager.cancel(id);
    expect(cancelled.status).toBe('cancelled');
    await expectJobMatchesServer(h.emulator, cancelled);
    expect((await h.emulator.control.requests({ kind: 'cancel' })).map((r) => r.status)).toEqual([
      200,
    ]);
  });

  it('a cancel the server ignores: the server’s word wins and the job completes', async () => {
    await h.emulator.control.addScript({
      script: { answer, cancel: 'ignore', timing: { deltaIntervalMs: 10 } },
    });
    const [submitted] = h.manager.submit({
      prompt: 'Ignore cancel',
      model: 'gpt-5',
      providerId: testProviderId,
    });
    const id = submitted?.id ?? '';
    await h.waitFor(id, (j) => j.cursor >= 6);
    await h.manager.cancel(id);
    const done = await h.waitFor(id, finished);
    expect(done.status).toBe('completed');
    await expectJobMatchesServer(h.emulator, done);
  });

  it('a job not yet sent is cancelled locally and never reaches the server', async () => {
    h.keys.key = undefined;
    const [submitted] = h.manager.submit({
      prompt: 'Never sent',
      model: 'gpt-5',
      providerId: testProviderId,
    });
    await h.waitFor(submitted?.id ?? '', isStatus('needs_key'));
    const cancelled = await h.manager.cancel(submitted?.id ?? '');
    expect(cancelled.status).toBe('cancelled');
    expect((await h.emulator.control.requests()).length).toBe(0);
  });
});
