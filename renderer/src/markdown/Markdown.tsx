// Model output as Markdown: GFM tables and lists, math (KaTeX) and highlighted code, with nothing
// that can run script or load anything. Raw HTML in the text is shown as text (react-markdown
// without rehype-raw never parses it), URLs pass `safeUrl`, links become buttons, images are not
// loaded, and elements that could embed or fetch are dropped even if a plugin made one.
import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
} from 'react';
import ReactMarkdown, { type Components, type Options } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { MarkdownImage } from './MarkdownImage.js';
import { markdownBlocks, type MarkdownBlocks } from './markdown-blocks.js';
import { groupBlocks, type MarkdownGroup } from './markdown-groups.js';
import { blocksToShow, charsOfBlocks, slicePacer } from './markdown-slices.js';
import { MarkdownLink } from './MarkdownLink.js';
import { safeUrl } from './safe-url.js';
import { useNearViewport } from './use-near-viewport.js';
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

const sameBlocks = (before: { blocks: readonly string[] }, after: { blocks: readonly string[] }) =>
  before.blocks.length === after.blocks.length &&
  before.blocks.every((block, index) => block === after.blocks[index]);

/** A group near the viewport: its blocks rendered. */
const RenderedGroup = memo(function RenderedGroup({ blocks }: { blocks: readonly string[] }) {
  return blocks.map((block, index) => <MarkdownBlock key={index} text={block} />);
}, sameBlocks);

/**
 * A group far from the viewport: its text as it is, in one text node, never laid out while off
 * screen (content-visibility). The text stays in the page for find-in-page and assistive
 * technology, and costs the page one element instead of hundreds.
 */
const FarGroup = memo(function FarGroup({ blocks }: { blocks: readonly string[] }) {
  return blocks.join('');
}, sameBlocks);

/**
 * From this length on (about ten screens), only the groups near the viewport are rendered
 * (use-near-viewport.ts); the others hold their text as it is. A shorter answer is rendered whole:
 * it costs a page little, and its text is never shown unformatted. At 100,000 a streaming answer
 * held so many elements by the time it turned windowed that the page's tasks then took 65-120 ms
 * (garbage collection of the DOM, style and layout); at 30,000 none of them took 50.
 */
const windowedFromChars = 30_000;

/** Height per character of the groups rendered so far: the size a group not yet rendered is given. */
function heightPerChar(
  groups: readonly MarkdownGroup[],
  heightOf: (index: number) => number | undefined,
) {
  let height = 0;
  let chars = 0;
  groups.forEach((group, index) => {
    const measured = heightOf(index);
    if (measured === undefined) return;
    height += measured;
    chars += group.chars;
  });
  // About a 26 px line of 75 characters until a group has been measured.
  return chars > 0 ? height / chars : 0.35;
}

/**
 * A settled group keeps its last size while skipped; a far group is exactly as tall as it was
 * rendered (or as estimated), on screen or off, so its text never lays out at a height of its own.
 */
function groupStyle(kind: 'far' | 'settled' | 'growing', size: number): CSSProperties | undefined {
  if (kind === 'far') return { height: `${size}px` };
  if (kind === 'settled') return { containIntrinsicSize: `auto ${size}px` };
  return undefined;
}

// react-markdown renders no wrapper of its own, so the blocks side by side make the same elements
// (under one wrapper per group of blocks, see below) as the whole text would.
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  const renderStarted = performance.now();
  const cut = useRef<MarkdownBlocks | undefined>(undefined);
  const split = useMemo(() => markdownBlocks(text, cut.current), [text]);
  const shownBefore = useRef(0);
  const [, nextSlice] = useState(0);
  const container = useRef<HTMLDivElement>(null);
  const viewport = useNearViewport(container, text.length > windowedFromChars);
  const { blocks } = split;
  const shown = blocksToShow(blocks, shownBefore.current, slicePacer.sliceChars());
  const added = charsOfBlocks(blocks, shownBefore.current, shown);
  const pending = shown < blocks.length;
  const previousGroups = useRef<MarkdownGroup[]>([]);
  const groups = groupBlocks(blocks.slice(0, shown), previousGroups.current);
  // Timed once the new blocks are in the page (before it paints): the next slice's size.
  useLayoutEffect(() => slicePacer.record(added, performance.now() - renderStarted));
  useEffect(() => {
    cut.current = split;
    previousGroups.current = groups;
    shownBefore.current = shown;
    if (!pending) return;
    const timer = setTimeout(() => nextSlice((n) => n + 1), 0);
    return () => clearTimeout(timer);
  });
  let perChar: number | undefined;
  return (
    <div ref={container} className="markdown" aria-busy={pending || undefined}>
      {groups.map((group, index) => {
        const near = viewport.isNear(index);
        const measured = viewport.heightOf(index);
        const settled = index < groups.length - 1;
        // A settled group off screen is skipped by style and layout (content-visibility), at the
        // size it last had or, never rendered, the size its length suggests.
        const size = Math.round(
          measured ?? group.chars * (perChar ??= heightPerChar(groups, viewport.heightOf)),
        );
        const kind = !near ? 'far' : settled ? 'settled' : 'growing';
        return (
          // Blocks only grow at the end: an index names the same group from one text to the
          // next, and the group keeps its element when it comes near or goes far.
          <div
            key={index}
            ref={viewport.refFor(index)}
            className={
              kind === 'growing' ? 'markdown__group' : `markdown__group markdown__group--${kind}`
            }
            style={groupStyle(kind, size)}
          >
            {near ? <RenderedGroup blocks={group.blocks} /> : <FarGroup blocks={group.blocks} />}
          </div>
        );
      })}
    </div>
  );
});
