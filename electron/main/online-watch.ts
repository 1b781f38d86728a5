// Notices the network coming back. Electron's main process has no 'online' event, and a hidden
// window only to hear the page's `online` event would cost a renderer process; asking Chromium's
// network-change notifier (`net.isOnline()`) every few seconds costs nothing. No electron import:
// the check is passed in, so the transition logic is unit-tested.

export interface OnlineWatch {
  /** Looks once: calls `onReturn` when the network came back since the last look. */
  check(): void;
  stop(): void;
}

export function watchOnline(
  isOnline: () => boolean,
  onReturn: () => void,
  intervalMs: number,
): OnlineWatch {
  let online = isOnline();
  const check = () => {
    const now = isOnline();
    if (now && !online) onReturn();
    online = now;
  };
  const timer = setInterval(check, intervalMs);
  // Never the reason the process stays alive.
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
