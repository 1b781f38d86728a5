// A link in model output: never an <a href>, so nothing in the page navigates. An https link is a
// button that asks the OS to open it; an in-page anchor (a footnote) scrolls; anything else is
// plain text with its URL shown, so the person can see what the model wrote.
import type { ComponentPropsWithoutRef } from 'react';
import { useApi } from '../data/api-context.js';
import { isOpenableLink } from './safe-url.js';
import { openLink } from './open-link.js';

type Props = ComponentPropsWithoutRef<'a'> & { node?: unknown };

export function MarkdownLink({ href = '', children }: Props) {
  const api = useApi();
  if (href.startsWith('#')) {
    const targetId = decodeURIComponent(href.slice(1));
    return (
      <button
        type="button"
        className="md-link"
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
        className="md-link"
        title={`Open ${href} in your browser`}
        onClick={() => void openLink(api, href).catch(() => undefined)}
      >
        {children}
      </button>
    );
  }
  return (
    <span className="md-link md-link--inert">
      {children}
      {href !== '' && <span className="md-link__url"> ({href})</span>}
    </span>
  );
}
