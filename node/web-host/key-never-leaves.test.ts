// A key set through the web host (keys:set) or the environment (OPENAI_API_KEY) drives real jobs
// against the emulator, including a 401 whose message quotes the key masked. Afterwards no byte of
// either key, nor the server's masked form of it, is in anything the host sent (headers, bodies,
// the event stream), in the database or its WAL, or in the log. Only the last four characters may
// leave ("set, ending in abcd"). The key store is in memory here; the OS keychain has its own tests.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Job, JobStatus } from '../../shared/job.js';
import { databaseFileName } from '../core/store/open-database.js';
import { type JobSummary } from '../../shared/job-summary.js';
import { startHostHarness, testProviderId, type HostHarness } from './test-support/host-harness.js';
import type { EventStreamReader } from './test-support/host-client.js';

const storeKey = `sk-store-${randomBytes(24).toString('hex')}S7o9`;
const envKey = `sk-env-${randomBytes(24).toString('hex')}E3n5`;

let harness: HostHarness;
let stream: EventStreamReader;
let filesBeforeClose: Map<string, Buffer>;

/** The emulator's 401 message masks a key like this; even that must not be kept. */
const maskedByServer = (key: string) =>
  `${key.slice(0, 3)}${'*'.repeat(key.length - 7)}${key.slice(-4)}`;

function filesUnder(dir: string, into = new Map<string, Buffer>()): Map<string, Buffer> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(path, into);
    else into.set(path, readFileSync(path));
  }
  return into;
}

async function ok(channel: string, payload: unknown): Promise<unknown> {
  const settled = await harness.client.call(channel, payload);
  if (!settled.ok) throw new Error(`${channel}: ${settled.error.message}`);
  return settled.value;
}

async function submitOn(providerId: string, prompt: string): Promise<Job> {
  const { jobs } = (await ok('jobs:submit', {
    jobs: [{ prompt, model: 'gpt-5-pro', providerId, reasoningSummary: 'auto' }],
  })) as { jobs: Job[] };
  const [job] = jobs;
  if (!job) throw new Error('no job');
  return job;
}

function reaches(job: Job, status: JobStatus): Promise<void> {
  return stream.until(
    () =>
      stream.events.some(
        (e) =>
          (e.data as { job?: JobSummary }).job?.id === job.id &&
          (e.data as { job: JobSummary }).job.status === status,
      ),
    `${job.id} to reach ${status}`,
  );
}

beforeAll(async () => {
  harness = await startHostHarness({
    env: (baseUrl) => ({ OPENAI_API_KEY: envKey, OPENAI_BASE_URL: baseUrl }),
    keys: {},
  });
  stream = await harness.client.openEvents();
  // The built-in OpenAI provider, pointed at the emulator that OPENAI_BASE_URL names:
  // OPENAI_API_KEY is sent there.
  await ok('providers:save', {
    id: 'openai',
    kind: 'compatible',
    label: 'OpenAI (emulated)',
    baseUrl: harness.emulator.baseURL,
    authStyle: 'bearer',
  });
  expect(await ok('keys:set', { providerId: testProviderId, key: storeKey })).toEqual({
    set: true,
    last4: 'S7o9',
    source: 'keychain',
  });
  expect(await ok('keys:status', { providerId: 'openai' })).toEqual({
    set: true,
    last4: 'E3n5',
    source: 'environment',
  });

  // Jobs that complete with each key.
  for (const providerId of [testProviderId, 'openai']) {
    const job = await submitOn(providerId, `A question for ${providerId}`);
    await reaches(job, 'completed');
    await ok('jobs:get', { id: job.id });
    await ok('jobs:export', { id: job.id, format: 'json' });
    expect(await ok('keys:test', { providerId })).toMatchObject({ ok: true });
  }
  const created = await harness.emulator.control.requests({ kind: 'create' });
  expect(created).toHaveLength(2);

  // Now the server refuses both keys: its 401 quotes them masked.
  await harness.emulator.control.setKeys({ allowed: null, revoked: [storeKey, envKey] });
  for (const providerId of [testProviderId, 'openai']) {
    const job = await submitOn(providerId, `Another question for ${providerId}`);
    await reaches(job, 'needs_key');
    const detail = (await ok('jobs:get', { id: job.id })) as { job: Job };
    expect(detail.job.error?.message).toMatch(/refused \(HTTP 401\)/);
    expect(await ok('keys:test', { providerId })).toMatchObject({ ok: false });
  }
  // A bad paste of the key (twice, with a space) is refused and logged: the log must not quote it.
  const badPaste = await harness.client.call('keys:set', {
    providerId: testProviderId,
    key: `${storeKey} ${storeKey}`,
  });
  expect(badPaste).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
  await ok('jobs:list', { limit: 500 });
  await ok('jobs:search', { words: 'question' });

  filesBeforeClose = filesUnder(harness.root);
  stream.close();
  await harness.close(); // flushes the engine and checkpoints the WAL
});

afterAll(async () => {
  await harness.cleanUp();
});

const needles = (key: string) => [key.slice(0, -4), maskedByServer(key)];

it.each([
  ['the key set through keys:set', storeKey],
  ['the key from OPENAI_API_KEY', envKey],
])('%s is in nothing the web host sent', (_what, key) => {
  const sent = harness.client.received.join('');
  expect(sent).toContain('A question for'); // the recording holds the answers and the stream
  expect(sent).toContain('event: jobs:terminal');
  for (const needle of needles(key)) expect(sent.includes(needle)).toBe(false);
});

it.each([
  ['the key set through keys:set', storeKey],
  ['the key from OPENAI_API_KEY', envKey],
])('%s is in no file: database, WAL, log', (_what, key) => {
  const files = new Map([...filesBeforeClose, ...filesUnder(harness.root)]);
  const databasePath = join(harness.dataDir, databaseFileName);
  expect(files.has(`${databasePath}-wal`)).toBe(true); // read while the backend was open
  // Plain text: were the key in it, this search would find it.
  expect(files.get(databasePath)?.includes('A question for')).toBe(true);
  expect(files.get(harness.logFile)?.toString('utf8')).toMatch(/keys:set failed \(REFUSED\)/);
  for (const [path, bytes] of files) {
    for (const needle of needles(key)) {
      expect(bytes.includes(Buffer.from(needle, 'utf8')), path).toBe(false);
      expect(bytes.includes(Buffer.from(needle, 'utf16le')), path).toBe(false);
    }
  }
});
