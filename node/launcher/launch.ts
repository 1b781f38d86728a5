// `npm start` and `npm run demo` end here: the desktop app when Electron can open a window, else
// the same app in the browser through the web host.
import type { KeyStore } from '../core/secrets/index.js';
import { appVersion } from '../web-host/app-version.js';
import { serveUntilStopped } from '../web-host/serve-web.js';
import { stderrLog } from '../web-host/stderr-log.js';
import { checkElectron } from './electron-binary.js';
import { runElectron } from './run-electron.js';

export interface LaunchOptions {
  mode: 'web' | 'demo';
  dataDir: string;
  /**
   * The keys of the browser fallback (Electron's main process opens its own); OPENAI_API_KEY is
   * read from this process's environment.
   */
  keyStore: KeyStore;
  /** Tells Electron's main process what this launch is about (data directory, demo). */
  electronEnv: Record<string, string>;
  port?: number;
}

/** Runs Mull until it is quit (Electron) or stopped (Ctrl+C, SIGTERM); resolves with an exit code. */
export async function launch(options: LaunchOptions): Promise<number> {
  const electron = checkElectron();
  if (electron.ok) {
    return runElectron(electron.binary, { ...process.env, ...options.electronEnv });
  }
  console.log(`${electron.reason}; serving Mull in your browser instead.`);
  await serveUntilStopped({
    dataDir: options.dataDir,
    mode: options.mode,
    version: appVersion(),
    keyStore: options.keyStore,
    keyEnv: process.env,
    port: options.port,
    log: stderrLog,
  });
  return 0;
}
