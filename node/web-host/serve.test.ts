// `serve.ts` as a person runs it: one line with the address, the contract behind it, a clean stop
// on SIGTERM and SIGINT (the engine flushed, the driver lock released).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { JobManager } from '../core/engine/job-manager.js';
import { HostClient } from './test-support/host-client.js';
import { isolatedEnv, spawnServer } from './test-support/spawn-server.js';

const serveScript = fileURLToPath(new URL('./serve.ts', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mull-serve-'));
  dirs.push(dir);
  return dir;
}

it.each(['SIGTERM', 'SIGINT'] as const)(
  'prints one line with the address, serves the data directory, and stops on %s',
  async (signal) => {
    const dataDir = tempDir();
    const server = await spawnServer(serveScript, ['--data-dir', dataDir], isolatedEnv());
    try {
      expect(server.stdout).toEqual([
        `Mull is at ${server.url} (data: ${dataDir}; Ctrl+C stops it)`,
      ]);
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{43}$/);
      const client = new HostClient(server.origin, server.token);
      expect(await client.call('app:info', {})).toMatchObject({
        ok: true,
        value: { mode: 'web', dataDir, driving: true },
      });
    } finally {
      expect(await server.stop(signal)).toEqual({ code: 0, signal: null });
    }
    // The lock is free again: another driver can open the directory.
    const manager = JobManager.open({
      dataDir,
      keys: { get: () => Promise.resolve(undefined) },
      drive: true,
    });
    await manager.close();
  },
);

it('takes MULL_DATA_DIR when no --data-dir is given', async () => {
  const dataDir = tempDir();
  const server = await spawnServer(serveScript, [], isolatedEnv({ MULL_DATA_DIR: dataDir }));
  try {
    const client = new HostClient(server.origin, server.token);
    expect(await client.call('app:info', {})).toMatchObject({ ok: true, value: { dataDir } });
  } finally {
    await server.stop();
  }
});
