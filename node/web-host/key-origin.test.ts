// A key belongs to the address it was entered for. Playing the attacker through the web host's
// contract: providers that have keys (the built-in OpenAI one with a keychain key and
// OPENAI_API_KEY, a compatible one with a keychain key, one with a key stored by an earlier Mull,
// without its address) are re-pointed at a listener of our own (node:http on 127.0.0.1) that
// records every request's headers; then "test connection" and a job for each. The listener must
// never see a key, in any header; the keys read as "no key", with a sentence saying why, and the
// jobs wait for one. Moving a provider back does not bring its key back: it was removed.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { KeyStatus } from '../../shared/ipc/contract.js';
import type { Job, JobStatus } from '../../shared/job.js';
import { type JobSummary } from '../../shared/job-summary.js';
import {
  keyNeedles,
  startKeyCatcher,
  type KeyCatcher,
} from '../core/secrets/test-support/key-catcher.js';
import { startHostHarness, type HostHarness } from './test-support/host-harness.js';

const envKey = `sk-env-${randomBytes(20).toString('hex')}En11`;
const openaiKey = `sk-proj-${randomBytes(30).toString('base64url')}Op22`;
const workKey = `work-${randomBytes(20).toString('hex')}Wk33`;
const legacyKey = `sk-${randomBytes(24).toString('hex')}Lg44`;
const unusedKey = `sk-${randomBytes(24).toString('hex')}Un55`;
const orphanKey = `sk-${randomBytes(24).toString('hex')}Or66`;
const allKeys = { envKey, openaiKey, workKey, legacyKey, unusedKey, orphanKey };

let harness: HostHarness;
let catcher: KeyCatcher;

async function ok(channel: string, payload: unknown): Promise<unknown> {
  const settled = await harness.client.call(channel, payload);
  if (!settled.ok) throw new Error(`${channel}: ${settled.error.message}`);
  return settled.value;
}

const provider = (id: string, baseUrl: string, label = id) => ({
  id,
  kind: 'compatible',
  label,
  baseUrl,
  authStyle: 'bearer',
});

/** Submits a job on `providerId` and resolves with it once it has `status`. */
function jobReaching(providerId: string, status: JobStatus): Promise<JobSummary> {
  return new Promise((resolve, reject) => {
    let id: string | undefined;
    const seen: JobSummary[] = [];
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no job on ${providerId} reached ${status}: ${JSON.stringify(seen)}`));
    }, 15_000);
    const stop = harness.backend.onEvent((event, payload) => {
      if (event !== 'jobs:changed') return;
      const { job } = payload as { job: JobSummary };
      seen.push(job);
      if (job.id === id && job.status === status) {
        clearTimeout(timer);
        stop();
        resolve(job);
      }
    });
    void (async () => {
      const { jobs } = (await ok('jobs:submit', {
        jobs: [{ prompt: `A question for ${providerId}`, model: 'gpt-5-pro', providerId }],
      })) as { jobs: Job[] };
      id = jobs[0]?.id;
      const now = seen.find((job) => job.id === id && job.status === status);
      if (now) {
        clearTimeout(timer);
        stop();
        resolve(now);
      }
    })().catch(reject);
  });
}

beforeAll(async () => {
  catcher = await startKeyCatcher();
  // OPENAI_API_KEY set, no OPENAI_BASE_URL; keys stored by an earlier Mull (no address).
  harness = await startHostHarness({
    env: { OPENAI_API_KEY: envKey },
    keys: { legacy: legacyKey, unused: unusedKey, orphan: orphanKey },
  });
  const emulatorUrl = harness.emulator.baseURL;

  // Before the attack: keys where they belong, and they work there.
  await ok('providers:save', provider('work', emulatorUrl, 'Work server'));
  await ok('keys:set', { providerId: 'work', key: workKey });
  await ok('keys:set', { providerId: 'openai', key: openaiKey });
  await ok('providers:save', provider('legacy', emulatorUrl, 'Old server'));
  await ok('providers:save', provider('unused', emulatorUrl, 'Unused server'));
  await ok('providers:save', provider('orphan', emulatorUrl, 'Orphan server'));
  await jobReaching('work', 'completed');
  expect(await ok('keys:test', { providerId: 'legacy' })).toMatchObject({ ok: true });
  const creates = await harness.emulator.control.requests({ kind: 'create' });
  expect(creates.map((r) => r.keyLast4)).toEqual(['Wk33']);

  // The attack: every provider re-pointed at the listener, then asked to use its key.
  await ok('providers:save', provider('openai', catcher.baseUrl, 'OpenAI'));
  await ok('providers:save', provider('work', catcher.baseUrl, 'Work server'));
  await ok('providers:save', provider('legacy', catcher.baseUrl, 'Old server'));
  // An earlier Mull's key never used since, re-pointed; and one removed, then added back there.
  await ok('providers:save', provider('unused', catcher.baseUrl, 'Unused server'));
  await ok('providers:remove', { id: 'orphan' });
  await ok('providers:save', provider('orphan', catcher.baseUrl, 'Orphan server'));
  for (const id of ['openai', 'work', 'legacy', 'unused', 'orphan']) {
    expect(await ok('keys:test', { providerId: id })).toMatchObject({ ok: false });
    await jobReaching(id, 'needs_key');
  }
}, 60_000);

afterAll(async () => {
  await harness.cleanUp();
  await catcher.close();
});

it.each(Object.entries(allKeys))('the listener never sees %s, in any header', (_name, key) => {
  const seen = catcher.everything();
  for (const needle of keyNeedles(key)) expect(seen.includes(needle)).toBe(false);
  for (const request of catcher.requests) {
    expect(request.headers.authorization ?? '').not.toMatch(/\S{8,}/u);
    expect(request.headers['api-key']).toBeUndefined();
  }
});

it('the key status says no key, and why', async () => {
  for (const [id, label] of [
    ['openai', 'OpenAI'],
    ['work', 'Work server'],
    ['legacy', 'Old server'],
    ['unused', 'Unused server'],
  ] as const) {
    const status = (await ok('keys:status', { providerId: id })) as KeyStatus;
    expect(status.set).toBe(false);
    expect(status.set ? undefined : status.note).toBe(
      `The API key for ${label} was removed because its address changed (to ${catcher.origin}); enter it again.`,
    );
  }
  // Removed with its provider: nothing to explain on the new one.
  expect(await ok('keys:status', { providerId: 'orphan' })).toEqual({ set: false });
});

it('moving a provider back does not bring its key back', async () => {
  await ok('providers:save', provider('work', harness.emulator.baseURL, 'Work server'));
  expect(await ok('keys:status', { providerId: 'work' })).toMatchObject({ set: false });
  await jobReaching('work', 'needs_key');
  const creates = await harness.emulator.control.requests({ kind: 'create' });
  expect(creates.map((r) => r.keyLast4)).toEqual(['Wk33']);
  // A key entered again for the address works there, and the sentence is gone.
  expect(await ok('keys:set', { providerId: 'work', key: workKey })).toEqual({
    set: true,
    last4: 'Wk33',
    source: 'keychain',
  });
});
