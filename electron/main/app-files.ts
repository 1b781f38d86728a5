// What app:// serves: files of the built renderer (out/renderer) and nothing outside it, each with
// the CSP and headers that keep the page inert. No electron import: unit-tested.
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { contentSecurityPolicy } from '../../shared/security/csp.js';
import { appHost, appScheme } from './app-url.js';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/**
 * The file under `rootDir` that an app:// request asks for, or undefined for another host, a path
 * that leaves the root (also when %-encoded), or a malformed one. `/` is index.html.
 */
export function appFilePath(rootDir: string, requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${appScheme}:` || url.host.toLowerCase() !== appHost) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return undefined; // a lone % or a broken UTF-8 sequence
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const file = join(rootDir, path === '/' || path === '' ? 'index.html' : path);
  const inside = relative(rootDir, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return undefined;
  }
  return file;
}

/**
 * A request for a missing path without an extension is a route of the single-page app (a reload
 * on /jobs/abc): it gets index.html. A missing asset stays a 404.
 */
export function isPageRoute(file: string): boolean {
  return extname(file) === '';
}

export function contentTypeFor(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The headers of every app:// response: the CSP above all. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    // No guessing a script out of a text file, no framing, no referrer to anyone.
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}
