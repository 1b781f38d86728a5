// `npm run demo`: Mull against the Responses API emulator, in process, with no API key. The jobs
// live in a fresh temporary data directory (deleted when the demo stops) unless --data-dir names
// one, so the demo never mixes with the person's own jobs or keychain.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { demoKeyStore, demoModeEnv, demoProviderId } from '../launcher/demo-keys.js';
import { launch } from '../launcher/launch.js';
import { startEmulator } from '../emulator/index.js';
import { makeDefaultProvider } from './emulator-provider.js';
import { seedDemoJobs } from './demo-jobs.js';
import { demoRules, demoScript } from './demo-script.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, speed: { type: 'string' } },
  });
  const speed = Number(values.speed ?? '1');
  if (!(speed > 0))
    throw new Error(`--speed must be a positive number, got '${values.speed ?? ''}'`);
  const temporary = values['data-dir'] === undefined;
  const dataDir = temporary
    ? mkdtempSync(join(tmpdir(), 'mull-demo-'))
    : resolve(values['data-dir'] ?? '');
  const emulator = await startEmulator({
    config: { speed, defaultScript: demoScript },
    rules: demoRules,
  });
  try {
    // The emulator's port is new every run: the provider is saved again each time.
    await makeDefaultProvider(dataDir, {
      id: demoProviderId,
      label: 'Demo (local emulator)',
      baseUrl: emulator.baseURL,
    });
    await seedDemoJobs(dataDir, demoProviderId);
    return await launch({
      mode: 'demo',
      dataDir,
      keyStore: demoKeyStore(),
      electronEnv: { MULL_DATA_DIR: dataDir, ...demoModeEnv },
    });
  } finally {
    await emulator.close();
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`mull demo: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
