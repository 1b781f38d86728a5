// A job's lifecycle status as a word with an icon; the colour only repeats what the word says.
// A completed job whose answer is a refusal reads "Refused" (pass `refused`), never "Completed".
import type { JobStatus } from '../../../shared/job.js';
import { flexWaitPresentation } from './flex-wait.js';
import { refusedPresentation, statusPresentation } from './job-status.js';

export function StatusBadge({
  status,
  refused = false,
  flexWait = false,
}: {
  status: JobStatus;
  refused?: boolean;
  /** A pending flex job refused for lack of capacity (waitsForFlexCapacity). */
  flexWait?: boolean;
}) {
  const isRefusal = refused && status === 'completed';
  const waiting = flexWait && status === 'pending';
  const { label, description, Icon, tone, spins } = waiting
    ? flexWaitPresentation
    : isRefusal
      ? refusedPresentation
      : statusPresentation[status];
  return (
    <span
      className={`status-badge status-badge--${tone}`}
      title={description}
      data-status={status}
      data-refused={isRefusal ? 'true' : undefined}
      data-flex-wait={waiting ? 'true' : undefined}
    >
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
