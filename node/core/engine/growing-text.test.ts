// A growing text hands out what each write adds, and where it starts, without reading the whole.
import { expect, it } from 'vitest';
import { GrowingText } from './growing-text.js';

it('hands out what was pushed since the last take, starting where the stored text ends', () => {
  const text = new GrowingText('Stored. ');
  expect(text.takeAppend()).toEqual({ from: 8, text: '' });
  text.push('New ');
  text.push('🧠 ');
  expect(text.text).toBe('Stored. New 🧠 ');
  text.push('text.');
  expect(text.takeAppend()).toEqual({ from: 8, text: 'New 🧠 text.' });
  expect(text.takeAppend()).toEqual({ from: 20, text: '' });
  text.push('');
  text.push('!');
  expect(text.takeAppend()).toEqual({ from: 20, text: '!' });
  expect(text.text).toBe('Stored. New 🧠 text.!');
});

it('is started once text is stored or pieces wait, as the fold decided before', () => {
  expect(new GrowingText('').started).toBe(false);
  expect(new GrowingText('x').started).toBe(true);
  const empty = new GrowingText('');
  empty.push('');
  expect(empty.started).toBe(true); // until joined: a separator then follows, as before
});

it('writes a piece that is not a string as Array.join would, in the text and the append', () => {
  const text = new GrowingText('a');
  text.push('b');
  text.push(7 as unknown as string);
  expect(text.text).toBe('ab7');
  text.push(undefined as unknown as string);
  text.push('c');
  expect(text.text).toBe('ab7c');
  expect(text.takeAppend()).toEqual({ from: 1, text: 'b7c' });
  text.push('d');
  expect(text.takeAppend()).toEqual({ from: 4, text: 'd' });
  expect(text.text).toBe('ab7cd');
});
