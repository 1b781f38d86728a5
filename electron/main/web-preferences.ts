// The one place a window's webPreferences are made: every security-relevant value is written out,
// so no Electron default (which changed across versions) decides how safe the page is.
import type { WebPreferences } from 'electron';

export interface WindowPreferencesInput {
  /** Absolute path of the bundled preload (out/preload/index.cjs). */
  preload: string;
  /** DevTools in development only: a packaged app gives a page no way to open them. */
  devTools: boolean;
}

export function secureWebPreferences({
  preload,
  devTools,
}: WindowPreferencesInput): WebPreferences {
  return {
    preload,
    // The page and the preload live in separate JavaScript worlds; the page sees only window.mull.
    contextIsolation: true,
    // The renderer process is sandboxed by the OS: no Node, no file system, even if compromised.
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // Dropping a file or link on the window must not navigate away from the app.
    navigateOnDragDrop: false,
    // Off: on Linux and Windows Chromium would download Hunspell dictionaries from Google's servers,
    // and the app promises the renderer side talks to no one. Prompts are mostly technical text.
    spellcheck: false,
    // A page that loops on alert() gets a checkbox to stop it.
    safeDialogs: true,
    plugins: false,
    enableWebSQL: false,
    javascript: true,
    images: true,
    webgl: false,
    autoplayPolicy: 'document-user-activation-required',
    devTools,
  };
}
