import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security/csp.js';
import { appFilePath, appResponseHeaders, contentTypeFor, isPageRoute } from './app-files.js';

const root = join('/opt', 'Mull', 'out', 'renderer');

describe('appFilePath', () => {
  it.each([
    ['app://mull/', 'index.html'],
    ['app://mull/index.html', 'index.html'],
    ['app://mull/assets/index-Bx1.js', join('assets', 'index-Bx1.js')],
    ['app://mull/assets/a%20b.css', join('assets', 'a b.css')],
    ['app://mull/index.html?x=1#top', 'index.html'],
    // The URL parser resolves dot segments, %-encoded ones too, against the root: never above it.
    ['app://mull/%2e%2e/%2e%2e/main/index.cjs', join('main', 'index.cjs')],
  ])('maps %s into the root', (url, file) => {
    expect(appFilePath(root, url)).toBe(join(root, file));
  });

  it.each([
    ['another host', 'app://other/index.html'],
    ['another scheme', 'file:///opt/Mull/out/renderer/index.html'],
    ['an encoded slash and parent', 'app://mull/assets%2f..%2f..%2f..%2fsecret'],
    ['an encoded backslash', 'app://mull/..%5c..%5csecret'],
    ['an encoded NUL', 'app://mull/index.html%00.png'],
    ['a broken escape', 'app://mull/%E0%A4%A'],
    ['not a URL', 'nonsense'],
  ])('refuses %s', (_name, url) => {
    expect(appFilePath(root, url)).toBeUndefined();
  });

  it('never leaves the root, whatever the path', () => {
    for (const path of ['/..', '/../..', '/a/../../b', '/%2e%2e', '/./../x']) {
      const file = appFilePath(root, `app://mull${path}`);
      if (file !== undefined) expect(file.startsWith(root)).toBe(true);
    }
  });
});

describe('isPageRoute', () => {
  it('treats extensionless paths as routes of the page, files as assets', () => {
    expect(isPageRoute(join(root, 'jobs', 'abc'))).toBe(true);
    expect(isPageRoute(join(root, 'assets', 'missing.js'))).toBe(false);
  });
});

describe('contentTypeFor', () => {
  it('names the types the renderer build emits', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});

describe('appResponseHeaders', () => {
  it('sends the shared CSP and refuses sniffing and framing', () => {
    const headers = appResponseHeaders('text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['X-Frame-Options']).toBe('DENY');
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
  });
});
