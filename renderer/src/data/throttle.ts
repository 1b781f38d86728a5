// Runs a function at most once per interval: at once on the first call, then once more at the
// end of the interval if calls came meanwhile (so the last change is never missed).
export interface Throttled {
  (): void;
  cancel(): void;
}

export function throttle(run: () => void, intervalMs: number): Throttled {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  const release = () => {
    timer = undefined;
    if (!pending) return;
    pending = false;
    run();
    timer = setTimeout(release, intervalMs);
  };
  const throttled = () => {
    if (timer !== undefined) {
      pending = true;
      return;
    }
    run();
    timer = setTimeout(release, intervalMs);
  };
  throttled.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pending = false;
  };
  return throttled;
}
