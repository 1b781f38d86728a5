// Turns what a person typed into a safe FTS5 query: every word quoted (so AND, OR, NEAR, column
// filters, quotes and stars are just text), all words required, the last one matched as a prefix
// so results follow the typing.

/** Letters, digits and private-use characters: what the unicode61 tokenizer keeps as words. */
const wordCharacter = /[\p{L}\p{N}\p{Co}]/u;

/** The FTS5 MATCH expression for `words`, or null when they hold nothing searchable. */
export function toFtsQuery(words: string): string | null {
  const terms = words.split(/\s+/u).filter((term) => wordCharacter.test(term));
  if (terms.length === 0) return null;
  const quoted = terms.map((term) => `"${term.replaceAll('"', '""')}"`);
  return `${quoted.join(' ')}*`;
}
