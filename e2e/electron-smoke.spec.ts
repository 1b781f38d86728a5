// The desktop app itself, end to end: the built Electron app opens on a data directory wired to
// the Responses API emulator (as `npm run demo` does), shows the board, and runs a job to the end.
// It needs Electron's binary (and a display); where there is none, as on the machines that build
// Mull, it reports itself skipped and the same renderer is tested through the web host instead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { demoModeEnv, demoProviderId } from '../node/launcher/demo-keys.js';
import { checkElectron, repoRoot } from '../node/launcher/electron-binary.js';
import { startEmulator } from '../node/emulator/index.js';
import { makeDefaultProvider } from '../node/demo/emulator-provider.js';
import { badgeOf, jobRow, submitPrompts } from './support/board-ui.js';

const electronCheck = checkElectron();

test('the desktop app shows the board and runs a job against the emulator', async () => {
  test.skip(
    !electronCheck.ok,
    `Electron binary not installed or not usable here: ${electronCheck.ok ? '' : electronCheck.reason}`,
  );
  if (!electronCheck.ok) return;

  const dataDir = mkdtempSync(join(tmpdir(), 'mull-electron-smoke-'));
  const emulator = await startEmulator({
    config: {
      speed: 20,
      defaultScript: { answer: 'Forty-two.', timing: { queuedMs: 500, thinkMs: 500 } },
    },
  });
  try {
    await makeDefaultProvider(dataDir, {
      id: demoProviderId,
      label: 'Emulator',
      baseUrl: emulator.baseURL,
    });
    const app = await electron.launch({
      executablePath: electronCheck.binary,
      args: [repoRoot],
      env: { ...process.env, ...demoModeEnv, MULL_DATA_DIR: dataDir },
    });
    try {
      const page = await app.firstWindow();
      expect(new URL(page.url()).protocol).toBe('app:');
      await expect(page.getByRole('listbox', { name: /^Jobs/ })).toBeVisible();

      // The bridge is exactly invoke and on, and answers over IPC.
      const bridge = await page.evaluate(async () => {
        const mull = (globalThis as unknown as { mull: Record<string, unknown> }).mull;
        const invoke = mull.invoke as (channel: string, request: unknown) => Promise<unknown>;
        return { keys: Object.keys(mull).sort(), info: await invoke('app:info', {}) };
      });
      expect(bridge.keys).toEqual(['invoke', 'on']);
      expect(bridge.info).toMatchObject({ ok: true, value: { mode: 'demo', driving: true } });

      await submitPrompts(page, ['What is six times seven?']);
      await expect(badgeOf(jobRow(page, 'What is six times seven?'))).toHaveText('Completed', {
        timeout: 30_000,
      });
    } finally {
      await app.close();
    }
  } finally {
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
