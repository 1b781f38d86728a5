import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from './external-url.js';

describe('safeExternalUrl: which links the OS may open', () => {
  it.each([
    'https://openai.com',
    'https://platform.openai.com/docs/guides/background?x=1#y',
    'HTTPS://example.com/',
    'HtTpS://example.com/path',
    'https://127.0.0.1:8443/',
    'https://[::1]/',
    'https://xn--bcher-kva.example/',
  ])('lets %s through', (raw) => {
    expect(safeExternalUrl(raw)).toBeDefined();
  });

  it.each([
    ['file', 'file:///etc/passwd'],
    ['file on Windows', 'file://C:/Windows/System32/calc.exe'],
    ['javascript', 'javascript:alert(1)'],
    ['JAVASCRIPT upper-case', 'JAVASCRIPT:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['smb', 'smb://attacker/share/payload.exe'],
    ['ms-msdt', 'ms-msdt:/id PCWDiagnostic /skip force'],
    ['search-ms', 'search-ms:query=x&crumb=location:\\\\attacker\\share'],
    ['vbscript', 'vbscript:msgbox(1)'],
    ['http', 'http://example.com/'],
    ['mailto', 'mailto:someone@example.com'],
    ['a custom app scheme', 'app://mull/index.html'],
    ['credentials', 'https://user:pass@example.com/'],
    ['a user name only', 'https://user@example.com/'],
    ['a password only', 'https://:pass@example.com/'],
    ['leading space', ' https://example.com/'],
    ['trailing space', 'https://example.com/ '],
    ['trailing newline', 'https://example.com/\n'],
    ['an embedded tab', 'https://exa\tmple.com/'],
    ['an embedded newline', 'https://example.com/\npath'],
    ['an embedded space', 'https://example.com/a b'],
    ['a NUL', 'https://example.com/\u0000'],
    ['DEL', 'https://example.com/\u007f'],
    ['a C1 control', 'https://example.com/\u0085'],
    ['a zero-width space', 'https://exam\u200bple.com/'],
    ['a right-to-left override', 'https://example.com/\u202egpj.exe'],
    ['a no-break space', 'https://example.com/\u00a0'],
    ['https with no host', 'https://'],
    ['https: alone', 'https:'],
    ['a relative URL', '//example.com/'],
    ['a bare host', 'example.com'],
    ['the empty string', ''],
  ])('refuses %s', (_name, raw) => {
    expect(safeExternalUrl(raw)).toBeUndefined();
  });

  it('hands the OS the normalized URL, not the raw text', () => {
    expect(safeExternalUrl('HTTPS://Example.COM')).toBe('https://example.com/');
  });
});
