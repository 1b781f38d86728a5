// The open job's title line: status, model, when, how long, what it cost; and a close button.
import { isSettled, type Job } from '../../../shared/job.js';
import { formatDateTime } from '../format/dates.js';
import { isRefused, presentationOf } from '../status/job-status.js';
import { StatusBadge } from '../status/StatusBadge.js';
import { waitsForFlexCapacity } from '../status/flex-wait.js';
import { TierFact } from './TierFact.js';
import { Elapsed } from '../time/Elapsed.js';
import { Money } from '../ui/Money.js';
import { PaneHeading } from '../ui/PaneHeading.js';
import { ServerQueueNote } from './ServerQueueNote.js';

export function JobHeader({
  job,
  titleId,
  onClose,
}: {
  job: Job;
  titleId: string;
  onClose: () => void;
}) {
  return (
    <header className="job-header">
      <PaneHeading titleId={titleId} closeLabel="Close job" onClose={onClose} look="job">
        {job.title || 'Untitled job'}
      </PaneHeading>
      <dl className="job-header__facts">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge
              status={job.status}
              refused={isRefused(job)}
              flexWait={waitsForFlexCapacity(job)}
            />
          </dd>
        </div>
        <div>
          <dt>Model</dt>
          <dd>
            {job.resolvedModel ?? job.model}
            {job.effort ? `, ${job.effort} effort` : ''}
          </dd>
        </div>
        <TierFact job={job} />
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(job.createdAt)}</dd>
        </div>
        <div>
          <dt>Elapsed</dt>
          <dd>
            <Elapsed job={job} />
          </dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>
            <Money usd={job.cost} pending={!isSettled(job.status)} />
          </dd>
        </div>
      </dl>
      <ServerQueueNote job={job} />
      {/* Status changes of the open job are read out; the badge alone is only seen. */}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        Job status: {presentationOf(job).label}
      </p>
    </header>
  );
}
