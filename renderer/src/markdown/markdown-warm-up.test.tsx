// @vitest-environment jsdom
// The idle warm-up renders each sample off screen, outside the app's tree, with the app's API above
// it: none may report an error while nobody looks, none may be seen, reached or left in the page,
// and none may ask the API for anything (its links are never clicked).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi } from '../test-support/fake-api.js';
import { warmUpMarkdown, warmUpSamples } from './markdown-warm-up.js';

afterEach(() => vi.restoreAllMocks());

/** What the page reported (uncaught errors, console errors) while `run` ran. */
async function errorsWhile(run: () => Promise<void>): Promise<unknown[]> {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  window.addEventListener('error', onError);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => errors.push(args));
  try {
    await run();
  } catch (error) {
    errors.push(error);
  } finally {
    window.removeEventListener('error', onError);
  }
  return errors;
}

describe('the Markdown warm-up', () => {
  it('renders every sample without an error, hidden while it is in the page, and leaves nothing', async () => {
    const api = createFakeApi();
    const seen: Array<{ hidden: string | null; inert: boolean; text: string }> = [];
    // Between rendering and layout: what the page holds meanwhile.
    const between = () => {
      const host = document.body.querySelector<HTMLElement>('.markdown-warm-up');
      seen.push({
        hidden: host?.getAttribute('aria-hidden') ?? null,
        inert: host?.inert ?? false,
        text: host?.textContent ?? '',
      });
      return Promise.resolve();
    };
    const errors = await errorsWhile(async () => {
      for (const sample of warmUpSamples) await warmUpMarkdown(api, sample, between);
    });
    expect(errors).toEqual([]);
    expect(seen).toHaveLength(warmUpSamples.length);
    for (const host of seen) {
      expect(host).toMatchObject({ hidden: 'true', inert: true });
      expect(host.text).not.toBe('');
    }
    expect(document.body.innerHTML).toBe('');
    expect(api.calls).toEqual([]);
  });

  it('warms up links too (the first streamed slice of a real answer has them)', () => {
    expect(warmUpSamples.some((sample) => /\]\(https:/u.test(sample))).toBe(true);
  });
});
