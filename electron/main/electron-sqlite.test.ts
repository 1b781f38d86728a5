import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, sqliteNativeBindingVariable } from '../../node/core/store/index.js';
import { useElectronSqliteBuild } from './electron-sqlite.js';

const require = createRequire(import.meta.url);
/** The Node-ABI build the tests use, standing in for an Electron build. */
const nodeBuild = join(
  dirname(require.resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);

describe('the Electron build of better-sqlite3', () => {
  const saved = process.env[sqliteNativeBindingVariable];
  const dirs: string[] = [];
  afterEach(() => {
    if (saved === undefined) Reflect.deleteProperty(process.env, sqliteNativeBindingVariable);
    else process.env[sqliteNativeBindingVariable] = saved;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'mull-sqlite-'));
    dirs.push(dir);
    return dir;
  };

  it('is used from a checkout when it has been built', () => {
    Reflect.deleteProperty(process.env, sqliteNativeBindingVariable);
    useElectronSqliteBuild(nodeBuild, false);
    expect(process.env[sqliteNativeBindingVariable]).toBe(nodeBuild);
  });

  it('is not used by a packaged app, nor when it is missing, nor over an explicit choice', () => {
    Reflect.deleteProperty(process.env, sqliteNativeBindingVariable);
    useElectronSqliteBuild(nodeBuild, true);
    expect(process.env[sqliteNativeBindingVariable]).toBeUndefined();
    useElectronSqliteBuild(join(tmpdir(), 'missing', 'better_sqlite3.node'), false);
    expect(process.env[sqliteNativeBindingVariable]).toBeUndefined();
    process.env[sqliteNativeBindingVariable] = '/chosen/better_sqlite3.node';
    useElectronSqliteBuild(nodeBuild, false);
    expect(process.env[sqliteNativeBindingVariable]).toBe('/chosen/better_sqlite3.node');
  });

  it('is what the store loads when the variable names it', () => {
    process.env[sqliteNativeBindingVariable] = nodeBuild;
    openDatabase(dataDir()).close();
    const missing = join(tmpdir(), 'no-such-dir', 'better_sqlite3.node');
    process.env[sqliteNativeBindingVariable] = missing;
    expect(() => openDatabase(dataDir())).toThrow(/no-such-dir/u);
  });
});
