// Groups of blocks close at a size limit and, as the text grows, the closed ones stay the same
// objects (the view compares them by identity and skips re-rendering them).
import { describe, expect, it } from 'vitest';
import { groupBlocks } from './markdown-groups.js';

const limits = { maxChars: 10, maxBlocks: 3 };

describe('groupBlocks', () => {
  it('closes a group at its character or block limit', () => {
    const groups = groupBlocks(['aaaaaaaaaaaa', 'b', 'c', 'd', 'e', 'f'], [], limits);
    expect(groups.map((g) => g.blocks)).toEqual([['aaaaaaaaaaaa'], ['b', 'c', 'd'], ['e', 'f']]);
    expect(groups.map((g) => g.chars)).toEqual([12, 3, 2]);
  });

  it('keeps the closed groups of a shorter text and regroups only the last', () => {
    const blocks = ['aaaaaaaaaaaa', 'b', 'c', 'd', 'e'];
    const before = groupBlocks(blocks, [], limits);
    const after = groupBlocks([...blocks.slice(0, 4), 'e grown', 'f'], before, limits);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(after.map((g) => g.blocks)).toEqual([
      ['aaaaaaaaaaaa'],
      ['b', 'c', 'd'],
      ['e grown', 'f'],
    ]);
  });

  it('regroups from where a block before the last changed', () => {
    const before = groupBlocks(['aaaaaaaaaaaa', 'b', 'c', 'd', 'e'], [], limits);
    const after = groupBlocks(['x', 'b', 'c', 'd', 'e'], before, limits);
    expect(after[0]).not.toBe(before[0]);
    expect(after.map((g) => g.blocks)).toEqual([
      ['x', 'b', 'c'],
      ['d', 'e'],
    ]);
  });
});
