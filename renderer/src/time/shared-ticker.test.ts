import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { subscribeToTicker, tickerListenerCount, tickerNow } from './shared-ticker.js';

describe('shared ticker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs one interval for every listener, only while someone listens', () => {
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
    const listeners = Array.from({ length: 50 }, () => vi.fn());
    const unsubscribers = listeners.map((listener) => subscribeToTicker(listener));
    expect(setIntervalSpy).toHaveBeenCalledTimes(1);
    expect(tickerListenerCount()).toBe(50);

    const before = tickerNow();
    vi.advanceTimersByTime(1_000);
    for (const listener of listeners) expect(listener).toHaveBeenCalledTimes(1);
    expect(tickerNow()).toBe(before + 1_000);

    for (const unsubscribe of unsubscribers) unsubscribe();
    expect(vi.getTimerCount()).toBe(0);
  });
});
