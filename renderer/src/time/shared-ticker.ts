// One 1-second clock for the whole page: every running job's elapsed time reads it, so a board of
// a hundred running jobs has one interval, not a hundred. It runs only while someone listens.
type Listener = () => void;

const listeners = new Set<Listener>();
let timer: ReturnType<typeof setInterval> | undefined;
let now = Date.now();

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
}

export function subscribeToTicker(listener: Listener): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    // The clock may have been stopped a long time: the first reader must not see a stale time.
    now = Date.now();
    timer = setInterval(tick, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function tickerNow(): number {
  return now;
}

export function tickerListenerCount(): number {
  return listeners.size;
}
