// better-sqlite3 for Electron's ABI, for `electron .` from a checkout, kept in out/electron-sqlite/
// so that node_modules keeps the Node build the tests need. Electron's main process loads it through
// MULL_SQLITE_NATIVE_BINDING (electron/main/electron-sqlite.ts). A package does not use it:
// electron-builder rebuilds node_modules/better-sqlite3 for Electron (npmRebuild).
//
// It is made the way better-sqlite3's own install script makes the Node build: a prebuilt binary
// for this Electron version (prebuild-install), else a compile against Electron's headers
// (node-gyp). Both download, so it runs only where the Electron binary itself could be installed.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function packageDir(name) {
  return dirname(require.resolve(`${name}/package.json`));
}

function versionOf(name) {
  return JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')).version;
}

/** Builds out/electron-sqlite/better_sqlite3.node if the Electron binary is installed. */
export function buildElectronSqlite(outDir) {
  const electronDir = packageDir('electron');
  if (!existsSync(join(electronDir, 'path.txt'))) {
    console.log(
      'mull: no Electron binary installed, so no Electron build of better-sqlite3 is needed here.',
    );
    return;
  }
  const target = join(outDir, 'electron-sqlite');
  const binding = join(target, 'better_sqlite3.node');
  const stampFile = join(target, 'stamp.json');
  const stamp = JSON.stringify({
    electron: versionOf('electron'),
    betterSqlite3: versionOf('better-sqlite3'),
    platform: process.platform,
    arch: process.arch,
  });
  if (existsSync(binding) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    return; // already built for this Electron and this better-sqlite3
  }

  // Build in a copy of the package: nothing under node_modules changes.
  const work = join(target, 'work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(packageDir('better-sqlite3'), work, {
    recursive: true,
    filter: (source) => !source.startsWith(join(packageDir('better-sqlite3'), 'build')),
  });
  const electronVersion = versionOf('electron');
  const flags = [`--runtime=electron`, `--target=${electronVersion}`, `--arch=${process.arch}`];
  const run = (args) =>
    spawnSync(process.execPath, args, { cwd: work, stdio: 'inherit' }).status === 0;
  const built =
    run([
      join(packageDir('prebuild-install'), 'bin.js'),
      ...flags,
      `--platform=${process.platform}`,
    ]) ||
    (process.env.npm_config_node_gyp !== undefined &&
      run([
        process.env.npm_config_node_gyp,
        'rebuild',
        '--release',
        ...flags,
        '--dist-url=https://electronjs.org/headers',
      ]));
  const output = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!built || !existsSync(output)) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(
      `Could not build better-sqlite3 for Electron ${electronVersion}; \`electron .\` cannot open the database without it.`,
    );
  }
  copyFileSync(output, binding);
  writeFileSync(stampFile, stamp);
  rmSync(work, { recursive: true, force: true });
  console.log(`mull: better-sqlite3 built for Electron ${electronVersion} in ${target}.`);
}
