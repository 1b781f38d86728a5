// Which web permissions a page gets: none, except writing text to the clipboard from the app's
// own page (the "copy answer" button; Chromium asks for 'clipboard-sanitized-write'). Reading the
// clipboard, the camera, notifications from the page, geolocation... are all refused.
// No electron import: unit-tested.
import { isAppUrl } from './app-url.js';

const allowedForAppPages: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return allowedForAppPages.has(permission) && isAppUrl(requestingUrl);
}
