import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactLogValue, redactSecrets } from './redact-secrets.js';

const urlSafe = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const alnum = urlSafe.slice(0, 62);
const hex = '0123456789abcdef';
const base64 = `${alnum}+/`;

const chars = (alphabet: string, min: number, max: number) =>
  fc
    .array(fc.constantFrom(...Array.from(alphabet)), { minLength: min, maxLength: max })
    .map((list) => list.join(''))
    // Every generated key has a digit and a letter; a run without either is not a key.
    .filter((s) => /[0-9]/u.test(s) && /[A-Za-z]/u.test(s));

/** The kinds of secret Mull holds: OpenAI keys, Azure keys, Entra tokens, other servers' keys. */
const secret = fc.oneof(
  fc
    .tuple(fc.constantFrom('sk-', 'sk-proj-', 'sk-svcacct-', 'sk-admin-'), chars(urlSafe, 20, 164))
    .map(([prefix, body]) => prefix + body),
  chars(hex, 32, 32),
  fc
    .tuple(chars(urlSafe, 20, 60), chars(urlSafe, 40, 200), chars(urlSafe, 40, 86))
    .map(([a, b, c]) => `eyJ${a}.${b}.${c}`),
  chars(urlSafe, 32, 96),
  // Standard base64 with + and at most one '/': with more it reads as a path (see redactRun).
  chars(base64, 32, 88).filter((s) => s.split('/').length <= 2),
);

/** Where a key could end up in a log line. */
const placements: ((key: string) => string)[] = [
  (key) => key,
  (key) => `key ${key} rejected`,
  (key) => `Authorization: Bearer ${key}`,
  (key) => `{"api-key":"${key}","model":"gpt-5-pro"}`,
  (key) => `apiKey=${key}&x=1`,
  (key) => `https://example.com/v1/responses?token=${key}`,
  (key) => `Error: 401 Incorrect API key provided: ${key}. You can find your API key at ...`,
  (key) => `'${key}'`,
  (key) => `(${key})`,
  (key) => `OPENAI_API_KEY=${key}`,
];

describe('redactSecrets', () => {
  it('never lets a key through, wherever it sits in a line', () => {
    fc.assert(
      fc.property(secret, fc.nat(placements.length - 1), (key, index) => {
        const place = placements[index] ?? ((k: string) => k);
        const line = redactSecrets(place(key));
        expect(line).not.toContain(key);
        // Nor a telling piece of it.
        for (const part of key.split(/[.+/]/u)) {
          if (part.length >= 16) expect(line).not.toContain(part);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['an OpenAI key', 'sk-proj-abcDEF1234567890abcdefGHIJ'],
    ['a short sk- key', 'sk-abc123'],
    ['an Azure key', '0123456789abcdef0123456789abcdef'],
    ['a bearer token', 'Bearer abc.def'],
  ])('hides %s', (_name, key) => {
    const line = redactSecrets(`header ${key} end`);
    expect(line).not.toContain(key);
    expect(line).toContain('[redacted]');
  });

  it('keeps ordinary log lines readable', () => {
    const lines = [
      'jobs:submit failed (REFUSED)',
      'job 3f2a9c41-d07e-4b8a-9c1e-0123456789ab reconnecting from cursor 1234',
      'resp_68c1f0b2a5c88190a1b2c3d4e5f60718293a4b5c6d7e8f90 completed in 184 s',
      'at JobDriver.run (/home/person/Mull/resources/app.asar/out/main/index.cjs:1234:56)',
      'at /home/person/.local/share/Mull/node_modules/better-sqlite3/lib/database.js:65:12',
      'The Mull database at /home/person/.local/share/Mull/mull.sqlite3 is damaged',
      'Authorization failed for provider openai',
      '12 input tokens, 3400 output tokens',
    ];
    for (const line of lines) expect(redactSecrets(line)).toBe(line);
  });
});

describe('redactLogValue', () => {
  it('redacts an error message, its stack and its causes', () => {
    const key = 'sk-proj-Zx9Zx9Zx9Zx9Zx9Zx9Zx9Zx9';
    const error = new Error(`outer with ${key}`, { cause: new Error(`inner ${key}`) });
    const text = redactLogValue(error);
    expect(text).not.toContain(key);
    expect(text).toContain('outer with');
    expect(text).toContain('Caused by: Error: inner');
  });

  it('redacts inside objects', () => {
    const key = '0123456789abcdef0123456789abcdef';
    expect(redactLogValue({ headers: { 'api-key': key } })).not.toContain(key);
  });

  it('leaves plain text alone', () => {
    expect(redactLogValue('hello')).toBe('hello');
  });
});
