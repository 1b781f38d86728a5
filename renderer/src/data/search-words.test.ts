// A search waits for a second letter, except for a single Han or kana character, which is a word.
import { describe, expect, it } from 'vitest';
import { isSearchable } from './search-words.js';

describe('isSearchable', () => {
  it.each([
    ['', false],
    ['  ', false],
    ['a', false],
    [' é ', false],
    ['e\u0301', false],
    ['ab', true],
    ['a b', true],
    ['猫', true],
    ['ね', true],
    ['🧠', false],
  ])('%j -> %s', (words, searchable) => {
    expect(isSearchable(words)).toBe(searchable);
  });
});
