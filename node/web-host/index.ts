// The web host's public face.
export { startWebHost, defaultStaticDir, type WebHost, type WebHostOptions } from './web-host.js';
export {
  announce,
  serveUntilStopped,
  serveWeb,
  type ServeWebOptions,
  type ServedWeb,
} from './serve-web.js';
export { appVersion } from './app-version.js';
