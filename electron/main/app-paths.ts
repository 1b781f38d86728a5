// Where the built app's pieces are, relative to the app's root: the project folder when started
// with `electron .`, the app.asar inside a package. `npm run build:electron` writes out/main and
// out/preload, the renderer build writes out/renderer.
import { join } from 'node:path';

export interface AppPaths {
  /** The built renderer, served at app://mull/. */
  renderer: string;
  /** The bundled preload (one CommonJS file: sandboxed preloads cannot import). */
  preload: string;
  /** The tray icon, copied beside the main bundle by the build. */
  trayIcon: string;
  /**
   * better-sqlite3 built for Electron's ABI, for `electron .` from a checkout (the copy in
   * node_modules is built for Node, for the tests). A package has node_modules rebuilt instead.
   */
  electronSqliteBinding: string;
}

export function appPathsIn(appRoot: string): AppPaths {
  return {
    renderer: join(appRoot, 'out', 'renderer'),
    preload: join(appRoot, 'out', 'preload', 'index.cjs'),
    trayIcon: join(appRoot, 'out', 'main', 'tray-icon.png'),
    electronSqliteBinding: join(appRoot, 'out', 'electron-sqlite', 'better_sqlite3.node'),
  };
}
