// `electron .` from a checkout: better-sqlite3 in node_modules is built for Node's ABI (the tests
// need it so), and Electron cannot load it. `npm run build:electron` keeps an Electron build under
// out/electron-sqlite/ where the Electron binary exists, and the store loads that one when
// MULL_SQLITE_NATIVE_BINDING names it. A packaged app has node_modules rebuilt for Electron by
// electron-builder, so it needs neither.
import { existsSync } from 'node:fs';
import { sqliteNativeBindingVariable } from '../../node/core/store/index.js';

export function useElectronSqliteBuild(bindingPath: string, isPackaged: boolean): void {
  if (isPackaged || process.env[sqliteNativeBindingVariable]) return;
  if (existsSync(bindingPath)) process.env[sqliteNativeBindingVariable] = bindingPath;
}
