// Where Mull keeps its data (the SQLite database, the driver lock): one place for the desktop app and
// the `mull` command line, so both see the same jobs. Electron's own userData path is not used: the
// CLI must find the directory without Electron, and on Linux jobs are data, not configuration (XDG).
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export interface Platform {
  os: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
}

/** This process's platform, environment and home directory. */
export function currentPlatform(): Platform {
  return { os: process.platform, env: process.env, home: homedir() };
}

/**
 * The platform's application data directory for Mull: `${XDG_DATA_HOME:-~/.local/share}/Mull` on
 * Linux and other Unixes, `~/Library/Application Support/Mull` on macOS, `%APPDATA%\Mull` on Windows.
 */
export function appDataDir({ os, env, home }: Platform = currentPlatform()): string {
  if (os === 'win32')
    return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), 'Mull');
  if (os === 'darwin') return posix.join(home, 'Library', 'Application Support', 'Mull');
  // The XDG spec says to ignore a relative XDG_DATA_HOME.
  const xdg = env.XDG_DATA_HOME;
  return posix.join(
    xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.local', 'share'),
    'Mull',
  );
}

/** MULL_DATA_DIR when set (tests, several profiles), else the platform's directory. */
export function defaultDataDir(platform: Platform = currentPlatform()): string {
  return platform.env.MULL_DATA_DIR || appDataDir(platform);
}
