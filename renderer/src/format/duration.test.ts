import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration.js';

describe('formatDuration', () => {
  it.each([
    [-5, '0 s'],
    [0, '0 s'],
    [8_900, '8 s'],
    [4 * 60_000 + 5_000, '4 min 05 s'],
    [62 * 60_000, '1 h 02 min'],
    [(3 * 24 + 4) * 3_600_000 + 59_000, '3 d 4 h'],
  ])('%i ms reads %j', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
