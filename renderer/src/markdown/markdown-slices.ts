// How much of a long answer's Markdown one render takes on (Markdown.tsx renders the rest a slice
// per task).

/**
 * Characters of new Markdown parsed per task (about 20 ms of work for text dense with math): a
 * finished answer opened at once shows its first part at once and the rest a slice per task, and
 * a burst of streamed text is taken in the same way, so no task holds the page for long. Blocks
 * already shown are not parsed again (only the growing last one).
 */
export const charsPerSlice = 2_000;
/** The first slice: a short answer shows whole in its first render. */
export const firstSliceChars = 4_000;

/**
 * How many blocks to show: those shown before, then new ones while they fit in one slice, and
 * always at least one more while any is left (a block longer than a slice is a slice of its own).
 */
export function blocksToShow(
  blocks: readonly string[],
  shownBefore: number,
  first: boolean,
): number {
  const slice = first ? firstSliceChars : charsPerSlice;
  let count = Math.min(shownBefore, blocks.length);
  let chars = 0;
  while (count < blocks.length) {
    chars += blocks[count]?.length ?? 0;
    if (chars > slice && count > shownBefore) break;
    count++;
  }
  return count;
}
