// `mull submit --flex`, run as the real CLI against the emulator: the create asks for the flex
// tier; a model that does not take flex is a usage error with nothing stored or sent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printedId, startCliHarness, type CliHarness } from './test-support/cli-harness.js';

let h: CliHarness;
beforeEach(async () => {
  h = await startCliHarness();
});
afterEach(() => h.close());

describe('mull submit --flex', { timeout: 60_000 }, () => {
  it('sends service_tier flex for a model that takes it, and the job keeps the tier', async () => {
    const submitted = await h.mull(['submit', '-m', 'o4-mini', '--flex', 'Summarise the book']);
    expect(submitted.code).toBe(0);
    const id = printedId(submitted);
    const [body] = await h.createBodies();
    expect(body).toMatchObject({ model: 'o4-mini', service_tier: 'flex' });
    const shown = await h.mull(['show', id, '--json']);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ serviceTier: 'flex' });
  });

  it('sends no service_tier without --flex', async () => {
    const submitted = await h.mull(['submit', '-m', 'o4-mini', 'Summarise the book']);
    expect(submitted.code).toBe(0);
    const [body] = await h.createBodies();
    expect(body).not.toHaveProperty('service_tier');
  });

  it('refuses --flex for a model without flex processing; nothing is stored or sent', async () => {
    const refused = await h.mull(['submit', '-m', 'gpt-4.1', '--flex', 'x']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /GPT-4.1 does not take flex processing; --flex is for gpt-5, gpt-5-mini, o3, o4-mini/,
    );
    expect(await h.createBodies()).toEqual([]);
  });
});

describe('mull submit --flex without flex capacity', { timeout: 60_000 }, () => {
  it('leaves the job pending, waiting for capacity, for the next driver', async () => {
    await h.emulator.control.addFault({
      status: 429,
      code: 'resource_unavailable',
      message: 'Resource Unavailable',
      count: null,
      on: ['create'],
      serviceTier: 'flex',
    });
    const submitted = await h.mull(['submit', '-m', 'o3', '--flex', 'Summarise the book']);
    const id = printedId(submitted);
    const shown = await h.mull(['show', id, '--json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      status: 'pending',
      serviceTier: 'flex',
      error: { code: 'flex_capacity' },
    });
    const creates = await h.emulator.control.requests({ kind: 'create' });
    expect(creates.map((r) => r.status)).toEqual([429]);
    expect(submitted.code).toBe(1);
    expect(submitted.stderr).toBe(
      `mull: the provider has no flex capacity now; job ${id.slice(0, 8)} waits for it, and 'mull run' sends it again (or submit it without --flex for the standard tier).\n`,
    );
  });
});
