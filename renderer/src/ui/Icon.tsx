// Icons from lucide: decorative next to a word, so hidden from screen readers.
import type { LucideIcon } from 'lucide-react';

export function Icon({ of: Glyph, size = 16 }: { of: LucideIcon; size?: number }) {
  return <Glyph aria-hidden="true" focusable="false" className="icon" size={size} />;
}
