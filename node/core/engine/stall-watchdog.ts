// The SDK never times out a silent stream (and Node's body timeout is off on purpose): a stream
// with no event for `stallMs` is aborted, and the driver reconnects from its cursor. Silence alone
// never fails a job.

export class StallWatchdog {
  private timer: NodeJS.Timeout | undefined;
  private lastActivity = 0;
  stalled = false;

  constructor(
    private readonly stallMs: number,
    private readonly onStall: () => void,
  ) {}

  /** Starts watching. */
  start(): void {
    this.touch();
    this.arm(this.stallMs);
  }

  /** Records activity: called on every event, so it only stores a number (no timer churn). */
  touch(): void {
    this.lastActivity = performance.now();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(delayMs: number): void {
    this.timer = setTimeout(() => {
      const silentFor = performance.now() - this.lastActivity;
      if (silentFor >= this.stallMs) {
        this.stalled = true;
        this.timer = undefined;
        this.onStall();
      } else {
        this.arm(this.stallMs - silentFor);
      }
    }, delayMs);
  }
}
