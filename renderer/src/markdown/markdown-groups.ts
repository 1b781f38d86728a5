// Groups of consecutive Markdown blocks: the unit the answer view renders, skips when far from
// the viewport, and compares when the text grows. A group closes once it holds `maxChars` of
// text or `maxBlocks` blocks, so one group of any answer renders in one short task (Markdown
// with math costs about 10 us a character to parse and render). Blocks only grow at the end, so
// the groups before the last never change: a group's index names the same blocks from one text
// to the next.

export const groupLimits = { maxChars: 3_000, maxBlocks: 32 } as const;

export interface MarkdownGroup {
  /** The blocks, each a settled string (the last block of the last group may still grow). */
  blocks: readonly string[];
  chars: number;
}

/** Cuts `blocks` into groups; `previous` (the groups of a shorter text) is reused where it holds. */
export function groupBlocks(
  blocks: readonly string[],
  previous: readonly MarkdownGroup[] = [],
  limits: { maxChars: number; maxBlocks: number } = groupLimits,
): MarkdownGroup[] {
  const groups: MarkdownGroup[] = [];
  let at = 0;
  // Every group of `previous` but its last is closed: it holds if its blocks are still the same.
  for (const group of previous.slice(0, -1)) {
    if (!group.blocks.every((block, i) => blocks[at + i] === block)) break;
    groups.push(group);
    at += group.blocks.length;
  }
  let current: string[] = [];
  let chars = 0;
  for (; at < blocks.length; at++) {
    if (current.length >= limits.maxBlocks || (current.length > 0 && chars >= limits.maxChars)) {
      groups.push({ blocks: current, chars });
      current = [];
      chars = 0;
    }
    const block = blocks[at] ?? '';
    current.push(block);
    chars += block.length;
  }
  if (current.length > 0) groups.push({ blocks: current, chars });
  return groups;
}
