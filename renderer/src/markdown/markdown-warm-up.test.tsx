// @vitest-environment jsdom
// The idle warm-up renders each sample outside the app's tree, with the app's API above it: none
// may report an error while nobody looks, none may leave anything in the page, and none may ask
// the API for anything (its links are never clicked).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi } from '../test-support/fake-api.js';
import { warmUpMarkdown, warmUpSamples } from './markdown-warm-up.js';

afterEach(() => vi.restoreAllMocks());

/** What the page reported (uncaught errors, console errors) while `run` ran. */
function errorsWhile(run: () => void): unknown[] {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  window.addEventListener('error', onError);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => errors.push(args));
  try {
    run();
  } catch (error) {
    errors.push(error);
  } finally {
    window.removeEventListener('error', onError);
  }
  return errors;
}

describe('the Markdown warm-up', () => {
  it('renders every sample without an error, and leaves nothing in the page', () => {
    const api = createFakeApi();
    expect(errorsWhile(() => warmUpSamples.forEach((s) => warmUpMarkdown(api, s)))).toEqual([]);
    expect(document.body.innerHTML).toBe('');
    expect(api.calls).toEqual([]);
  });

  it('warms up links too (the first streamed slice of a real answer has them)', () => {
    expect(warmUpSamples.some((sample) => /\]\(https:/u.test(sample))).toBe(true);
  });
});
