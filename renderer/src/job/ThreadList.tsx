// The conversation a job belongs to: its first job and every follow-up, oldest first.
import type { JobSummary } from '../../../shared/job-query.js';
import { isRefused } from '../status/job-status.js';
import { StatusBadge } from '../status/StatusBadge.js';

interface Props {
  thread: readonly JobSummary[];
  currentId: string;
  onOpen: (id: string) => void;
}

export function ThreadList({ thread, currentId, onOpen }: Props) {
  return (
    <ol className="thread">
      {thread.map((job, index) => (
        <li key={job.id}>
          <button
            type="button"
            className="thread__item"
            aria-current={job.id === currentId ? 'page' : undefined}
            onClick={() => onOpen(job.id)}
            disabled={job.id === currentId}
          >
            <span className="thread__step">{index === 0 ? 'Start' : `Follow-up ${index}`}</span>
            <span className="thread__title">{job.title || 'Untitled job'}</span>
            <StatusBadge status={job.status} refused={isRefused(job)} />
          </button>
        </li>
      ))}
    </ol>
  );
}
