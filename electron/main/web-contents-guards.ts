// Every web contents the app ever creates (the window, DevTools, anything a bug might open) is held
// to the same rules: no navigation away from the app, no new windows, no <webview>. A link to an
// https page opens in the person's browser instead.
import type { App, WebContents } from 'electron';
import { isAppUrl } from './app-url.js';
import { safeExternalUrl } from './external-url.js';

export interface GuardDeps {
  /** Opens a URL (already checked by safeExternalUrl) with the OS. */
  openExternal: (url: string) => Promise<void>;
  log: (message: string, error?: unknown) => void;
}

export function guardAllWebContents(app: App, deps: GuardDeps): void {
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, deps);
  });
}

function guardWebContents(contents: WebContents, { openExternal, log }: GuardDeps): void {
  const openOutside = (url: string) => {
    const safe = safeExternalUrl(url);
    if (safe === undefined) {
      log(`Refused to open a link that is not https: ${describe(url)}`);
      return;
    }
    openExternal(safe).catch((error: unknown) => log('Opening a link failed', error));
  };

  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    // A plain link click in the page: the person meant to visit it, in their browser.
    if (event.isMainFrame) openOutside(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** A URL for the log: its scheme and host only (a query string may hold anything). */
function describe(url: string): string {
  try {
    const { protocol, host } = new URL(url);
    return `${protocol}//${host}`;
  } catch {
    return '(not a URL)';
  }
}
