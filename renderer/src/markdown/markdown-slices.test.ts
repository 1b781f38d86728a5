// Slices of a long answer always move on: a block longer than a slice is shown in a slice of its
// own, so an answer whose next block is a long table or code block is still shown whole. Their
// size follows the time the page takes per character: small while it runs cold, larger once the
// renders are quick, smaller again when they slow down.
import { describe, expect, it } from 'vitest';
import {
  blocksToShow,
  charsOfBlocks,
  fewestSliceChars,
  mostSliceChars,
  SlicePacer,
  sliceBudgetMs,
  untimedSliceChars,
} from './markdown-slices.js';

const slice = 2_000;

function slicesUntilWhole(blocks: string[], sliceChars = slice): number[] {
  const shown: number[] = [];
  let count = 0;
  for (let render = 0; count < blocks.length; render++) {
    const next = blocksToShow(blocks, count, sliceChars);
    expect(next, `render ${render} moves on`).toBeGreaterThan(count);
    shown.push((count = next));
  }
  return shown;
}

describe('blocksToShow', () => {
  it('shows a short answer whole in the first render, even before any render was timed', () => {
    expect(
      slicesUntilWhole(['# Title', 'A paragraph.', '- a list'], new SlicePacer().sliceChars()),
    ).toEqual([3]);
  });

  it('moves on past a block longer than a slice', () => {
    const small = 'x'.repeat(100);
    const huge = 'y'.repeat(slice * 5);
    const blocks = [small, small, huge, small, huge, huge, small];
    expect(slicesUntilWhole(blocks)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('takes at most a slice of new text per render', () => {
    const block = 'z'.repeat(500);
    const blocks = Array.from({ length: 40 }, () => block);
    const shown = slicesUntilWhole(blocks);
    expect(shown[0]).toBe(slice / block.length);
    expect(charsOfBlocks(blocks, shown[0] ?? 0, shown[1] ?? 0)).toBe(slice);
  });
});

describe('the slice pacer', () => {
  it('starts small, then sizes slices to the budget from the renders it timed', () => {
    const pacer = new SlicePacer();
    expect(pacer.sliceChars()).toBe(untimedSliceChars);
    // 1,000 characters in 6 ms: the budget holds twice as many.
    pacer.record(1_000, 6);
    expect(pacer.sliceChars()).toBe(Math.round(sliceBudgetMs / 0.006));
    // Warmer: renders at 1 µs a character lift it, step by step, up to the bound.
    const sizes = [1, 2, 3, 4, 5].map(() => {
      pacer.record(2_000, 2);
      return pacer.sliceChars();
    });
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(sizes.at(-1)).toBe(mostSliceChars);
    // A slow render (a collection, a busy machine) shrinks the next slice at once, never below
    // the bound.
    pacer.record(2_000, 200);
    expect(pacer.sliceChars()).toBeLessThan(mostSliceChars / 2);
    pacer.record(2_000, 2_000);
    expect(pacer.sliceChars()).toBe(fewestSliceChars);
  });

  it('does not time a render that parsed next to nothing', () => {
    const pacer = new SlicePacer();
    pacer.record(10, 30);
    expect(pacer.sliceChars()).toBe(untimedSliceChars);
  });
});
