// Only one process drives the jobs of a data directory. The lock is an OS file lock held through
// SQLite (an EXCLUSIVE transaction on a small lock database): the operating system releases it
// when the process dies, even on SIGKILL, so a crash never leaves a stale lock behind.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { lockUnwritable, openLockDatabase, type Database } from '../store/index.js';

export class DriverLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `Another Mull process is already driving the jobs in ${dataDir} (the app, or \`mull run\`).`,
    );
  }
}

export class DriverLock {
  private constructor(private readonly db: Database) {}

  /** Takes the lock, or throws DriverLockedError at once when another process holds it. */
  static acquire(dataDir: string): DriverLock {
    mkdirSync(dataDir, { recursive: true });
    const db = openLockDatabase(join(dataDir, 'driver.lock'));
    try {
      db.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      db.close();
      if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY'))
        throw new DriverLockedError(dataDir);
      throw lockUnwritable(join(dataDir, 'driver.lock'), error);
    }
    return new DriverLock(db);
  }

  /** True when a driver holds the lock right now (taken and released at once otherwise). */
  static isHeld(dataDir: string): boolean {
    try {
      DriverLock.acquire(dataDir).release();
      return false;
    } catch (error) {
      if (error instanceof DriverLockedError) return true;
      throw error;
    }
  }

  release(): void {
    if (!this.db.open) return;
    this.db.exec('ROLLBACK');
    this.db.close();
  }
}
