// The manager's promises to its callers: several jobs at once, list and search, retry and
// follow-up threads, local delete, restart and resume, write-then-tell, one driver per directory.
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/job.js';
import { serverRetentionDays } from '../../../shared/server-retention.js';
import { DriverLockedError } from './driver-lock.js';
import { JobActionRefused, JobManager } from './job-manager.js';
import { isStatus, testProviderId, useHarness } from './test-support/engine-harness.js';
import { expectJobMatchesServer } from './test-support/server-truth.js';

const h = useHarness();

const done = isStatus('completed', 'incomplete', 'failed', 'cancelled', 'expired', 'unknown');
const ask = (prompt: string, extra: Record<string, unknown> = {}) => ({
  prompt,
  model: 'gpt-5',
  providerId: testProviderId,
  ...extra,
});

describe('submitting and reading jobs', () => {
  it('submits several at once; each completes with its own answer, created exactly once', async () => {
    for (let i = 0; i < 5; i++) {
      await h.emulator.control.addScript({
        match: { promptIncludes: `question ${i}` },
        script: { answer: `Answer number ${i} — ✓`, timing: { deltaIntervalMs: 2 } },
      });
    }
    const jobs = h.manager.submit([0, 1, 2, 3, 4].map((i) => ask(`question ${i}`)));
    expect(jobs.map((j) => j.status)).toEqual([
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
    const finished = await Promise.all(jobs.map((j) => h.waitFor(j.id, done)));
    finished.forEach((job, i) => expect(job.answer).toBe(`Answer number ${i} — ✓`));
    for (const job of finished) await expectJobMatchesServer(h.emulator, job);
    expect((await h.emulator.control.requests({ kind: 'create' })).length).toBe(5);
    // The board lists them in the order they were given, oldest first or newest first.
    const listed = h.manager.list({ sort: 'createdAt', direction: 'asc' }).jobs;
    expect(listed.map((job) => job.id)).toEqual(jobs.map((job) => job.id));
  });

  it('lists with filters and pages, and finds jobs by words of their answers', async () => {
    await h.emulator.control.addScript({
      match: { promptIncludes: 'otter' },
      script: { answer: 'Sea otters hold hands while sleeping.' },
    });
    const [otter] = h.manager.submit(ask('Tell me about otters'));
    const [other] = h.manager.submit(ask('Something else'));
    await h.waitFor(otter?.id ?? '', done);
    await h.waitFor(other?.id ?? '', done);
    const page = h.manager.list({ limit: 1 });
    expect(page.total).toBe(2);
    expect(page.jobs).toHaveLength(1);
    expect(h.manager.list({ limit: 1, cursor: page.nextCursor }).jobs).toHaveLength(1);
    expect(h.manager.list({ statuses: ['completed'] }).total).toBe(2);
    expect(h.manager.list({ statuses: ['failed'] }).total).toBe(0);
    const hits = h.manager.search('sleeping otters');
    expect(hits.map((hit) => hit.id)).toEqual([otter?.id]);
    expect(h.manager.find(otter?.id.slice(0, 8) ?? '')).toMatchObject({ id: otter?.id });
  });

  it('refuses an empty prompt or an unknown provider with a clear message, storing nothing', () => {
    expect(() => h.manager.submit(ask(''))).toThrow(/The prompt is empty/);
    expect(() => h.manager.submit({ prompt: 'x', model: 'gpt-5', providerId: 'nowhere' })).toThrow(
      /There is no provider 'nowhere'/,
    );
    expect(h.manager.list().total).toBe(0);
  });
});

describe('tools on a job', () => {
  it('a deep-research job goes out with web search and completes', async () => {
    // A short run: a real one takes minutes (see the emulator's "Tool runs").
    await h.emulator.control.addScript({
      script: {
        timing: { toolCallMs: 0 },
        toolRun: { searches: 3, openPages: 1, findInPage: 1, citations: 4 },
      },
    });
    const [job] = h.manager.submit(ask('Research the primes', { model: 'o3-deep-research' }));
    expect(job?.tools).toMatchObject({ webSearch: true });
    expect((await h.waitFor(job?.id ?? '', done)).status).toBe('completed');
    const [create] = await h.emulator.control.requests({ kind: 'create' });
    expect(create?.body).toMatchObject({
      tools: [{ type: 'web_search_preview' }],
      background: true,
    });
    expect(create?.body).not.toHaveProperty('include');
    const stored = h.manager.get(job?.id ?? '');
    expect(stored?.outputDigest).toMatchObject({ sources: 4, searches: 3, refused: false });
    expect(h.manager.items(job?.id ?? '').filter((i) => i.type === 'web_search_call')).toHaveLength(
      5,
    );
  });

  it('sends each tool in the API shape, with max_tool_calls; retry and follow-up keep them', async () => {
    const tools = {
      webSearch: true,
      codeInterpreter: true,
      vectorStoreIds: ['vs_1'],
      mcpServers: [{ label: 'docs', url: 'https://example.com/mcp', allowedTools: ['search'] }],
      maxToolCalls: 12,
    };
    const [job] = h.manager.submit(ask('With tools', { model: 'gpt-4.1', tools }));
    const first = await h.waitFor(job?.id ?? '', done);
    const retried = h.manager.retry(first.id);
    const child = h.manager.followUp(first.id, { prompt: 'And then?' });
    expect(retried.tools).toEqual(first.tools);
    expect(child.tools).toEqual(first.tools);
    await h.waitFor(retried.id, done);
    await h.waitFor(child.id, done);
    const creates = await h.emulator.control.requests({ kind: 'create' });
    expect(creates).toHaveLength(3);
    for (const create of creates) {
      expect(create.body).toMatchObject({
        tools: [
          { type: 'web_search_preview' },
          { type: 'code_interpreter', container: { type: 'auto' } },
          { type: 'file_search', vector_store_ids: ['vs_1'] },
          {
            type: 'mcp',
            server_label: 'docs',
            server_url: 'https://example.com/mcp',
            allowed_tools: ['search'],
            require_approval: 'never',
          },
        ],
        max_tool_calls: 12,
        include: ['code_interpreter_call.outputs', 'file_search_call.results'],
      });
    }
  });

  it('refuses tools the model cannot take with a sentence, storing nothing', () => {
    expect(() =>
      h.manager.submit(ask('x', { model: 'o3-deep-research', tools: { codeInterpreter: true } })),
    ).toThrow(/needs a data source to research/);
    expect(() =>
      h.manager.submit(ask('x', { model: 'gpt-5-pro', tools: { codeInterpreter: true } })),
    ).toThrow(JobActionRefused);
    expect(h.manager.list().total).toBe(0);
  });

  it('a job without tools sends none', async () => {
    const [job] = h.manager.submit(ask('Plain'));
    expect(job?.tools).toBeNull();
    await h.waitFor(job?.id ?? '', done);
    const [create] = await h.emulator.control.requests({ kind: 'create' });
    expect(create?.body).not.toHaveProperty('tools');
    expect(create?.body).not.toHaveProperty('include');
  });
});

describe('retry, follow-up, delete', () => {
  it('retry makes a new job linked to the old one', async () => {
    await h.emulator.control.addScript({
      script: { ending: { kind: 'failed', code: 'server_error' } },
    });
    const [first] = h.manager.submit(ask('Flaky'));
    const failed = await h.waitFor(first?.id ?? '', done);
    expect(failed.status).toBe('failed');
    const retried = h.manager.retry(failed.id);
    expect(retried).toMatchObject({ retryOf: failed.id, prompt: 'Flaky', status: 'pending' });
    expect((await h.waitFor(retried.id, done)).status).toBe('completed');
  });

  it('a follow-up sends previous_response_id and stays in the thread', async () => {
    const [first] = h.manager.submit(ask('First question'));
    const parent = await h.waitFor(first?.id ?? '', done);
    const child = h.manager.followUp(parent.id, { prompt: 'And then?' });
    expect(child).toMatchObject({ parentId: parent.id, threadId: parent.threadId, model: 'gpt-5' });
    await h.waitFor(child.id, done);
    const creates = await h.emulator.control.requests({ kind: 'create' });
    expect((creates[1]?.body as { previous_response_id?: string }).previous_response_id).toBe(
      parent.responseId,
    );
    expect(h.manager.list({ threadId: parent.threadId }).total).toBe(2);
  });

  it('a follow-up of a job older than the server keeps responses is refused with a sentence, nothing sent', async () => {
    const [first] = h.manager.submit(ask('An old question'));
    const parent = await h.waitFor(first?.id ?? '', done);
    const monthLater = JobManager.open({
      dataDir: h.dataDir,
      keys: h.keys,
      drive: false,
      now: () => Date.now() + (serverRetentionDays + 1) * 24 * 60 * 60 * 1_000,
    });
    try {
      expect(() => monthLater.followUp(parent.id, { prompt: 'And now?' })).toThrow(
        /no longer has this job's response \(it keeps responses 30 days\).*start a new job/u,
      );
      expect(monthLater.list({ threadId: parent.threadId }).total).toBe(1);
    } finally {
      await monthLater.close();
    }
    expect(await h.emulator.control.requests({ kind: 'create' })).toHaveLength(1);
  });

  it('a follow-up on a model without efforts does not carry the parent’s effort to it', async () => {
    const [first] = h.manager.submit(ask('First question', { effort: 'high' }));
    const parent = await h.waitFor(first?.id ?? '', done);
    const child = h.manager.followUp(parent.id, { prompt: 'Shorter?', model: 'gpt-4.1' });
    expect(child).toMatchObject({ model: 'gpt-4.1', effort: null });
    expect((await h.waitFor(child.id, done)).status).toBe('completed');
    const creates = await h.emulator.control.requests({ kind: 'create' });
    expect(creates[1]?.body).not.toHaveProperty('reasoning');
  });

  it('delete removes a finished job locally; a running one must be cancelled first', async () => {
    await h.emulator.control.addScript({ script: { timing: { deltaIntervalMs: 50 } } });
    const [running] = h.manager.submit(ask('Slow'));
    await h.waitFor(running?.id ?? '', (j) => j.responseId !== null);
    expect(() => h.manager.delete(running?.id ?? '')).toThrow(JobActionRefused);
    const cancelled = await h.manager.cancel(running?.id ?? '');
    const told: Array<[string, boolean]> = [];
    h.manager.onDeleted((id) => told.push([id, h.manager.get(id) === undefined]));
    h.manager.delete(cancelled.id);
    expect(h.manager.get(cancelled.id)).toBeUndefined();
    // Write, then tell: listeners hear of the deletion once the row is gone.
    expect(told).toEqual([[cancelled.id, true]]);
    expect(h.manager.search('Slow')).toEqual([]);
  });
});

describe('restart and resume', () => {
  it('a restart mid-stream resumes from the stored cursor: exact text, one create', async () => {
    await h.emulator.control.addScript({
      script: { answerDeltas: 120, answer: 'ß∂ƒ 🧠 ', timing: { deltaIntervalMs: 5 } },
    });
    const [submitted] = h.manager.submit(ask('Long'));
    const id = submitted?.id ?? '';
    const partial = await h.waitFor(id, (j) => j.cursor > 40);
    await h.manager.close();
    const stored = h.open({ drive: false }).get(id);
    expect(stored?.cursor).toBeGreaterThanOrEqual(partial.cursor);
    const restarted = h.open();
    restarted.resumeAll();
    const job = await h.waitFor(id, done, restarted);
    await expectJobMatchesServer(h.emulator, job);
    expect((await h.emulator.control.requests({ kind: 'create' })).length).toBe(1);
    const resume = (await h.emulator.control.requests({ kind: 'stream' }))[0];
    expect(Number(resume?.query.starting_after)).toBeGreaterThanOrEqual(partial.cursor);
  });

  it('a restart after the re-stream age limit goes to polling and completes', async () => {
    await h.emulator.control.addScript({
      script: { answerDeltas: 60, timing: { deltaIntervalMs: 5 }, pollAfterMs: 10 },
    });
    const [submitted] = h.manager.submit(ask('Age'));
    const id = submitted?.id ?? '';
    await h.waitFor(id, (j) => j.cursor > 10);
    await h.manager.close();
    await h.emulator.control.configure({ restreamMaxAgeMs: 0 });
    const restarted = h.open();
    restarted.resumeAll();
    const job = await h.waitFor(id, done, restarted);
    await expectJobMatchesServer(h.emulator, job);
    expect(restarted.events(id).map((e) => e.kind)).toContain('polling');
    expect((await h.emulator.control.requests({ kind: 'create' })).length).toBe(1);
  });

  it('a pending job stored by another process is picked up by the running driver', async () => {
    const reader = h.open({ drive: false });
    const [stored] = reader.submit(ask('From the CLI'));
    expect(stored?.status).toBe('pending');
    h.manager.resumeAll(); // starts the scan for jobs stored by others
    await expectJobMatchesServer(h.emulator, await h.waitFor(stored?.id ?? '', done));
  });
});

describe('write, then tell', () => {
  it('every change event shows a state that is already in the database', async () => {
    const reader = h.open({ drive: false });
    const mismatches: string[] = [];
    let events = 0;
    h.manager.onChange(({ job }) => {
      events++;
      const onDisk = reader.get(job.id);
      if (!onDisk || onDisk.revision < job.revision || onDisk.status !== job.status) {
        mismatches.push(
          `${job.status}@${job.revision} vs ${String(onDisk?.status)}@${String(onDisk?.revision)}`,
        );
      }
    });
    await h.emulator.control.addScript({
      script: { answerDeltas: 50, timing: { deltaIntervalMs: 2 } },
    });
    const [submitted] = h.manager.submit(ask('Tell'));
    await h.waitFor(submitted?.id ?? '', done);
    expect(events).toBeGreaterThan(2);
    expect(mismatches).toEqual([]);
  });

  it('the terminal event is told exactly once per job', async () => {
    const terminal: Job[] = [];
    h.manager.onChange(({ job, becameTerminal }) => {
      if (becameTerminal) terminal.push(job);
    });
    const [submitted] = h.manager.submit(ask('Once'));
    await h.waitFor(submitted?.id ?? '', done);
    expect(terminal.map((j) => j.status)).toEqual(['completed']);
  });
});

describe('one driver per data directory', () => {
  it('a second driving process is refused while the first holds the lock, and can take over after', async () => {
    expect(() => h.open()).toThrow(DriverLockedError);
    const reader = h.open({ drive: false });
    expect(reader.isDriving).toBe(false);
    await h.manager.close();
    expect(h.open().isDriving).toBe(true);
  });
});
