import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from './web-preferences.js';

const preload = '/opt/Mull/resources/app.asar/out/preload/index.cjs';

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences({ preload, devTools: false });

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
    ['spellcheck', false],
    ['safeDialogs', true],
    ['plugins', false],
    ['enableWebSQL', false],
    ['webgl', false],
    ['autoplayPolicy', 'document-user-activation-required'],
  ] as const)('sets %s to %s', (name, value) => {
    expect(prefs[name]).toBe(value);
  });

  it('uses the bundled preload it is given', () => {
    expect(prefs.preload).toBe(preload);
  });

  it('opens DevTools only when asked (development)', () => {
    expect(prefs.devTools).toBe(false);
    expect(secureWebPreferences({ preload, devTools: true }).devTools).toBe(true);
  });

  it('sets nothing that widens the page, such as a partition or additional arguments', () => {
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'preload',
        'contextIsolation',
        'sandbox',
        'nodeIntegration',
        'nodeIntegrationInWorker',
        'nodeIntegrationInSubFrames',
        'webSecurity',
        'allowRunningInsecureContent',
        'experimentalFeatures',
        'webviewTag',
        'navigateOnDragDrop',
        'spellcheck',
        'safeDialogs',
        'plugins',
        'enableWebSQL',
        'javascript',
        'images',
        'webgl',
        'autoplayPolicy',
        'devTools',
      ].sort(),
    );
  });
});
