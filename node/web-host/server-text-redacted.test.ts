// Server text that quotes a key is stored redacted. The emulator answers with errors whose
// messages echo the key the request carried (a key of no known shape, caught because the engine
// read it) and an OpenAI-shaped project key: on a create refused with 500 then accepted, a 400, an
// error frame mid-stream, a response that ends failed, a 401. Afterwards neither key is in the
// jobs' errors or timelines, the database file or its WAL, anything the web host sent (jobs:get),
// or what `mull show` prints; the rest of the server's sentence is kept.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JobDetail } from '../../shared/ipc/contract.js';
import type { Job, JobStatus } from '../../shared/job.js';
import { keyNeedles } from '../core/secrets/test-support/key-catcher.js';
import { startHostHarness, testProviderId, type HostHarness } from './test-support/host-harness.js';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** No known shape: only the engine's memory of the keys it read can catch it. */
const secretKey = `mull-${randomBytes(24).toString('hex')}Zq81`;
/** An OpenAI project key the server mentions: caught by its shape. */
const projectKey = `sk-proj-${randomBytes(40).toString('base64url')}Pk92`;
const echo = (what: string) =>
  `${what}: Incorrect API key provided: ${secretKey}. The project key ${projectKey} is not allowed here.`;

let harness: HostHarness;
const jobs = new Map<string, Job>();
let filesBeforeClose: Buffer[] = [];

async function ok(channel: string, payload: unknown): Promise<unknown> {
  const settled = await harness.client.call(channel, payload);
  if (!settled.ok) throw new Error(`${channel}: ${settled.error.message}`);
  return settled.value;
}

async function settled(name: string, prompt: string, statuses: JobStatus[]): Promise<Job> {
  const { jobs: submitted } = (await ok('jobs:submit', {
    jobs: [{ prompt, model: 'gpt-5-pro', providerId: testProviderId }],
  })) as { jobs: Job[] };
  const id = submitted[0]?.id ?? '';
  const deadline = Date.now() + 15_000;
  for (;;) {
    const job = harness.backend.manager.get(id);
    if (job && statuses.includes(job.status)) {
      jobs.set(name, job);
      return job;
    }
    if (Date.now() > deadline) throw new Error(`${name} ended as ${job?.status}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function databaseFiles(): Buffer[] {
  return readdirSync(harness.dataDir)
    .filter((name) => name.startsWith('mull.sqlite3'))
    .map((name) => readFileSync(join(harness.dataDir, name)));
}

const needles = [...keyNeedles(secretKey), ...keyNeedles(projectKey)];

function expectNoKeyIn(text: string | Buffer, what: string): void {
  for (const needle of needles) {
    expect(text.includes(needle), `${what} holds ${needle.slice(0, 12)}…`).toBe(false);
    if (Buffer.isBuffer(text))
      expect(text.includes(Buffer.from(needle, 'utf16le')), what).toBe(false);
  }
}

beforeAll(async () => {
  harness = await startHostHarness({ keys: { [testProviderId]: secretKey } });
  const control = harness.emulator.control;

  await control.addFault({ status: 500, message: echo('500'), on: ['create'], count: 1 });
  await settled('refused then accepted', 'Retried after a 500', ['completed']);

  await control.addFault({
    status: 400,
    code: 'invalid_value',
    message: echo('400'),
    on: ['create'],
  });
  await settled('bad request', 'Refused with a 400', ['failed']);

  await control.addScript({
    match: { promptIncludes: 'error frame' },
    script: { streamFaults: [{ kind: 'error-frame', afterSeq: 3, message: echo('frame') }] },
  });
  await settled('error frame', 'An error frame mid-stream', ['completed']);

  await control.addScript({
    match: { promptIncludes: 'ends failed' },
    script: { ending: { kind: 'failed', code: 'server_error', message: echo('failed') } },
  });
  await settled('failed response', 'It ends failed', ['failed']);

  await control.addFault({ status: 401, message: echo('401'), on: ['create'], count: null });
  await settled('refused key', 'Refused with a 401', ['needs_key']);
  await control.clearFaults();

  for (const job of jobs.values()) await ok('jobs:get', { id: job.id });
  filesBeforeClose = databaseFiles();
  await harness.close(); // flushes the engine and checkpoints the WAL
}, 90_000);

afterAll(async () => {
  await harness.cleanUp();
});

it('the server said the sentences (with the keys in them)', async () => {
  const faulted = await harness.emulator.control.requests({ kind: 'create' });
  expect(faulted.length).toBeGreaterThanOrEqual(5);
  expect(faulted.every((r) => r.keyLast4 === 'Zq81')).toBe(true);
});

it.each([
  [
    'bad request',
    /The provider refused the request \(HTTP 400\): 400: Incorrect API key provided: /,
  ],
  ['failed response', /failed: Incorrect API key provided: /],
])('%s: the error keeps the sentence, the keys masked', (name, sentence) => {
  const message = jobs.get(name)?.error?.message ?? '';
  expect(message).toMatch(sentence);
  expect(message).toContain('[redacted key]');
  expect(message).toContain('sk-…Pk92');
  expectNoKeyIn(message, `${name}'s error`);
});

it('no key in the errors or timelines the web host sent (jobs:get), nor anything else it sent', () => {
  const sent = harness.client.received.join('');
  expect(sent).toContain('Incorrect API key provided');
  expectNoKeyIn(sent, 'what the host sent');
  for (const chunk of harness.client.received.filter((c) => c.includes('"events"'))) {
    const detail = (JSON.parse(chunk) as { value: JobDetail }).value;
    expectNoKeyIn(JSON.stringify(detail.events), `the timeline of ${detail.job.id}`);
  }
});

it('no key in the database file or its WAL', () => {
  const files = [...filesBeforeClose, ...databaseFiles()];
  expect(files.length).toBeGreaterThanOrEqual(2);
  expect(files.some((bytes) => bytes.includes('Incorrect API key provided'))).toBe(true);
  for (const bytes of files) expectNoKeyIn(bytes, 'a database file');
});

it("no key in what 'mull show' prints", async () => {
  for (const job of jobs.values()) {
    // --json (the whole job) for those with an error: 7 runs of the CLI, not 10 (2 s each).
    for (const json of job.error?.code === 'needs_key' || !job.error ? [[]] : [[], ['--json']]) {
      const { stdout, stderr } = await run(
        process.execPath,
        ['bin/mull.mjs', '--data-dir', harness.dataDir, ...json, 'show', job.id],
        { cwd: repoRoot, env: { PATH: process.env.PATH ?? '' } },
      );
      expectNoKeyIn(stdout + stderr, `mull show ${json.join(' ')} ${job.id}`);
      if (job.error && json.length === 0) expect(stderr).toContain(job.error.message);
    }
  }
});
