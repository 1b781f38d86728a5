// Flex processing through the whole engine and the emulator: `service_tier: "flex"` is sent, a
// flex create refused for capacity (HTTP 429 Resource Unavailable) waits and is sent again, the
// cost is the flex price of the tier the response reports, and a waiting job can switch to the
// standard tier.
import { describe, expect, it } from 'vitest';
import { flexCapacityFault } from '../../emulator/flex-capacity.js';
import { costOf } from '../../../shared/cost.js';
import { findModel, priceFor } from '../../../shared/models.js';
import type { Job } from '../../../shared/job.js';
import { flexCapacityCode } from '../provider/flex-capacity.js';
import { atRest, testProviderId, useHarness } from './test-support/engine-harness.js';
import { serverTruth } from './test-support/server-truth.js';

const h = useHarness();

function submitFlex(model = 'o4-mini'): Job {
  const [job] = h.manager.submit({
    prompt: 'Summarise this book.',
    model,
    providerId: testProviderId,
    serviceTier: 'flex',
  });
  if (!job) throw new Error('no job');
  return job;
}

const waitingForCapacity = (job: Job): boolean =>
  job.status === 'pending' && job.error?.code === flexCapacityCode;

async function createTiers(): Promise<Array<{ status: number; tier: unknown }>> {
  const creates = await h.emulator.control.requests({ kind: 'create' });
  return creates.map((r) => ({
    status: r.status,
    tier: (r.body as { service_tier?: unknown }).service_tier,
  }));
}

describe('flex processing', () => {
  it('sends service_tier flex, waits out a capacity refusal, and bills the flex price', async () => {
    await h.emulator.control.addScript({ script: { answer: 'A short summary.' } });
    // More refusals than createAttempts (5): a capacity wait is not counted as a refusal.
    await h.emulator.control.addFault(flexCapacityFault(7, 0));
    const submitted = submitFlex();
    const job = await h.waitFor(submitted.id, atRest);
    expect(job.status).toBe('completed');
    expect(await createTiers()).toEqual([
      ...Array.from({ length: 7 }, () => ({ status: 429, tier: 'flex' })),
      { status: 200, tier: 'flex' },
    ]);
    expect(job.servedTier).toBe('flex');
    expect(job.error).toBeNull();
    const truth = await serverTruth(h.emulator, job.responseId ?? '');
    const flex = findModel('o4-mini')?.flexPrice;
    if (!truth.usage || !flex) throw new Error('no usage or flex price');
    expect(job.cost).toBe(costOf(truth.usage, flex));
    expect(job.priceUsed).toEqual(flex);
    const standard = priceFor('o4-mini');
    if (!standard) throw new Error('no price');
    expect(job.cost).toBeLessThan(costOf(truth.usage, standard));
    const details = h.manager.events(job.id).map((e) => e.detail ?? '');
    expect(details.some((d) => d.includes('waiting for flex capacity'))).toBe(true);
  });

  it('shows a job refused for capacity as waiting, and sends it at the standard tier on request', async () => {
    await h.emulator.control.addScript({ script: { answer: 'Now, at the standard tier.' } });
    await h.emulator.control.addFault(flexCapacityFault(null, 60));
    const submitted = submitFlex('o3');
    const waiting = await h.waitFor(submitted.id, waitingForCapacity);
    expect(waiting.error?.message).toMatch(/Waiting for flex capacity/);
    const switched = await h.manager.useStandardTier(submitted.id);
    expect(switched.serviceTier).toBeNull();
    const job = await h.waitFor(submitted.id, atRest);
    expect(job.status).toBe('completed');
    const tiers = await createTiers();
    expect(tiers.at(-1)).toEqual({ status: 200, tier: undefined });
    expect(tiers.slice(0, -1).every((t) => t.status === 429 && t.tier === 'flex')).toBe(true);
    expect(job.servedTier).toBe('default');
    const truth = await serverTruth(h.emulator, job.responseId ?? '');
    const standard = priceFor('o3');
    if (!truth.usage || !standard) throw new Error('no usage or price');
    expect(job.cost).toBe(costOf(truth.usage, standard));
  });

  it('keeps the flex tier on a retry', async () => {
    await h.emulator.control.addScript({ script: { answer: 'Done.' } });
    const job = await h.waitFor(submitFlex().id, atRest);
    const retried = h.manager.retry(job.id);
    expect(retried.serviceTier).toBe('flex');
    await h.waitFor(retried.id, atRest);
  });

  it('refuses to switch a job that does not wait for flex capacity', async () => {
    await h.emulator.control.addScript({ script: { answer: 'Done.' } });
    const submitted = submitFlex();
    const job = await h.waitFor(submitted.id, atRest);
    await expect(h.manager.useStandardTier(job.id)).rejects.toThrow(/already created/);
  });
});
