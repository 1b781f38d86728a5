// The desktop app's entry: the composition root. It wires the backend (node/backend on the
// engine) to Electron: the window, the app:// scheme, the IPC contract, notifications, the tray,
// wake handling, the log and a clean quit. Each piece lives in its own module here.
import { join } from 'node:path';
import { app, dialog, session, shell } from 'electron';
import type { HostBackend } from '../../node/backend/backend.js';
import { startBackendThread } from '../../node/backend/backend-thread.js';
import { RefusedError } from '../../node/backend/refused.js';
import { defaultDataDir } from '../../node/core/app-data-dir.js';
import { keychainService } from '../../node/core/secrets/index.js';
import { demoKeyStore, isDemoLaunch } from '../../node/launcher/demo-keys.js';
import { registerAppScheme, serveRenderer } from './app-protocol.js';
import { appPathsIn } from './app-paths.js';
import { quitCleanly } from './clean-quit.js';
import { forwardEvents, registerContractHandlers } from './contract-ipc.js';
import { useElectronSqliteBuild } from './electron-sqlite.js';
import { safeExternalUrl } from './external-url.js';
import { notifyTerminalJobs } from './job-notifications.js';
import { logUncaughtErrors, startLogging, type AppLog } from './logging.js';
import { MainWindow } from './main-window.js';
import { reconcileOnWake } from './reconcile-on-wake.js';
import { watchRunningCount } from './running-count.js';
import { RunningJobsTray } from './running-jobs-tray.js';
import { secureSession } from './session-security.js';
import { guardAllWebContents } from './web-contents-guards.js';

const appId = 'app.mull.desktop';
const quitTimeoutMs = 10_000;

// Before the app is ready: the scheme's privileges and the sandbox for every renderer.
registerAppScheme();
app.enableSandbox();

// One Mull per person: a second launch focuses the first (see 'second-instance').
if (app.requestSingleInstanceLock()) {
  start().catch((error: unknown) => {
    // Nothing is open yet to show it in: say it in a dialog, and stop.
    dialog.showErrorBox(
      'Mull cannot start',
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
  });
} else {
  app.quit();
}

async function start(): Promise<void> {
  const log = startLogging({ logsDir: app.getPath('logs'), console: !app.isPackaged });
  logUncaughtErrors();
  log.info(`Mull ${app.getVersion()} starting (Electron ${process.versions.electron}).`);
  if (process.platform === 'win32') app.setAppUserModelId(appId); // notifications need it

  const paths = appPathsIn(app.getAppPath());
  useElectronSqliteBuild(paths.electronSqliteBinding, app.isPackaged);
  const openExternal = (url: string) => shell.openExternal(url);
  guardAllWebContents(app, { openExternal, log: log.warn });

  await app.whenReady();
  secureSession(session.defaultSession, log.warn);
  serveRenderer(session.defaultSession, paths.renderer);

  const backend = await openBackend(log, openExternal);
  if (backend === undefined) return;
  // A clean start checks the database's pages in the background; damage stops all writing.
  void backend.integrity.then((verdict) => {
    if (verdict.checked === 'in-background' && verdict.damage) {
      dialog.showErrorBox('Mull stopped writing to its database', verdict.damage.message);
    }
  });
  const window = new MainWindow({
    preload: paths.preload,
    devTools: !app.isPackaged,
    log: log.error,
  });
  const showWindow = () => {
    window.show().catch(() => undefined); // logged by MainWindow
  };
  const showJob = (id: string) => {
    window.show().then(
      () => backend.emit('app:showJob', { id }),
      () => undefined,
    );
  };
  const tray = new RunningJobsTray(paths.trayIcon, { show: showWindow, quit: () => app.quit() });
  let running = 0;

  registerContractHandlers(backend, log.warn);
  const stops = [
    forwardEvents(backend, () => window.contents()),
    notifyTerminalJobs({
      backend,
      enabled: async () => {
        const settings = await backend.dispatch('settings:get', {});
        return settings.ok && (settings.value as { notifications: boolean }).notifications;
      },
      showJob,
      log: log.warn,
    }),
    watchRunningCount(backend, (count) => {
      running = count;
      tray.showCount(count);
    }),
    reconcileOnWake(() => backend.reconcile(), log.info),
  ];
  quitCleanly(app, {
    close: async () => {
      for (const stop of stops) stop();
      tray.destroy();
      await backend.close();
      log.info('Closed cleanly.');
    },
    log: log.error,
    timeoutMs: quitTimeoutMs,
  });

  // Ctrl+C in the terminal of `npm start` (the launcher passes it on) quits through the same path.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
  app.on('second-instance', showWindow);
  app.on('activate', showWindow); // the macOS dock icon
  // With the window closed, Mull stays in the tray while jobs run (to notify and keep streaming)
  // and on macOS as apps do there; otherwise closing the window quits.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' && running === 0) app.quit();
  });
  showWindow();
}

/**
 * The backend for the app's data directory, on a worker thread of its own (its bundle sits beside
 * this one: build/build-electron.mjs), or undefined (after telling the person) if it fails.
 */
async function openBackend(
  log: AppLog,
  openExternal: (url: string) => Promise<void>,
): Promise<HostBackend | undefined> {
  // `npm run demo` points MULL_DATA_DIR at a data directory set up for its emulator, and keeps
  // keys in memory so that trying Mull never touches the person's keychain.
  const demo = isDemoLaunch(process.env);
  try {
    return await startBackendThread({
      entry: { script: join(__dirname, 'backend-thread.cjs') },
      dataDir: defaultDataDir(),
      mode: demo ? 'demo' : 'electron',
      version: app.getVersion(),
      // The OS keychain, with timeouts, one call at a time and keys kept in memory.
      keyStore: demo
        ? demoKeyStore()
        : keychainService(undefined, { log: (message) => log.warn(message) }),
      keyEnv: process.env,
      openExternal: async (url) => {
        const safe = safeExternalUrl(url);
        if (safe === undefined) throw new RefusedError('Mull opens only https: links.');
        await openExternal(safe);
      },
      log: log.backend,
    });
  } catch (error) {
    log.error('The backend could not start', error);
    // A damaged or unreadable database explains itself in a sentence (StoreOpenError).
    const reason = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Mull cannot start', reason);
    app.exit(1);
    return undefined;
  }
}
