// Which better_sqlite3.node every connection of the store loads (open-database.ts, writer-marks.ts).

/**
 * Names a better_sqlite3.node to load instead of the one in node_modules: the Electron app started
 * from a checkout uses a build for Electron's ABI, while node_modules keeps Node's for the tests.
 */
export const sqliteNativeBindingVariable = 'MULL_SQLITE_NATIVE_BINDING';

export function nativeBinding(): { nativeBinding?: string } {
  const path = process.env[sqliteNativeBindingVariable];
  return path ? { nativeBinding: path } : {};
}
