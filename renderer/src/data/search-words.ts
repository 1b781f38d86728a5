// When the search box's words are worth a search: one Latin letter matches nearly every job and
// reads a large part of the index on each key press, so a search waits for a second character.
// One character of a script that writes words without letters (Han, kana) is a word: searched.
const wordCharacter = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function isSearchable(words: string): boolean {
  const trimmed = words.trim();
  let count = 0;
  for (const _ of graphemes.segment(trimmed)) if (++count >= 2) return true;
  return count === 1 && wordCharacter.test(trimmed);
}
