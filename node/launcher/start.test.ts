// `npm start` where Electron cannot open a window (no binary here, as on CI): one line saying so,
// then the web host's line with the address, and the app behind it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { HostClient } from '../web-host/test-support/host-client.js';
import { isolatedEnv, spawnServer } from '../web-host/test-support/spawn-server.js';

const startScript = fileURLToPath(new URL('./start.ts', import.meta.url));
let dataDir: string | undefined;
afterEach(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

it('falls back to the browser with one line, then prints the address', async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'mull-start-'));
  // Wherever Electron's binary does exist, point Electron's own override at an empty folder.
  const env = isolatedEnv({ ELECTRON_OVERRIDE_DIST_PATH: join(dataDir, 'no-electron') });
  const server = await spawnServer(startScript, ['--data-dir', dataDir], env);
  try {
    expect(server.stdout).toEqual([
      "Electron's binary is not installed here (it could not be downloaded); serving Mull in your browser instead.",
      `Mull is at ${server.url} (data: ${dataDir}; Ctrl+C stops it)`,
    ]);
    const client = new HostClient(server.origin, server.token);
    expect(await client.call('app:info', {})).toMatchObject({
      ok: true,
      value: { mode: 'web', dataDir },
    });
  } finally {
    expect(await server.stop('SIGINT')).toEqual({ code: 0, signal: null });
  }
});
