// Model output as Markdown: GFM tables and lists, math (KaTeX) and highlighted code, with nothing
// that can run script or load anything. Raw HTML in the text is shown as text (react-markdown
// without rehype-raw never parses it), URLs pass `safeUrl`, links become buttons, images are not
// loaded, and elements that could embed or fetch are dropped even if a plugin made one.
import { memo } from 'react';
import ReactMarkdown, { type Components, type Options } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { MarkdownImage } from './MarkdownImage.js';
import { MarkdownLink } from './MarkdownLink.js';
import { safeUrl } from './safe-url.js';
import 'katex/dist/katex.min.css';

const remarkPlugins: Options['remarkPlugins'] = [remarkGfm, remarkMath];
const rehypePlugins: Options['rehypePlugins'] = [
  [
    rehypeKatex,
    {
      // \href, \url, \includegraphics and friends stay inert without trust.
      trust: false,
      strict: 'ignore',
      throwOnError: false,
      // Bounds for hostile input: macro expansion and sizes.
      maxExpand: 1000,
      maxSize: 50,
    },
  ],
  // Only fenced blocks that name their language: guessing runs every grammar over every block.
  [rehypeHighlight, { detect: false }],
];

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

export const Markdown = memo(function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
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
    </div>
  );
});
