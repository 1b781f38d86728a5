// One job on the board: status, title, model, elapsed time, tokens and cost.
import { memo } from 'react';
import { isSettled } from '../../../shared/job.js';
import type { JobSummary } from '../../../shared/job-query.js';
import { StatusBadge } from '../status/StatusBadge.js';
import { Elapsed } from '../time/Elapsed.js';
import { Money } from '../ui/Money.js';
import { TokenCounts } from './TokenCounts.js';

export function jobRowId(id: string): string {
  return `job-row-${id}`;
}

interface Props {
  job: JobSummary;
  selected: boolean;
  open: boolean;
  position: number;
  setSize: number;
  onOpen: (id: string) => void;
}

export const JobRow = memo(function JobRow({
  job,
  selected,
  open,
  position,
  setSize,
  onOpen,
}: Props) {
  const classes = ['job-row', selected && 'job-row--selected', open && 'job-row--open'];
  return (
    <div
      id={jobRowId(job.id)}
      role="option"
      aria-selected={selected}
      aria-current={open ? 'page' : undefined}
      aria-posinset={position}
      aria-setsize={setSize}
      className={classes.filter(Boolean).join(' ')}
      data-job-id={job.id}
      onClick={() => onOpen(job.id)}
    >
      <div className="job-row__top">
        <StatusBadge status={job.status} />
        <span className="job-row__title">{job.title || 'Untitled job'}</span>
        <span className="job-row__cost">
          <Money usd={job.cost} pending={!isSettled(job.status)} />
        </span>
      </div>
      <div className="job-row__bottom">
        <span className="job-row__model">
          {job.model}
          {job.effort ? ` · ${job.effort}` : ''}
        </span>
        <Elapsed job={job} />
        <TokenCounts usage={job.usage} />
      </div>
    </div>
  );
});
