// The address the renderer is served from: `app://mull/`, a privileged custom scheme (see
// app-protocol.ts). Its own origin keeps the page away from file://'s extra privileges, gives IPC a
// sender to recognise, and lets the CSP say 'self'. No electron import: unit-tested.

export const appScheme = 'app';
export const appHost = 'mull';
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

/** Whether `raw` is a page or file of the app itself (scheme and host both ours, no credentials). */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === `${appScheme}:` &&
    // Node keeps a custom scheme's host as typed; Chromium lower-cases it for a standard scheme.
    url.host.toLowerCase() === appHost &&
    url.username === '' &&
    url.password === ''
  );
}

/** The sender of an IPC message as Electron describes it: a frame, or null once it is gone. */
export interface SenderFrame {
  readonly url: string;
  /** Null for a top-level frame. */
  readonly parent: unknown;
}

/**
 * Whether an IPC message comes from the app's own page: a top-level frame (no iframe, even one of
 * ours) showing an app:// URL. Anything else is refused before the payload is looked at.
 */
export function isOwnFrame(frame: SenderFrame | null | undefined): boolean {
  return frame != null && frame.parent === null && isAppUrl(frame.url);
}
