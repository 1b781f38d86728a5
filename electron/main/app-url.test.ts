import { describe, expect, it } from 'vitest';
import { appEntryUrl, isAppUrl, isOwnFrame } from './app-url.js';

describe('isAppUrl', () => {
  it.each([appEntryUrl, 'app://mull/', 'app://mull/assets/index-abc.js', 'APP://MULL/index.html'])(
    'accepts %s',
    (raw) => {
      expect(isAppUrl(raw)).toBe(true);
    },
  );

  it.each([
    'app://other/index.html',
    'app://mull.evil/index.html',
    'app://user@mull/index.html',
    'app://mull:1234/index.html',
    'file:///work/out/renderer/index.html',
    'https://mull/index.html',
    'http://127.0.0.1:5173/',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    'not a url',
    '',
  ])('refuses %s', (raw) => {
    expect(isAppUrl(raw)).toBe(false);
  });
});

describe('isOwnFrame', () => {
  it('accepts the top frame of an app page', () => {
    expect(isOwnFrame({ url: appEntryUrl, parent: null })).toBe(true);
  });

  it('refuses a subframe, even one showing an app page', () => {
    expect(isOwnFrame({ url: appEntryUrl, parent: { url: appEntryUrl } })).toBe(false);
  });

  it('refuses a top frame that navigated elsewhere', () => {
    expect(isOwnFrame({ url: 'https://example.com/', parent: null })).toBe(false);
    expect(isOwnFrame({ url: 'about:blank', parent: null })).toBe(false);
  });

  it('refuses a frame that is gone', () => {
    expect(isOwnFrame(null)).toBe(false);
    expect(isOwnFrame(undefined)).toBe(false);
  });
});
