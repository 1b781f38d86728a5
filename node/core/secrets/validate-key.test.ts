// What set() accepts as an API key, and what of a key may be shown (maskKey).
import { describe, expect, it } from 'vitest';
import { KeychainUnavailableError, maskKey, maxKeyLength, osKeychain } from './index.js';
import { validateKey } from './validate-key.js';

describe('set() input validation', () => {
  // Invalid keys are refused before the keychain is touched, so these run without one.
  const keychain = osKeychain('app.mull.test.validation');

  it.each([
    ['empty', '', /empty/u],
    ['only whitespace', ' \n\t ', /empty/u],
    ['a space inside', 'sk-abc def', /spaces or line breaks/u],
    ['a newline inside', 'sk-abc\ndef', /spaces or line breaks/u],
    ['two keys pasted', 'sk-one\r\nsk-two', /spaces or line breaks/u],
    ['a control character', 'sk-abc\u0000def', /control characters/u],
    ['too long', `sk-${'x'.repeat(maxKeyLength)}`, /longer than 1000/u],
  ])('refuses a key that is %s', async (_name, key, message) => {
    const attempt = keychain.set('openai', key);
    await expect(attempt).rejects.toThrow(message);
    await expect(attempt).rejects.not.toBeInstanceOf(KeychainUnavailableError);
  });

  it('never quotes the key in its message', () => {
    const key = `sk-secret-${'y'.repeat(maxKeyLength)}`;
    expect(() => validateKey(key)).toThrow(/characters long/u);
    expect(() => validateKey(key)).not.toThrow(/sk-secret/u);
    expect(() => validateKey('sk-secret part')).not.toThrow(/sk-secret/u);
  });

  it('trims a key pasted with surrounding whitespace and accepts up to 1000 characters', () => {
    expect(validateKey('  sk-abc123\n')).toBe('sk-abc123');
    const longest = 'k'.repeat(maxKeyLength);
    expect(validateKey(`${longest}\n`)).toBe(longest);
  });
});

describe('maskKey', () => {
  it('shows the last 4 characters only', () => {
    expect(maskKey('sk-proj-abcdefghijklmnopqrstuvwxyz0123')).toBe('0123');
    expect(maskKey('sk-abcd1234\n')).toBe('1234');
  });

  it('shows nothing of a key too short to hide most of it', () => {
    expect(maskKey('')).toBe('');
    expect(maskKey('abcd')).toBe('');
    expect(maskKey('sk-abcd')).toBe('');
    expect(maskKey('sk-abcde')).toBe('bcde');
  });
});
