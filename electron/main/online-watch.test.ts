import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchOnline } from './online-watch.js';

describe('watchOnline', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('calls back once when the network returns, not while it stays up or down', () => {
    const states = [true, true, false, false, true, true, false, true];
    let index = 0;
    const onReturn = vi.fn();
    const watch = watchOnline(() => states[index++] ?? true, onReturn, 5000);
    vi.advanceTimersByTime(5000 * (states.length - 1));
    expect(onReturn).toHaveBeenCalledTimes(2);
    watch.stop();
  });

  it('does not call back at start, online or not', () => {
    const onReturn = vi.fn();
    const watch = watchOnline(() => false, onReturn, 5000);
    vi.advanceTimersByTime(20_000);
    expect(onReturn).not.toHaveBeenCalled();
    watch.stop();
  });

  it('stops looking when stopped', () => {
    const isOnline = vi.fn(() => true);
    const watch = watchOnline(isOnline, () => undefined, 5000);
    watch.stop();
    vi.advanceTimersByTime(20_000);
    expect(isOnline).toHaveBeenCalledTimes(1);
  });
});
