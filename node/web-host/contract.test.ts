// Every request channel of the contract, through the web host over real HTTP: each answers a valid
// payload (or refuses with the exact code its state calls for), and each refuses a malformed one
// with BAD_REQUEST and a sentence naming what is wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestChannels, type RequestChannel } from '../../shared/ipc/contract.js';
import type { ErrorCode, Settled } from '../../shared/ipc/envelope.js';
import type { Job } from '../../shared/job.js';
import { startOutsideResponse } from '../emulator/test-support/outside-response.js';
import {
  startHostHarness,
  testKey,
  testProviderId,
  type HostHarness,
} from './test-support/host-harness.js';

let harness: HostHarness;
/** A job submitted and completed before the table runs: the one the per-job channels act on. */
let done: Job;
/** A response started on the emulator by another tool (finished): the one jobs:attach stores. */
let outsideId: string;

beforeAll(async () => {
  harness = await startHostHarness();
  outsideId = (
    await startOutsideResponse({
      baseURL: harness.emulator.baseURL,
      apiKey: testKey,
      input: 'Started by another tool',
      untilFinished: true,
    })
  ).id;
  const submitted = await harness.client.call('jobs:submit', {
    jobs: [
      {
        prompt: 'Which came first, the chicken or the egg?',
        model: 'gpt-5-pro',
        providerId: testProviderId,
      },
    ],
  });
  if (!submitted.ok) throw new Error(submitted.error.message);
  const [job] = (submitted.value as { jobs: Job[] }).jobs;
  if (!job) throw new Error('no job');
  await harness.waitForTerminal(job.id);
  done = job;
});

afterAll(async () => {
  await harness.cleanUp();
});

interface Case {
  payload: () => unknown;
  /** `ok` (the default), or the code this channel must refuse with in this state. */
  expect?: ErrorCode;
  check?: (value: unknown) => void;
}

const spare = () => ({
  id: 'spare',
  kind: 'compatible',
  label: 'Spare',
  baseUrl: harness.emulator.baseURL,
  authStyle: 'bearer',
});

/** In this order; every channel must be here (a missing one is a compile error). */
const cases: Record<RequestChannel, Case> = {
  'app:info': {
    payload: () => ({}),
    check: (v) => expect(v).toMatchObject({ mode: 'web', driving: true }),
  },
  'models:list': {
    payload: () => ({}),
    check: (v) => expect((v as { models: unknown[] }).models.length).toBeGreaterThan(0),
  },
  'providers:list': {
    payload: () => ({}),
    check: (v) => expect(v).toContainEqual(expect.objectContaining({ id: testProviderId })),
  },
  'providers:save': { payload: spare, check: (v) => expect(v).toMatchObject({ id: 'spare' }) },
  'providers:remove': {
    payload: () => ({ id: 'spare' }),
    check: (v) => expect(v).toEqual({ ok: true }),
  },
  'templates:save': {
    payload: () => ({ name: 'Review', prompt: 'Review {{file}}', models: ['gpt-5'] }),
    check: (v) => expect(v).toMatchObject({ name: 'Review', models: ['gpt-5'] }),
  },
  'templates:list': {
    payload: () => ({}),
    check: (v) =>
      expect(v).toEqual([{ name: 'Review', prompt: 'Review {{file}}', models: ['gpt-5'] }]),
  },
  'templates:remove': {
    payload: () => ({ name: 'review' }),
    check: (v) => expect(v).toEqual({ ok: true }),
  },
  'settings:get': {
    payload: () => ({}),
    check: (v) => expect(v).toMatchObject({ defaultProviderId: testProviderId }),
  },
  'settings:update': {
    payload: () => ({ notifications: false }),
    check: (v) => expect(v).toMatchObject({ notifications: false }),
  },
  'keys:status': {
    payload: () => ({ providerId: testProviderId }),
    check: (v) => expect(v).toEqual({ set: true, last4: testKey.slice(-4), source: 'keychain' }),
  },
  'keys:set': {
    payload: () => ({ providerId: testProviderId, key: testKey }),
    check: (v) => expect(v).toEqual({ set: true, last4: testKey.slice(-4), source: 'keychain' }),
  },
  'keys:test': {
    payload: () => ({ providerId: testProviderId }),
    check: (v) => expect(v).toMatchObject({ ok: true }),
  },
  'keys:clear': {
    payload: () => ({ providerId: 'openai' }),
    check: (v) => expect(v).toEqual({ set: false }),
  },
  'jobs:submit': {
    payload: () => ({
      jobs: [{ prompt: 'A second question', model: 'gpt-5-pro', providerId: testProviderId }],
    }),
    check: (v) => expect((v as { jobs: Job[] }).jobs).toHaveLength(1),
  },
  'jobs:list': {
    payload: () => ({}),
    check: (v) => expect((v as { total: number }).total).toBeGreaterThanOrEqual(2),
  },
  'jobs:get': {
    payload: () => ({ id: done.id }),
    check: (v) => expect(v).toMatchObject({ job: { id: done.id, status: 'completed' } }),
  },
  'jobs:search': {
    payload: () => ({ words: 'chicken' }),
    check: (v) => expect(v).toContainEqual(expect.objectContaining({ id: done.id })),
  },
  'jobs:export': {
    payload: () => ({ id: done.id, format: 'markdown' }),
    check: (v) => expect((v as { mimeType: string }).mimeType).toContain('markdown'),
  },
  'jobs:spend': { payload: () => ({}) },
  'budget:get': {
    payload: () => ({}),
    // The host's finished jobs count; no budget is set.
    check: (v) =>
      expect(v).toEqual({
        monthlyBudgetUsd: null,
        perJobCapUsd: null,
        spentThisMonthUsd: expect.any(Number) as number,
      }),
  },
  'jobs:followUp': {
    payload: () => ({ id: done.id, prompt: 'And then?' }),
    check: (v) => expect(v).toMatchObject({ parentId: done.id }),
  },
  'jobs:attach': {
    payload: () => ({ responseId: outsideId, title: 'Attached here' }),
    check: (v) =>
      expect(v).toMatchObject({
        responseId: outsideId,
        status: 'completed',
        title: 'Attached here',
        providerId: testProviderId,
      }),
  },
  'jobs:retry': {
    payload: () => ({ id: done.id }),
    check: (v) => expect(v).toMatchObject({ retryOf: done.id }),
  },
  // A standard-tier job does not wait for flex capacity: nothing to switch.
  'jobs:useStandardTier': { payload: () => ({ id: done.id }), expect: 'REFUSED' },
  // Already completed: a cancel answers with the job as it is.
  'jobs:cancel': {
    payload: () => ({ id: done.id }),
    check: (v) => expect(v).toMatchObject({ id: done.id, status: 'completed' }),
  },
  'jobs:delete': {
    payload: () => ({ id: done.id }),
    check: (v) => expect(v).toEqual({ ok: true }),
  },
  // A browser opens links itself: the web host has no OS to hand them to.
  'app:openExternal': { payload: () => ({ url: 'https://example.com/' }), expect: 'REFUSED' },
};

/** A malformed payload per channel, and a word the error must name. */
const malformed: Record<RequestChannel, { payload: unknown; mentions: string }> = {
  'app:info': { payload: { extra: 1 }, mentions: 'extra' },
  'models:list': { payload: 'models', mentions: 'object' },
  'providers:list': { payload: { id: 'x' }, mentions: 'id' },
  'providers:save': { payload: { id: 'x', kind: 'ftp' }, mentions: 'kind' },
  'providers:remove': { payload: { id: '' }, mentions: 'id' },
  'templates:list': { payload: { name: 1 }, mentions: 'name' },
  'templates:save': { payload: { name: 'x', prompt: 'p', models: [] }, mentions: 'models' },
  'templates:remove': { payload: { name: '' }, mentions: 'name' },
  'settings:get': { payload: [], mentions: 'object' },
  'settings:update': { payload: { notifications: 'yes' }, mentions: 'notifications' },
  'keys:status': { payload: {}, mentions: 'providerId' },
  'keys:set': { payload: { providerId: testProviderId, key: '' }, mentions: 'key' },
  'keys:test': { payload: { providerId: 7 }, mentions: 'providerId' },
  'keys:clear': { payload: null, mentions: 'object' },
  'jobs:submit': { payload: { jobs: [] }, mentions: 'jobs' },
  'jobs:list': { payload: { limit: 0 }, mentions: 'limit' },
  'jobs:get': { payload: { id: '' }, mentions: 'id' },
  'jobs:search': { payload: { words: 'x', limit: 1000 }, mentions: 'limit' },
  'jobs:export': { payload: { id: 'x', format: 'pdf' }, mentions: 'format' },
  'jobs:spend': { payload: { month: 1 }, mentions: 'month' },
  'budget:get': { payload: { month: 1 }, mentions: 'month' },
  'jobs:followUp': { payload: { id: 'x', prompt: '' }, mentions: 'prompt' },
  'jobs:attach': { payload: { responseId: 'resp_0000x', extra: true }, mentions: 'extra' },
  'jobs:retry': { payload: {}, mentions: 'id' },
  'jobs:useStandardTier': { payload: {}, mentions: 'id' },
  'jobs:cancel': { payload: { id: 5 }, mentions: 'id' },
  'jobs:delete': { payload: 'id', mentions: 'object' },
  'app:openExternal': { payload: { url: 42 }, mentions: 'url' },
};

// Before the table below, which deletes `done`.
describe('jobs:attach refusals', () => {
  it.each([
    [
      'an id the server does not know',
      { responseId: 'resp_0000doesnotexist' },
      'Emulator does not know response resp_0000doesnotexist (check the id and the provider); nothing was attached.',
    ],
    [
      'a malformed id',
      { responseId: 'resp 1/../x' },
      "'resp 1/../x' is not a response id: they look like resp_ followed by letters and digits.",
    ],
    [
      'a job that is not of unknown fate',
      () => ({ responseId: 'resp_0000another', jobId: done.id }),
      'Only a job of unknown fate can be given a response id; this one is known.',
    ],
  ])('%s: REFUSED with the sentence, nothing stored', async (_name, payload, message) => {
    const before = await harness.client.call('jobs:list', {});
    const settled = await harness.client.call(
      'jobs:attach',
      typeof payload === 'function' ? payload() : payload,
    );
    expect(settled).toEqual({ ok: false, error: { code: 'REFUSED', message } });
    const after = await harness.client.call('jobs:list', {});
    expect(after).toEqual(before);
  });
});

describe('every request channel through the web host', () => {
  it('covers the whole contract', () => {
    expect(Object.keys(cases).sort()).toEqual([...requestChannels].sort());
  });

  it.each(Object.entries(cases) as Array<[RequestChannel, Case]>)(
    '%s answers a valid payload',
    async (channel, testCase) => {
      const settled: Settled<unknown> = await harness.client.call(channel, testCase.payload());
      if (testCase.expect === undefined) {
        expect(settled, JSON.stringify(settled)).toMatchObject({ ok: true });
        if (settled.ok) testCase.check?.(settled.value);
      } else {
        expect(settled).toMatchObject({ ok: false, error: { code: testCase.expect } });
        if (!settled.ok) expect(settled.error.message.length).toBeGreaterThan(10);
      }
    },
  );

  it.each(
    Object.entries(malformed) as Array<[RequestChannel, { payload: unknown; mentions: string }]>,
  )('%s refuses a malformed payload with BAD_REQUEST', async (channel, { payload, mentions }) => {
    const res = await harness.client.request(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
    });
    expect(res.status).toBe(200);
    const settled = JSON.parse(res.body) as Settled<unknown>;
    expect(settled).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    if (settled.ok) return;
    expect(settled.error.message).toContain(`Invalid request for ${channel}:`);
    expect(settled.error.message).toContain(mentions);
  });
});
