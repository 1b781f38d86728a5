// A `mull submit` holding the driver lock sends the jobs others stored for it. Jobs whose server
// cannot be reached stay pending for the next driver, and they are not tried one by one: after
// the first that could not go, the others of that provider wait, so the submit returns in moments
// instead of trying a hundred stored jobs (it took 35 s for 200).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JobManager } from './job-manager.js';
import { fastEngine } from './test-support/engine-harness.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('sendPendingDetached', () => {
  it('leaves the jobs of an unreachable server pending after a few attempts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mull-send-pending-'));
    dirs.push(dataDir);
    const keys = { get: () => Promise.resolve('sk-test-offline-0001') };
    const open = (drive: boolean) => JobManager.open({ dataDir, keys, drive, engine: fastEngine });
    const storing = open(false);
    // Port 1 on loopback: nothing listens, every connection is refused at once.
    storing.settings.saveProvider({
      id: 'offline',
      kind: 'compatible',
      label: 'Offline',
      baseUrl: 'http://127.0.0.1:1/v1',
      authStyle: 'bearer',
    });
    const stored = storing.submit(
      Array.from({ length: 60 }, (_, i) => ({
        prompt: `Stored ${i}`,
        model: 'gpt-5',
        providerId: 'offline',
      })),
    );
    await storing.close();

    const driver = open(true);
    try {
      const sent = await driver.sendPendingDetached();
      const tried = stored.filter((job) =>
        driver.events(job.id).some((event) => event.kind === 'disconnected'),
      );
      expect(sent.filter((job) => job.status === 'pending')).toHaveLength(60);
      expect(tried.length).toBeGreaterThan(0);
      expect(tried.length).toBeLessThanOrEqual(8);
    } finally {
      await driver.close();
    }
  });
});
