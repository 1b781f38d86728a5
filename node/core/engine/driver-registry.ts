// The drivers running in this process, one per job at most: started here, awaited on shutdown,
// and told when none is left (idle). A driver that crashes (a bug, not a provider failure) is
// remembered so the job is not picked up again by every scan; its job resumes on the next start.
import type { JobId } from '../../../shared/job.js';
import type { DriverExit, JobDriver } from './job-driver.js';

export interface ActiveDriver {
  driver: JobDriver;
  done: Promise<DriverExit>;
}

export class DriverRegistry {
  private readonly drivers = new Map<JobId, ActiveDriver>();
  private readonly crashed = new Set<JobId>();
  private idleWaiters: Array<() => void> = [];

  /** `onCrash` records a crash where the person can see it (the job's timeline). */
  constructor(private readonly onCrash: (id: JobId, error: unknown) => void) {}

  get size(): number {
    return this.drivers.size;
  }

  get(id: JobId): ActiveDriver | undefined {
    return this.drivers.get(id);
  }

  has(id: JobId): boolean {
    return this.drivers.has(id);
  }

  hasCrashed(id: JobId): boolean {
    return this.crashed.has(id);
  }

  all(): ActiveDriver[] {
    return [...this.drivers.values()];
  }

  /** Runs `driver` for job `id`, registered until its run ends. */
  start(id: JobId, driver: JobDriver): ActiveDriver {
    const done = driver.run().catch((error: unknown) => {
      this.crashed.add(id);
      this.onCrash(id, error);
      return 'stopped' as const;
    });
    const active = { driver, done };
    this.drivers.set(id, active);
    void done.then(() => {
      this.drivers.delete(id);
      if (this.drivers.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    });
    return active;
  }

  /** Resolves when no driver is running. */
  idle(): Promise<void> {
    if (this.drivers.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops every driver (its job resumes next time) and waits for them to end. */
  async stopAll(): Promise<void> {
    const running = this.all();
    for (const { driver } of running) driver.stop();
    await Promise.allSettled(running.map((d) => d.done));
  }
}
