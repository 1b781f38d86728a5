// The session's own defences, under the CSP: web permissions refused (see permission-policy.ts),
// and no request from the page's session to the network at all. The engine talks to the provider
// from Node in the main process, outside Chromium's network stack, so this blocks only the page.
import type { Session } from 'electron';
import { isPermissionAllowed } from './permission-policy.js';

const networkSchemes = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

export function secureSession(session: Session, log: (message: string) => void): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const allowed = isPermissionAllowed(permission, details.requestingUrl || contents.getURL());
    if (!allowed) log(`Refused the page's request for the '${permission}' permission.`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  // USB, HID and serial devices: no page gets one.
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: networkSchemes }, (details, callback) => {
    log(`Blocked a request from the page to ${new URL(details.url).origin}.`);
    callback({ cancel: true });
  });
}
