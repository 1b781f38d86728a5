// Cuts text into the deltas a model would stream. Deltas never split a code point (the real API
// sends whole strings), but they do split grapheme clusters such as emoji with modifiers or letters
// with combining marks, as real tokenizers do.

const wordWithTrailingSpace = /\S+\s*|\s+/gu;

/** Splits `text` into deltas: one word (with its trailing space) each, or at most `maxChars` code points. */
export function splitIntoDeltas(text: string, maxChars?: number): string[] {
  if (text === '') return [];
  if (maxChars !== undefined) return chunkCodePoints(text, maxChars);
  const words = text.match(wordWithTrailingSpace) ?? [text];
  // Long words (URLs, CJK runs without spaces) are cut like a tokenizer would: a few characters each.
  return words.flatMap((word) => chunkCodePoints(word, 6));
}

function chunkCodePoints(text: string, maxChars: number): string[] {
  const codePoints = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < codePoints.length; i += maxChars) {
    out.push(codePoints.slice(i, i + maxChars).join(''));
  }
  return out;
}

/** Repeats `unit` until the answer has exactly `count` deltas. */
export function deltasOfLength(unit: string, count: number, maxChars?: number): string[] {
  const unitDeltas = splitIntoDeltas(unit, maxChars);
  if (unitDeltas.length === 0) throw new Error('answer text is empty');
  const out = new Array<string>(count);
  for (let i = 0; i < count; i++) out[i] = unitDeltas[i % unitDeltas.length] as string;
  return out;
}

/** A rough token count (about four characters per token), at least 1 for non-empty text. */
export function estimateTokens(text: string): number {
  return text === '' ? 0 : Math.max(1, Math.ceil(Array.from(text).length / 4));
}
