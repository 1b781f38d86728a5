// The person's words become quoted FTS5 terms, the last one a prefix; nothing else gets through.
import { describe, expect, it } from 'vitest';
import { toFtsQuery } from './fts-query.js';

describe('toFtsQuery', () => {
  it('quotes each word and makes the last a prefix', () => {
    expect(toFtsQuery('riemann zeta')).toBe('"riemann" "zeta"*');
    expect(toFtsQuery('  spaced\tout\n')).toBe('"spaced" "out"*');
  });

  it('escapes quotes and keeps operators as text', () => {
    expect(toFtsQuery('say "hi" AND title:x')).toBe('"say" """hi""" "AND" "title:x"*');
  });

  it('drops words with nothing searchable, and gives null when none is left', () => {
    expect(toFtsQuery('!!! primes ???')).toBe('"primes"*');
    expect(toFtsQuery('🎉 ... "')).toBeNull();
    expect(toFtsQuery('')).toBeNull();
  });

  it('keeps words in any script', () => {
    expect(toFtsQuery('東京 Ωmega ١٢٣')).toBe('"東京" "Ωmega" "١٢٣"*');
  });
});
