// A pane's heading: its title (an h2 the pane is labelled by) and the button that closes the pane.
// Esc closes a pane too (the app's key handler); the button's tooltip says so.
import { X } from 'lucide-react';
import type { ReactNode } from 'react';
import { Icon } from './Icon.js';

/** Classes of the row and of the title: a job's header (job.css) lets a long title wrap anywhere. */
const looks = {
  pane: { row: 'pane__heading', title: undefined },
  job: { row: 'job-header__line', title: 'job-header__title' },
} as const;

export function PaneHeading({
  titleId,
  closeLabel,
  onClose,
  children,
  look = 'pane',
}: {
  titleId: string;
  /** What the close button says to a screen reader, e.g. "Close settings". */
  closeLabel: string;
  onClose: () => void;
  /** The title. */
  children: ReactNode;
  /** `job`: the first line of a job's (or a comparison's) header. */
  look?: keyof typeof looks;
}) {
  return (
    <div className={looks[look].row}>
      <h2 id={titleId} className={looks[look].title}>
        {children}
      </h2>
      <button type="button" className="button button--icon" onClick={onClose} title="Close (Esc)">
        <Icon of={X} />
        <span className="visually-hidden">{closeLabel}</span>
      </button>
    </div>
  );
}
