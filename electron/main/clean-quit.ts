// A clean quit: the first 'before-quit' is held until the backend has closed (the writer flushed
// the last coalesced deltas, the drivers stopped, the driver lock released), then the app quits.
// A close that hangs does not keep the app open: every answer is resumable from its stored cursor.
// Takes an app-like object, so it is unit-tested without Electron.

export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

export interface CleanQuitOptions {
  close: () => Promise<void>;
  log: (message: string, error?: unknown) => void;
  /** How long to wait for the close before quitting anyway. */
  timeoutMs: number;
}

export function quitCleanly(app: QuittingApp, { close, log, timeoutMs }: CleanQuitOptions): void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log(`The backend did not close within ${timeoutMs} ms; quitting anyway.`);
        resolve();
      }, timeoutMs);
    });
    void Promise.race([
      close().catch((error: unknown) => log('Closing the backend failed', error)),
      timeout,
    ]).finally(() => {
      clearTimeout(timer);
      state = 'closed';
      app.quit();
    });
  });
}
