// An image in model output is never loaded (a remote image is a request leaving the machine, and
// a tracking pixel): its description and address are shown as text instead.
import type { ComponentPropsWithoutRef } from 'react';
import { ImageOff } from 'lucide-react';

type Props = ComponentPropsWithoutRef<'img'> & { node?: unknown };

export function MarkdownImage({ src, alt }: Props) {
  const address = typeof src === 'string' ? src : '';
  return (
    <span className="md-image">
      <ImageOff aria-hidden="true" focusable="false" className="icon" size={14} />
      <span>Image not loaded{alt ? `: ${alt}` : ''}</span>
      {address !== '' && <span className="md-image__url">{address}</span>}
    </span>
  );
}
