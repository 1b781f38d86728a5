// The built main process and preload, as `npm run build:electron` makes them. Electron's binary is
// not available here, so the bundled main process runs under Node with a recording stand-in for
// the `electron` module (test-support/fake-electron.mjs): the composition root really starts the
// backend on a data directory wired to the emulator, and the stand-in plays a short scenario.
import { spawnSync, spawn } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security/csp.js';
import { requestChannels } from '../../shared/ipc/contract.js';
import { startEmulator } from '../../node/emulator/index.js';
import { makeDefaultProvider } from '../../node/demo/emulator-provider.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const fakeElectron = fileURLToPath(new URL('./test-support/fake-electron.mjs', import.meta.url));
// Inside the project, so that the bundle finds node_modules as out/main does.
const outDir = join(repoRoot, 'out', `.bundle-test-${process.pid}`);

function requiresOf(file: string): Set<string> {
  const code = readFileSync(file, 'utf8');
  return new Set([...code.matchAll(/\brequire\("([^"]+)"\)/gu)].map((match) => match[1] ?? ''));
}

describe('the Electron bundles', () => {
  beforeAll(() => {
    const build = spawnSync(
      process.execPath,
      ['build/build-electron.mjs', '--out-dir', outDir, '--no-native'],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(build.status, build.stderr).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('makes a preload whose only require is electron (a sandboxed preload has no other)', () => {
    expect([...requiresOf(join(outDir, 'preload', 'index.cjs'))]).toEqual(['electron']);
  });

  it('makes a main bundle that leaves out only electron, native addons and Node built-ins', () => {
    const allowed = new Set(['electron', 'better-sqlite3', '@napi-rs/keyring']);
    for (const name of requiresOf(join(outDir, 'main', 'index.cjs'))) {
      const builtin =
        builtinModules.includes(name.replace(/^node:/u, '')) || name.startsWith('node:');
      expect(allowed.has(name) || builtin, name).toBe(true);
    }
  });

  it('starts, serves IPC and the page, runs a job to a notification, and quits cleanly', async () => {
    const appRoot = mkdtempSync(join(tmpdir(), 'mull-app-root-'));
    const dataDir = mkdtempSync(join(tmpdir(), 'mull-bundle-data-'));
    mkdirSync(join(appRoot, 'out', 'renderer'), { recursive: true });
    writeFileSync(
      join(appRoot, 'out', 'renderer', 'index.html'),
      '<!doctype html><title>Mull</title>',
    );
    writeFileSync(join(appRoot, 'secret.txt'), 'not for the page');
    const emulator = await startEmulator({
      config: { speed: 50, defaultScript: { answer: 'Forty-two.' } },
    });
    try {
      await makeDefaultProvider(dataDir, {
        id: 'demo',
        label: 'Emulator',
        baseUrl: emulator.baseURL,
      });
      const reportFile = join(appRoot, 'report.json');
      const child = spawn(
        process.execPath,
        ['--import', fakeElectron, join(outDir, 'main', 'index.cjs')],
        {
          cwd: repoRoot,
          env: {
            ...process.env,
            MULL_MODE: 'demo',
            MULL_DATA_DIR: dataDir,
            FAKE_APP_ROOT: appRoot,
            FAKE_ELECTRON_REPORT: reportFile,
          },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Record<string, unknown>;
      expect({ code, errors: report.errors }, stderr).toEqual({ code: 0, errors: [] });

      expect(report).toMatchObject({
        // Every contract channel has a handler; our page is served, strangers are not.
        ipcChannels: expect.arrayContaining([
          ...requestChannels,
          'attachments:store',
          'attachments:read',
        ]) as unknown,
        appInfo: { ok: true, value: { mode: 'demo', driving: true, dataDir } },
        fromStranger: { ok: false, error: { code: 'FORBIDDEN' } },
        fromSubframe: { ok: false, error: { code: 'FORBIDDEN' } },
        // Attachment bytes over their own channels, into the data directory's store.
        attachmentStored: { ok: true, value: { name: 'dot.png', mediaType: 'image/png' } },
        attachmentRead: { ok: true, mediaType: 'image/png', sameBytes: true },
        attachmentFromStranger: {
          store: { ok: false, error: { code: 'FORBIDDEN' } },
          read: { ok: false, error: { code: 'FORBIDDEN' } },
        },
        page: { status: 200, csp: contentSecurityPolicy },
        outside: 404,
        permissions: { media: false, clipboardWrite: true },
        navigationPrevented: true,
        windowOpen: { action: 'deny' },
        submitted: { ok: true },
        notifications: [{ title: 'Answer ready: Smoke question', body: 'Forty-two.' }],
        badge: 0,
      });
      const { sha256 } = (report.attachmentStored as { value: { sha256: string } }).value;
      expect(readdirSync(join(dataDir, 'attachments'))).toEqual([sha256]);
      expect(report.schemes).toMatchObject([
        { scheme: 'app', privileges: { standard: true, secure: true } },
      ]);
      expect(report.windowOptions).toMatchObject({
        webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
      });
      const sent = report.sent as { channel: string; payload: unknown }[];
      expect(sent.map((s) => s.channel)).toEqual(
        expect.arrayContaining(['jobs:changed', 'jobs:terminal', 'app:showJob']),
      );
      // The quit was held for the backend to close, then went through.
      expect(report.events).toEqual(
        expect.arrayContaining(['enableSandbox', 'quit held', 'tray destroyed', 'quit']),
      );
    } finally {
      await emulator.close();
      rmSync(appRoot, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
