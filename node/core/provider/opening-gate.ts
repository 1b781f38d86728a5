// At most N requests of one client opening at once: a burst of 1,000 creates (`mull submit` ten
// times over, a batch from the composer) otherwise opens 1,000 connections in the same instant
// and overflows the server's listen queue; the kernel then drops SYNs and retries them a second
// or more later. A request holds its place until its response's headers arrive (the connection
// is open and answered), not while it streams. Waiting is before any byte is sent, so a job
// aborted (or a process killed) while it waits was never sent. Hand-written rather than p-limit:
// a waiter must be able to leave the queue when its signal aborts.
export class OpeningGate {
  private open = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  /** Resolves with the release once a place is free; rejects with the signal's reason on abort. */
  enter(signal: AbortSignal): Promise<() => void> {
    if (signal.aborted) return Promise.reject(signal.reason as Error);
    if (this.open < this.limit) return Promise.resolve(this.take());
    return new Promise((resolve, reject) => {
      const admit = () => {
        signal.removeEventListener('abort', leave);
        resolve(this.take());
      };
      const leave = () => {
        const at = this.waiting.indexOf(admit);
        if (at !== -1) this.waiting.splice(at, 1);
        reject(signal.reason as Error);
      };
      signal.addEventListener('abort', leave, { once: true });
      this.waiting.push(admit);
    });
  }

  private take(): () => void {
    this.open++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.open--;
      this.waiting.shift()?.();
    };
  }
}
