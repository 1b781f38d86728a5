// holdsAt answers as startsWith does, at every offset, for every kind of text.
import { expect, it } from 'vitest';
import { holdsAt } from './text-prefix.js';

it('answers as startsWith does', () => {
  const texts = ['', 'a', 'ab', 'abc', 'b', 'bc', 'c', 'naïve 🧠 text', '🧠', '\ud83e'];
  for (const text of texts) {
    for (const part of texts) {
      for (let at = 0; at <= text.length + 1; at++) {
        expect(holdsAt(text, part, at), `${text} ${part} ${at}`).toBe(text.startsWith(part, at));
      }
    }
  }
});

it('compares a long text with its own growth', () => {
  const before = 'Paragraph. '.repeat(200_000);
  const after = `${before}More.`;
  expect(holdsAt(after, before)).toBe(true);
  expect(holdsAt(after, `${before.slice(0, -1)}!`)).toBe(false);
  expect(holdsAt(before, after)).toBe(false);
});
