// Sleeps a driver can be woken from: by reconcile() (wake from sleep, network back), by a cancel,
// or by shutdown. Waking never throws; the caller looks at why it woke.

export class WakeSignal {
  private wakers = new Set<() => void>();

  /** Resolves after `ms`, or earlier when wake() is called. True when woken early. */
  sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakers.delete(wake);
        resolve(false);
      }, ms);
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve(true);
      };
      this.wakers.add(wake);
    });
  }

  wake(): void {
    for (const wake of [...this.wakers]) wake();
  }
}
