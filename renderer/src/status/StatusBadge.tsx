// A job's lifecycle status as a word with an icon; the colour only repeats what the word says.
import type { JobStatus } from '../../../shared/job.js';
import { statusPresentation } from './job-status.js';

export function StatusBadge({ status }: { status: JobStatus }) {
  const { label, description, Icon, tone, spins } = statusPresentation[status];
  return (
    <span className={`status-badge status-badge--${tone}`} title={description} data-status={status}>
      <Icon
        aria-hidden="true"
        focusable="false"
        className={spins ? 'icon icon--spin' : 'icon'}
        size={14}
      />
      <span className="status-badge__label">{label}</span>
    </span>
  );
}
