// Playwright drives the renderer in Debian's Chromium against the web host (Electron's binary
// cannot be downloaded here, and Playwright's own browsers cannot either). Each test gets its own
// emulator, data directory and host from e2e/fixtures/app.ts.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const chromium = process.env.MULL_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(
    `The e2e tests need Chromium at ${chromium}: install it with apt-get install -y chromium (or set MULL_CHROMIUM).`,
  );
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  // Two machines' worth of cores: each worker runs a browser, a host and an emulator.
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  reporter: process.env.CI ? [['line']] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
