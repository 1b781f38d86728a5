// How much of a long answer's Markdown one render takes on (Markdown.tsx renders the rest a slice
// per task).

/**
 * Script time one render of new Markdown aims at: with the style, layout and paint that follow,
 * the task stays well under 50 ms. Slices are sized by time, not by a fixed length: the first
 * renders of a session run before the JIT has optimized the parser (measured: 4,000 characters
 * dense with math took 170 ms then, against about 40 ms a few seconds later).
 */
export const sliceBudgetMs = 12;
/** A slice before any render was timed: small, as that render runs cold. */
export const untimedSliceChars = 500;
/**
 * Bounds on a timed slice. Each render also costs what does not grow with its slice (the view's
 * other parts, style and layout of a long page), so much smaller slices mean more renders and
 * more of that cost, not shorter tasks. Measured on a 2 MB stream (README, Benchmarks): from 250
 * to 16,000 characters, 18 tasks over 50 ms; from 2,000 to 4,000, 13; from 1,000 to 8,000, 3;
 * then, with the warm-up and windowing from 30,000 characters, from 1,000 to 8,000 one or two
 * (the first slices, while the page is cold), and from 500 to 8,000 none or one in four runs.
 */
export const fewestSliceChars = 500;
export const mostSliceChars = 8_000;
/** Renders that parsed less than this are not timed: too little to tell a rate. */
const fewestTimedChars = 200;

/**
 * Learns how long the page takes per character of new Markdown, from the renders it times, and
 * sizes the next slice to the budget. One for the page: the JIT's warmth is the page's.
 */
export class SlicePacer {
  #msPerChar: number | undefined;

  /** Characters of new Markdown the next render takes on. */
  sliceChars(): number {
    if (this.#msPerChar === undefined) return untimedSliceChars;
    const chars = Math.round(sliceBudgetMs / Math.max(this.#msPerChar, 1e-6));
    return Math.min(mostSliceChars, Math.max(fewestSliceChars, chars));
  }

  /** A render parsed `chars` new characters in `ms` (render to layout effect). */
  record(chars: number, ms: number): void {
    if (chars < fewestTimedChars || !(ms >= 0)) return;
    const rate = ms / chars;
    // The newest render counts as much as all before it: the page warms up (the JIT) and slows
    // down (garbage collection, a busy machine), and the slices follow within a few renders.
    this.#msPerChar = this.#msPerChar === undefined ? rate : (this.#msPerChar + rate) / 2;
  }
}

export const slicePacer = new SlicePacer();

/**
 * How many blocks to show: those shown before, then new ones while they fit in one slice of
 * `sliceChars`, and always at least one more while any is left (a block longer than a slice is a
 * slice of its own).
 */
export function blocksToShow(
  blocks: readonly string[],
  shownBefore: number,
  sliceChars: number,
): number {
  let count = Math.min(shownBefore, blocks.length);
  let chars = 0;
  while (count < blocks.length) {
    chars += blocks[count]?.length ?? 0;
    if (chars > sliceChars && count > shownBefore) break;
    count++;
  }
  return count;
}

/** The characters of the blocks a render adds (from `from` up to `to`). */
export function charsOfBlocks(blocks: readonly string[], from: number, to: number): number {
  let chars = 0;
  for (let index = from; index < to; index++) chars += blocks[index]?.length ?? 0;
  return chars;
}
