// @vitest-environment jsdom
// The idle warm-up renders each sample outside the app (no ApiProvider above it): none may need
// the app, or the page would report an error while nobody looks.
import { afterEach, describe, expect, it, vi } from 'vitest';
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
    expect(errorsWhile(() => warmUpSamples.forEach(warmUpMarkdown))).toEqual([]);
    expect(document.body.innerHTML).toBe('');
  });

  it('would be caught rendering a sample that needs the app (a link)', () => {
    expect(errorsWhile(() => warmUpMarkdown('[a link](https://example.com)'))).not.toEqual([]);
  });
});
