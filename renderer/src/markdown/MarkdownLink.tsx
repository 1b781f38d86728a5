// A link in model output: never an <a href>, so nothing in the page navigates. An https link is a
// button that asks the OS to open it; an in-page anchor (a footnote, a cited file) scrolls; anything
// else is plain text with its URL shown, so the person can see what the model wrote. A numbered
// citation (`[3]`, as the job view marks them) gets its own look. Nothing here may throw on what the
// model wrote: an anchor with a malformed escape (`#%E0%A4%A`) is shown as text.
import type { ComponentPropsWithoutRef } from 'react';
import { useApi } from '../data/api-context.js';
import { isOpenableLink } from './safe-url.js';
import { openLink } from './open-link.js';

type Props = ComponentPropsWithoutRef<'a'> & { node?: unknown };

const citationText = /^\[\d+\]$/u;

/** The element id an in-page link points at, or undefined when its escapes do not decode. */
export function anchorTarget(href: string): string | undefined {
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return undefined;
  }
}

export function MarkdownLink({ href = '', title, children }: Props) {
  const api = useApi();
  const citation = typeof children === 'string' && citationText.test(children);
  const className = citation ? 'md-link md-link--citation' : 'md-link';
  // The link's own title (a citation's source title) comes after what the button really does.
  const also = title ? ` (${title})` : '';
  const targetId = href.startsWith('#') ? anchorTarget(href) : undefined;
  if (targetId !== undefined) {
    return (
      <button
        type="button"
        className={className}
        title={title || undefined}
        onClick={() => document.getElementById(targetId)?.scrollIntoView({ block: 'center' })}
      >
        {children}
      </button>
    );
  }
  if (isOpenableLink(href)) {
    return (
      <button
        type="button"
        className={className}
        title={`Open ${href} in your browser${also}`}
        onClick={() => void openLink(api, href).catch(() => undefined)}
      >
        {children}
      </button>
    );
  }
  return (
    <span className={`${className} md-link--inert`}>
      {children}
      {href !== '' && <span className="md-link__url"> ({href})</span>}
    </span>
  );
}
