// Model output as Markdown: GFM tables and lists, math (KaTeX) and highlighted code, with nothing
// that can run script or load anything. Raw HTML in the text is shown as text (react-markdown
// without rehype-raw never parses it), URLs pass `safeUrl`, links become buttons, images are not
// loaded, and elements that could embed or fetch are dropped even if a plugin made one.
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import ReactMarkdown, { type Components, type Options } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { MarkdownImage } from './MarkdownImage.js';
import { markdownBlocks, type MarkdownBlocks } from './markdown-blocks.js';
import { MarkdownLink } from './MarkdownLink.js';
import { safeUrl } from './safe-url.js';
import 'katex/dist/katex.min.css';

const remarkPlugins: Options['remarkPlugins'] = [remarkGfm, remarkMath];
// Built once: each block is its own react-markdown processor, and rehype-highlight sets up its
// grammars (and rehype-katex its settings) every time its plugin is attached. Neither plugin uses
// its processor, so the same transformers serve every block, with the same options as before.
const katexOptions = {
  // \href, \url, \includegraphics and friends stay inert without trust.
  trust: false,
  strict: 'ignore',
  throwOnError: false,
  // Bounds for hostile input: macro expansion and sizes.
  maxExpand: 1000,
  maxSize: 50,
} as const;
const katexTransform = rehypeKatex(katexOptions);
// Only fenced blocks that name their language: guessing runs every grammar over every block.
const highlightTransform = rehypeHighlight({ detect: false });
const rehypePlugins: Options['rehypePlugins'] = [() => katexTransform, () => highlightTransform];

const droppedElements = [
  'script',
  'style',
  'iframe',
  'frame',
  'object',
  'embed',
  'link',
  'meta',
  'base',
  'form',
  'video',
  'audio',
  'source',
  'picture',
  'foreignObject',
  'image',
];

const components: Components = {
  a: MarkdownLink,
  img: MarkdownImage,
  table: ({ node: _node, ...props }) => (
    <div className="md-table">
      <table {...props} />
    </div>
  ),
};

/** One block, parsed alone; a settled block (same string) is never parsed again. */
const MarkdownBlock = memo(function MarkdownBlock({ text }: { text: string }) {
  return (
    <ReactMarkdown
      remarkPlugins={remarkPlugins}
      rehypePlugins={rehypePlugins}
      components={components}
      urlTransform={safeUrl}
      disallowedElements={droppedElements}
      unwrapDisallowed={false}
    >
      {text}
    </ReactMarkdown>
  );
});

/** Blocks per group: a settled group is one comparison, so a long answer's update stays small. */
const groupSize = 64;

function groupsOf(blocks: readonly string[]): string[][] {
  const groups: string[][] = [];
  for (let i = 0; i < blocks.length; i += groupSize) groups.push(blocks.slice(i, i + groupSize));
  return groups;
}

const BlockGroup = memo(
  function BlockGroup({ blocks }: { blocks: readonly string[] }) {
    return blocks.map((block, index) => <MarkdownBlock key={index} text={block} />);
  },
  (before, after) =>
    before.blocks.length === after.blocks.length &&
    before.blocks.every((block, index) => block === after.blocks[index]),
);

/**
 * Characters of new Markdown parsed per task (a few milliseconds of work): a finished answer
 * opened at once shows its first part at once and the rest a slice per task, and a burst of
 * streamed text is taken in the same way, so no task holds the page for long. Blocks already shown
 * are not parsed again (only the growing last one).
 */
const charsPerSlice = 3_000;
/** The first slice: an answer of ordinary length shows whole in its first render. */
const firstSliceChars = 16_000;

/** How many blocks to show: those shown before, then new ones while they fit in one slice. */
function blocksToShow(blocks: readonly string[], shownBefore: number, first: boolean): number {
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

// react-markdown renders no wrapper of its own, so the blocks side by side make the same elements
// (under one wrapper per group of blocks, see below) as the whole text would.
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  const cut = useRef<MarkdownBlocks | undefined>(undefined);
  const split = useMemo(() => markdownBlocks(text, cut.current), [text]);
  const shownBefore = useRef(0);
  const rendered = useRef(false);
  const [, nextSlice] = useState(0);
  const { blocks } = split;
  const shown = blocksToShow(blocks, shownBefore.current, !rendered.current);
  const pending = shown < blocks.length;
  useEffect(() => {
    cut.current = split;
    rendered.current = true;
    // The last block shown may still grow: it counts as not shown, so it is re-cut next time.
    shownBefore.current = Math.max(0, shown - 1);
    if (!pending) return;
    const timer = setTimeout(() => nextSlice((n) => n + 1), 0);
    return () => clearTimeout(timer);
  });
  return (
    <div className="markdown" aria-busy={pending || undefined}>
      {groupsOf(blocks.slice(0, shown)).map((group, index, groups) => (
        // Blocks only grow at the end: an index names the same group from one text to the next.
        // A settled group off screen is skipped by style and layout (content-visibility), so a
        // long answer's growing tail does not lay out everything above it again. Every group has
        // its wrapper, so a group that settles keeps its elements.
        <div
          key={index}
          className={
            index < groups.length - 1
              ? 'markdown__group markdown__group--settled'
              : 'markdown__group'
          }
        >
          <BlockGroup blocks={group} />
        </div>
      ))}
    </div>
  );
});
