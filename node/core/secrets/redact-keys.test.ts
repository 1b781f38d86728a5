// redactKeys: OpenAI-shaped keys (also as servers echo them masked) and every key the engine read
// are masked; ordinary words stay.
import { describe, expect, it } from 'vitest';
import { redactKeys, rememberKey, rememberingKeys } from './redact-keys.js';

const project = `sk-proj-${'Ab3_-x'.repeat(20)}WXYZ`;

describe('redactKeys', () => {
  it.each([
    [`Incorrect API key provided: ${project}.`, 'Incorrect API key provided: sk-…WXYZ.'],
    ['key sk-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKL9876', 'key sk-…9876'],
    ['sk-svcacct-AAAAAAAAAAAAAAAAAAAAAAAAAAAA_BBBB is gone', 'sk-…BBBB is gone'],
    [
      'Incorrect API key provided: sk-proj-********************wxyz.',
      'Incorrect API key provided: sk-…wxyz.',
    ],
    ['Incorrect API key provided: sk-abc...xyz.', 'Incorrect API key provided: [redacted key].'],
    ['Incorrect API key provided: sk-ab…yzAB.', 'Incorrect API key provided: [redacted key].'],
    ['(Bearer sk-abcdefghijklmnopqrstuvwx1234)', '(Bearer sk-…1234)'],
  ])('masks %s', (text, expected) => {
    expect(redactKeys(text)).toBe(expected);
  });

  it.each([
    'disk-based storage, task-runner, sk-learn',
    'HTTP 500: The server had an error while processing your request.',
    'resp_68af4c2e and msg_0123456789abcdef stay',
  ])('keeps %s', (text) => {
    expect(redactKeys(text)).toBe(text);
  });

  it('keeps null, undefined and the empty string as they are', () => {
    expect(redactKeys(null)).toBeNull();
    expect(redactKeys(undefined)).toBeUndefined();
    expect(redactKeys('')).toBe('');
  });

  it('masks a key of any shape once the engine has read it, even inside other text', async () => {
    const azure = '0123456789abcdef0123456789abcdef';
    expect(redactKeys(`api-key ${azure} refused`)).toBe(`api-key ${azure} refused`);
    const keys = rememberingKeys({
      get: (id: string) => Promise.resolve(id === 'az' ? azure : undefined),
    });
    expect(await keys.get('az')).toBe(azure);
    expect(await keys.get('none')).toBeUndefined();
    expect(redactKeys(`api-key ${azure} refused; again:${azure}!`)).toBe(
      'api-key [redacted key] refused; again:[redacted key]!',
    );
    // A remembered key with characters the pattern stops at goes whole.
    const odd = 'sk-odd/key+with=signs0123456789';
    rememberKey(odd);
    expect(redactKeys(`quoted ${odd} here`)).toBe('quoted sk-…6789 here');
    // Too short to be a key: words are not mangled.
    rememberKey('test');
    expect(redactKeys('a test')).toBe('a test');
  });
});
