import { describe, expect, it } from 'vitest';
import { isOpenableLink, safeUrl } from './safe-url.js';

describe('safeUrl', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/png;base64,AAAA',
    'file:///etc/passwd',
    'blob:https://example.com/uuid',
    '//evil.example/x',
    '/relative/path',
    'relative',
    'ftp://example.com/',
    'chrome://settings',
  ])('drops %j', (url) => expect(safeUrl(url)).toBe(''));

  it.each([
    ['https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'],
    ['http://example.com', 'http://example.com/'],
    ['mailto:someone@example.com', 'mailto:someone@example.com'],
    ['#user-content-fn-1', '#user-content-fn-1'],
  ])('keeps %j', (url, kept) => expect(safeUrl(url)).toBe(kept));
});

describe('isOpenableLink', () => {
  it('opens https links only', () => {
    expect(isOpenableLink('https://example.com')).toBe(true);
    expect(isOpenableLink('http://example.com')).toBe(false);
    expect(isOpenableLink('mailto:a@example.com')).toBe(false);
    expect(isOpenableLink('not a url')).toBe(false);
  });
});
