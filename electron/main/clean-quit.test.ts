import { describe, expect, it, vi } from 'vitest';
import { quitCleanly, type QuittingApp } from './clean-quit.js';

function fakeApp() {
  let listener: ((event: { preventDefault(): void }) => void) | undefined;
  const app: QuittingApp & { quits: number } = {
    quits: 0,
    on: (_event, l) => {
      listener = l;
    },
    quit: () => {
      app.quits += 1;
      beforeQuit(); // Electron emits before-quit again on app.quit()
    },
  };
  function beforeQuit(): boolean {
    let prevented = false;
    listener?.({ preventDefault: () => (prevented = true) });
    return prevented;
  }
  return { app, beforeQuit };
}

describe('quitCleanly', () => {
  it('holds the quit until the backend closed, then quits once', async () => {
    const { app, beforeQuit } = fakeApp();
    let finishClose: () => void = () => undefined;
    const close = vi.fn(() => new Promise<void>((resolve) => (finishClose = resolve)));
    quitCleanly(app, { close, log: () => undefined, timeoutMs: 10_000 });

    expect(beforeQuit()).toBe(true);
    expect(beforeQuit()).toBe(true); // a second Quit while closing is held too
    expect(close).toHaveBeenCalledTimes(1);
    expect(app.quits).toBe(0);

    finishClose();
    await vi.waitFor(() => expect(app.quits).toBe(1));
    expect(beforeQuit()).toBe(false); // from now on quitting goes through
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('quits even when closing fails, and logs why', async () => {
    const { app, beforeQuit } = fakeApp();
    const log = vi.fn();
    quitCleanly(app, { close: () => Promise.reject(new Error('boom')), log, timeoutMs: 10_000 });
    beforeQuit();
    await vi.waitFor(() => expect(app.quits).toBe(1));
    expect(log).toHaveBeenCalledWith('Closing the backend failed', expect.any(Error));
  });

  it('quits when closing hangs past the timeout', async () => {
    vi.useFakeTimers();
    try {
      const { app, beforeQuit } = fakeApp();
      const log = vi.fn();
      quitCleanly(app, { close: () => new Promise(() => undefined), log, timeoutMs: 5000 });
      beforeQuit();
      await vi.advanceTimersByTimeAsync(5000);
      expect(app.quits).toBe(1);
      expect(log).toHaveBeenCalledWith(expect.stringContaining('did not close within 5000 ms'));
    } finally {
      vi.useRealTimers();
    }
  });
});
