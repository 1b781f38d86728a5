// `npm start [-- --data-dir DIR]`: Mull on the person's own data, in Electron or in the browser.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/app-data-dir.js';
import { keychainService } from '../core/secrets/index.js';
import { launch } from './launch.js';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const keyStore = keychainService();
  return launch({
    mode: 'web',
    dataDir,
    keyStore,
    // Electron's main process finds the same directory through defaultDataDir().
    electronEnv: { MULL_DATA_DIR: dataDir },
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`mull: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
