// Slices of a long answer always move on: a block longer than a slice is shown in a slice of its
// own, so an answer whose next block is a long table or code block is still shown whole.
import { describe, expect, it } from 'vitest';
import { blocksToShow, charsPerSlice, firstSliceChars } from './markdown-slices.js';

function slicesUntilWhole(blocks: string[]): number[] {
  const shown: number[] = [];
  let count = 0;
  for (let render = 0; count < blocks.length; render++) {
    const next = blocksToShow(blocks, count, render === 0);
    expect(next, `render ${render} moves on`).toBeGreaterThan(count);
    shown.push((count = next));
  }
  return shown;
}

describe('blocksToShow', () => {
  it('shows a short answer whole in the first render', () => {
    expect(slicesUntilWhole(['# Title', 'A paragraph.', '- a list'])).toEqual([3]);
  });

  it('moves on past a block longer than a slice', () => {
    const small = 'x'.repeat(100);
    const huge = 'y'.repeat(charsPerSlice * 5);
    const blocks = [small, small, huge, small, huge, huge, small];
    expect(slicesUntilWhole(blocks)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('takes at most a slice of new text per render after the first', () => {
    const block = 'z'.repeat(500);
    const blocks = Array.from({ length: 40 }, () => block);
    const shown = slicesUntilWhole(blocks);
    expect(shown[0]).toBe(firstSliceChars / block.length);
    expect((shown[1] ?? 0) - (shown[0] ?? 0)).toBe(charsPerSlice / block.length);
  });
});
