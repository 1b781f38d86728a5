// Mull in a browser: `node --import tsx node/web-host/serve.ts [--data-dir DIR] [--port N]`.
// Opens the data directory (--data-dir, else MULL_DATA_DIR, else the platform's app data folder),
// reads keys from OPENAI_API_KEY or the OS keychain, and prints one line: the address to open.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/app-data-dir.js';
import { keychainService } from '../core/secrets/index.js';
import { appVersion } from './app-version.js';
import { serveUntilStopped } from './serve-web.js';
import { stderrLog } from './stderr-log.js';

const usage = `Usage: node --import tsx node/web-host/serve.ts [options]

  --data-dir DIR   the data directory (default: MULL_DATA_DIR, else the platform's app data folder)
  --port N         the port on 127.0.0.1 (default 0: a free one)
  --help           this text`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be a port number, got '${values.port ?? ''}'`);
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const keyStore = keychainService();
  await serveUntilStopped({
    dataDir,
    mode: 'web',
    version: appVersion(),
    keyStore,
    keyEnv: process.env,
    port,
    log: stderrLog,
  });
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(`mull: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
