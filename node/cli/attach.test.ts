// `mull attach RESPONSE_ID`: a background response started elsewhere (here: directly on the
// emulator, as another tool would) becomes a job with the server's exact text, usage and cost; a
// job of unknown fate is resolved by its response id; every refusal is one sentence, exit 1, and
// stores nothing.
import { createServer, type AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOutsideResponse } from '../emulator/test-support/outside-response.js';
import { Job, type JobEvent } from '../../shared/job.js';
import { JobManager, storeOf } from '../core/engine/job-manager.js';
import { expectJobMatchesServer } from '../core/engine/test-support/server-truth.js';
import {
  printedId,
  startCliHarness,
  testApiKey,
  type CliHarness,
  type Finished,
} from './test-support/cli-harness.js';
import { mullInProcess } from './test-support/in-process.js';
import { providerForBaseUrl } from './url-provider.js';

const answer =
  'Attached — ünïcödé 日本語 🧠✨, combining e\u0301.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';

let h: CliHarness;
beforeEach(async () => {
  h = await startCliHarness();
});
afterEach(() => h.close());

/** Starts a response on the emulator the way another tool would, not through Mull. */
function outside(input: string, untilFinished = false) {
  return startOutsideResponse({
    baseURL: h.emulator.baseURL,
    apiKey: testApiKey,
    input,
    untilFinished,
  });
}

async function showJson(id: string): Promise<Job> {
  const show = await h.mull(['show', '--json', id]);
  expect(show.code).toBe(0);
  return Job.parse(JSON.parse(show.stdout));
}

async function jobCount(): Promise<number> {
  const list = await h.mull(['list', '--json']);
  return (JSON.parse(list.stdout) as { total: number }).total;
}

function expectOneSentence(result: Finished, message: RegExp): void {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^mull: .+[.!?)]$/);
  expect(lines[0]).toMatch(message);
}

/** A port nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A job whose create left but whose id never came back, as the driver leaves it. */
async function storeUnknownJob(prompt: string): Promise<string> {
  const reader = JobManager.open({
    dataDir: h.dataDir,
    keys: { get: () => Promise.resolve(undefined) },
    drive: false,
  });
  try {
    const providerId = providerForBaseUrl(reader.settings, h.emulator.baseURL).id;
    const [job] = reader.submit({ prompt, model: 'gpt-5-pro', providerId });
    if (!job) throw new Error('not stored');
    storeOf(reader).update(job.id, {
      status: 'unknown',
      submittedAt: Date.now(),
      error: { code: 'unknown', message: 'The connection failed after the job was sent.' },
    });
    return job.id;
  } finally {
    await reader.close();
  }
}

describe('mull attach', { timeout: 60_000 }, () => {
  it('a running response started elsewhere: followed here to the end, the server’s exact text, usage and cost', async () => {
    await h.emulator.control.addScript({
      match: { promptIncludes: 'Outside running' },
      // Still thinking when attach asks about it (a process start takes about a second).
      script: { answer, timing: { thinkMs: 5_000, deltaIntervalMs: 5 } },
    });
    const { id: responseId, status } = await outside('Outside running: a hard question');
    expect(status).toMatch(/^(queued|in_progress)$/);

    const attached = await h.mull(['attach', responseId]);
    expect(attached.code, attached.stderr).toBe(0);
    const id = printedId(attached);
    expect(attached.stderr).toMatch(new RegExp(`following it as job ${id.slice(0, 8)}`));
    expect(attached.stderr).toContain(`${id.slice(0, 8)} completed · gpt-5-pro`);

    const job = await showJson(id);
    expect(job).toMatchObject({ responseId, status: 'completed', title: `Attached ${responseId}` });
    const truth = await expectJobMatchesServer(h.emulator, job);
    expect(truth.answer).toBe(answer);
    expect(job.cost).toBeGreaterThan(0);
    // Re-streamed from the start of its log; Mull never created anything.
    const streams = await h.emulator.control.requests({ kind: 'stream', responseId });
    expect(streams.length).toBeGreaterThanOrEqual(1);
    expect(streams[0]?.query.starting_after).toBeUndefined();
    expect(await h.emulator.control.requests({ kind: 'create' })).toHaveLength(1);
    expect((await h.mull(['show', id])).stdoutBytes.equals(Buffer.from(answer, 'utf8'))).toBe(true);
  });

  it('an already-completed response: stored at once with its usage and cost', async () => {
    await h.emulator.control.addScript({
      match: { promptIncludes: 'Outside finished' },
      script: { answer, usage: { inputTokens: 321, cachedTokens: 21, reasoningTokens: 64 } },
    });
    const { id: responseId, status } = await outside('Outside finished already', true);
    expect(status).toBe('completed');

    const attached = await h.mull(['attach', '--title', 'From elsewhere', responseId]);
    expect(attached.code, attached.stderr).toBe(0);
    const id = printedId(attached);
    expect(attached.stderr).not.toMatch(/following/);
    expect(attached.stderr).toMatch(
      new RegExp(`^${id.slice(0, 8)} completed · gpt-5-pro · [\\d,]+ tokens · \\$`),
    );

    const job = await showJson(id);
    expect(job).toMatchObject({ responseId, status: 'completed', title: 'From elsewhere' });
    const truth = await expectJobMatchesServer(h.emulator, job);
    expect(truth.usage).toMatchObject({ inputTokens: 321, cachedTokens: 21, reasoningTokens: 64 });
    // Asked once; nothing to stream.
    expect(await h.emulator.control.requests({ kind: 'stream', responseId })).toHaveLength(0);
    expect((await h.mull(['list'])).stdout).toContain('From elsewhere');

    const json = await h.mull(['attach', '--json', responseId]);
    expect(json.code).toBe(1); // already attached: the same refusal, with --json too
  });

  it('refusals are one sentence, exit 1, and store no job', async () => {
    const { id: responseId } = await outside('Outside once', true);
    const first = await h.mull(['attach', responseId]);
    expect(first.code).toBe(0);
    const firstId = printedId(first);
    expect(await jobCount()).toBe(1);

    // Run in this process (the same code as the real CLI) to keep the many cases quick.
    const mull = (args: string[], env: NodeJS.ProcessEnv = h.env) =>
      mullInProcess(['--data-dir', h.dataDir, ...args], env);
    expectOneSentence(
      await mull(['attach', 'resp_abc?x=1']),
      /'resp_abc\?x=1' is not a response id: they look like resp_ followed by/,
    );
    expectOneSentence(await mull(['attach', 'x']), /'x' is not a response id/);
    expectOneSentence(
      await mull(['attach', 'resp_0000doesnotexist']),
      /^mull: 127\.0\.0\.1:\d+ does not know response resp_0000doesnotexist \(check the id and the provider\); nothing was attached\.$/,
    );
    expectOneSentence(
      await mull(['attach', responseId]),
      new RegExp(`Response ${responseId} is already attached, as job ${firstId.slice(0, 8)} \\(`),
    );
    expectOneSentence(
      await mull(['attach', '--job', firstId.slice(0, 8), 'resp_0000another']),
      /Only a job of unknown fate can be given a response id; this one is known\./,
    );
    expectOneSentence(await mull(['attach', '--job', 'nosuchjob', responseId]), /no job/);
    expectOneSentence(
      await mull(['attach', '--provider', 'nope', 'resp_0000another']),
      /There is no provider 'nope'/,
    );
    expectOneSentence(
      await mull(['attach', 'resp_0000another'], {
        ...h.env,
        OPENAI_BASE_URL: `http://127.0.0.1:${await closedPort()}/v1`,
      }),
      /^mull: 127\.0\.0\.1:\d+ could not be reached \(ECONNREFUSED\), so nothing was attached: check its base URL and the network, then try again\.$/,
    );
    expect(await jobCount()).toBe(1);
    // The server was asked only about the first attach and the unknown id: the other refusals
    // came before any request.
    const polls = await h.emulator.control.requests({ kind: 'poll' });
    expect(polls.map((r) => r.responseId)).toEqual([responseId, 'resp_0000doesnotexist']);

    // A key the server refuses.
    await h.emulator.control.setKeys({ allowed: ['sk-some-other-key'] });
    expectOneSentence(
      await mull(['attach', 'resp_0000another']),
      /^mull: 127\.0\.0\.1:\d+ refused the API key \(HTTP 401\), so nothing was attached: enter a valid key/,
    );
    expect(await jobCount()).toBe(1);

    const usage = await mull(['attach']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/mull attach needs a RESPONSE_ID/);
  });

  it('--job resolves a job of unknown fate (show says how), keeping its id and prompt', async () => {
    const id = await storeUnknownJob('Lost in the create window');
    const show = await h.mull(['show', id.slice(0, 8)]);
    expect(show.code).toBe(0);
    expect(show.stderr).toContain(`${id.slice(0, 8)} unknown`);
    expect(show.stderr).toContain(
      `attach its response id with 'mull attach RESPONSE_ID --job ${id.slice(0, 8)}'`,
    );

    await h.emulator.control.addScript({
      match: { promptIncludes: 'Lost in the create window' },
      script: { answer, timing: { thinkMs: 1_000, deltaIntervalMs: 5 } },
    });
    const { id: responseId } = await outside('Lost in the create window (its create did leave)');
    const attached = await h.mull(['attach', '--job', id.slice(0, 8), responseId]);
    expect(attached.code, attached.stderr).toBe(0);
    expect(printedId(attached)).toBe(id);

    expect(await jobCount()).toBe(1);
    const job = await showJson(id);
    expect(job).toMatchObject({
      id,
      responseId,
      status: 'completed',
      prompt: 'Lost in the create window',
      error: null,
    });
    await expectJobMatchesServer(h.emulator, job);
    const reader = JobManager.open({
      dataDir: h.dataDir,
      keys: { get: () => Promise.resolve(undefined) },
      drive: false,
    });
    let timeline: JobEvent[];
    try {
      timeline = reader.events(id);
    } finally {
      await reader.close();
    }
    expect(timeline.map((e) => e.kind)).toContain('attached');
    expect(timeline.find((e) => e.kind === 'attached')?.detail).toBe(responseId);
  });

  it('while another process drives: stored here, collected by that process', async () => {
    const watch = h.start(['run', '--watch']);
    await watch.stderrMatching(/watching for new jobs/);
    await h.emulator.control.addScript({
      match: { promptIncludes: 'For the driver' },
      script: { answer, timing: { thinkMs: 3_000, deltaIntervalMs: 5 } },
    });
    const { id: responseId } = await outside('For the driver to collect');

    const attached = await h.mull(['attach', responseId]);
    expect(attached.code, attached.stderr).toBe(0);
    const id = printedId(attached);
    expect(attached.stderr).toMatch(
      new RegExp(`another Mull process drives .*; it will collect job ${id.slice(0, 8)}\\.`),
    );
    await watch.stderrMatching(new RegExp(`${id.slice(0, 8)} completed`));
    await expectJobMatchesServer(h.emulator, await showJson(id));

    watch.child.kill('SIGINT');
    expect((await watch.finished).code).toBe(0);
  });
});
