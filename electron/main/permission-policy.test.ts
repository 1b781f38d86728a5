import { describe, expect, it } from 'vitest';
import { appEntryUrl } from './app-url.js';
import { isPermissionAllowed } from './permission-policy.js';

describe('isPermissionAllowed', () => {
  it.each([
    'clipboard-read',
    'deprecated-sync-clipboard-read',
    'media',
    'display-capture',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'openExternal',
    'fullscreen',
    'pointerLock',
    'keyboardLock',
    'hid',
    'serial',
    'usb',
    'fileSystem',
    'idle-detection',
    'storage-access',
    'window-management',
    'unknown',
  ])('refuses %s, even to the app page', (permission) => {
    expect(isPermissionAllowed(permission, appEntryUrl)).toBe(false);
  });

  it('lets the app page write text to the clipboard', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', appEntryUrl)).toBe(true);
  });

  it('refuses clipboard writes to any other page', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', '')).toBe(false);
  });
});
