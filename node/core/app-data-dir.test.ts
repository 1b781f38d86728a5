import { describe, expect, it } from 'vitest';
import { appDataDir, defaultDataDir } from './app-data-dir.js';

describe('the data directory', () => {
  it.each([
    ['linux', {}, '/home/ada/.local/share/Mull'],
    ['linux', { XDG_DATA_HOME: '/data/xdg' }, '/data/xdg/Mull'],
    ['linux', { XDG_DATA_HOME: 'relative/ignored' }, '/home/ada/.local/share/Mull'],
    ['freebsd', {}, '/home/ada/.local/share/Mull'],
    ['darwin', {}, '/home/ada/Library/Application Support/Mull'],
  ] as const)('%s %j', (os, env, expected) => {
    expect(appDataDir({ os, env, home: '/home/ada' })).toBe(expected);
  });

  it('Windows: %APPDATA%\\Mull', () => {
    const home = 'C:\\Users\\Ada';
    expect(
      appDataDir({ os: 'win32', env: { APPDATA: 'C:\\Users\\Ada\\AppData\\Roaming' }, home }),
    ).toBe('C:\\Users\\Ada\\AppData\\Roaming\\Mull');
    expect(appDataDir({ os: 'win32', env: {}, home })).toBe(
      'C:\\Users\\Ada\\AppData\\Roaming\\Mull',
    );
  });

  it('MULL_DATA_DIR wins', () => {
    expect(defaultDataDir({ os: 'linux', env: { MULL_DATA_DIR: '/tmp/m' }, home: '/h' })).toBe(
      '/tmp/m',
    );
    expect(defaultDataDir({ os: 'linux', env: { MULL_DATA_DIR: '' }, home: '/h' })).toBe(
      '/h/.local/share/Mull',
    );
  });
});
