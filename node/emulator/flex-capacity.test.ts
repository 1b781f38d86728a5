// The flex tier in the emulator, as the SDK sees it: `service_tier: "flex"` is served and reported
// as `flex` (the recordings show `auto` while running and `default` at the end for the default
// tier), and the capacity refusal (HTTP 429 Resource Unavailable) hits flex creates only.
import OpenAI, { RateLimitError } from 'openai';
import { describe, expect, it } from 'vitest';
import { flexCapacityFault, flexCapacityMessage } from './flex-capacity.js';
import { emulatorPerFile } from './test-support/emulator-per-file.js';
import { collect, createBackgroundStream } from './test-support/sdk.js';

const fx = emulatorPerFile();

function terminalTier(run: Awaited<ReturnType<typeof collect>>): unknown {
  const last = run.events.at(-1) as { type: string; response?: { service_tier?: unknown } };
  expect(last.type).toBe('response.completed');
  return last.response?.service_tier;
}

describe('the flex tier', () => {
  it('reports service_tier flex for a flex job and default for a default one', async () => {
    const flex = await collect(
      await createBackgroundStream(fx.client, 'x', { model: 'o3', service_tier: 'flex' }),
    );
    expect(terminalTier(flex)).toBe('flex');
    const standard = await collect(await createBackgroundStream(fx.client, 'x', { model: 'o3' }));
    expect(terminalTier(standard)).toBe('default');
  });

  it('refuses flex creates with 429 Resource Unavailable, N times, and only flex ones', async () => {
    await fx.emulator.control.addFault(flexCapacityFault(2, 5));
    const standard = await collect(await createBackgroundStream(fx.client, 'x', { model: 'o3' }));
    expect(terminalTier(standard)).toBe('default');
    for (let i = 0; i < 2; i++) {
      const error: unknown = await createBackgroundStream(fx.client, 'x', {
        model: 'o3',
        service_tier: 'flex',
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.RateLimitError);
      const refused = error as RateLimitError;
      expect(refused.status).toBe(429);
      expect(refused.code).toBe('resource_unavailable');
      expect((refused.error as { message?: string }).message).toBe(flexCapacityMessage);
      expect(refused.headers.get('retry-after')).toBe('5');
    }
    const flex = await collect(
      await createBackgroundStream(fx.client, 'x', { model: 'o3', service_tier: 'flex' }),
    );
    expect(terminalTier(flex)).toBe('flex');
  });
});
