// `npm run build:electron`: bundles the main process and the preload with esbuild.
//
//   out/main/index.cjs     the main process: one CommonJS file with every pure-JS dependency in it;
//                          electron and the native modules (better-sqlite3, @napi-rs/keyring) stay
//                          external and load from node_modules (rebuilt for Electron in a package).
//   out/main/backend-thread.cjs
//                          the backend's worker thread (node/backend/backend-thread-entry.ts): the
//                          engine and the store, started by the main process beside it.
//   out/preload/index.cjs  the preload: one CommonJS file whose only require is electron, because a
//                          sandboxed preload cannot import modules.
//   out/main/tray-icon*.png
//
// Where the Electron binary is installed it also keeps an Electron build of better-sqlite3 in
// out/electron-sqlite/ for `electron .` (see build/electron-sqlite.mjs). Options: --out-dir DIR,
// --no-native (bundles only).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { buildElectronSqlite } from './electron-sqlite.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Modules that must not be bundled: Electron itself and native addons (.node files). */
export const mainExternals = ['electron', 'better-sqlite3', '@napi-rs/keyring'];

export async function bundleElectron(outDir) {
  const common = {
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    logLevel: 'warning',
    sourcemap: 'linked',
    legalComments: 'linked',
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: ['electron/main/index.ts'],
      outfile: join(outDir, 'main', 'index.cjs'),
      platform: 'node',
      // Electron 45's Node is at least 22.
      target: 'node22',
      external: mainExternals,
    }),
    build({
      ...common,
      entryPoints: ['node/backend/backend-thread-entry.ts'],
      outfile: join(outDir, 'main', 'backend-thread.cjs'),
      platform: 'node',
      target: 'node22',
      external: mainExternals,
    }),
    build({
      ...common,
      entryPoints: ['electron/preload/index.ts'],
      outfile: join(outDir, 'preload', 'index.cjs'),
      // A sandboxed preload has browser globals and a require() that knows only electron.
      platform: 'browser',
      target: 'chrome130',
      external: ['electron'],
    }),
  ]);
  mkdirSync(join(outDir, 'main'), { recursive: true });
  for (const icon of ['tray-icon.png', 'tray-icon@2x.png']) {
    copyFileSync(join(root, 'build', icon), join(outDir, 'main', icon));
  }
}

async function main() {
  const { values } = parseArgs({
    options: { 'out-dir': { type: 'string' }, 'no-native': { type: 'boolean' } },
  });
  const outDir = resolve(root, values['out-dir'] ?? 'out');
  await bundleElectron(outDir);
  console.log(
    `mull: built ${join(outDir, 'main', 'index.cjs')} and ${join(outDir, 'preload', 'index.cjs')}.`,
  );
  if (!values['no-native']) buildElectronSqlite(outDir);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
