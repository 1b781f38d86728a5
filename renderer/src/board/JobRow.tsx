// One job on the board: status, title, model, elapsed time, tokens, sources and searches, and cost.
import { Globe } from 'lucide-react';
import { memo } from 'react';
import type { JobSummary } from '../../../shared/job-query.js';
import type { OutputDigest } from '../../../shared/output-items.js';
import { isRefused } from '../status/job-status.js';
import { StatusBadge } from '../status/StatusBadge.js';
import { Elapsed } from '../time/Elapsed.js';
import { Icon } from '../ui/Icon.js';
import { CostCell } from './CostCell.js';
import { TokenCounts } from './TokenCounts.js';

/** "12 sources · 6 searches", or null when the job cited nothing and searched nothing. */
export function outputCountsText(digest: OutputDigest | null): string | null {
  if (!digest) return null;
  const counts: string[] = [];
  if (digest.sources > 0)
    counts.push(`${digest.sources} ${digest.sources === 1 ? 'source' : 'sources'}`);
  if (digest.searches > 0) {
    counts.push(`${digest.searches} ${digest.searches === 1 ? 'search' : 'searches'}`);
  }
  return counts.length === 0 ? null : counts.join(' · ');
}

function OutputCounts({ digest }: { digest: OutputDigest | null }) {
  const text = outputCountsText(digest);
  if (text === null) return null;
  return (
    <span className="job-row__output">
      <Icon of={Globe} size={13} />
      {text}
    </span>
  );
}

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
        <StatusBadge status={job.status} refused={isRefused(job)} />
        <span className="job-row__title">{job.title || 'Untitled job'}</span>
        <span className="job-row__cost">
          <CostCell job={job} />
        </span>
      </div>
      <div className="job-row__bottom">
        <span className="job-row__model">
          {job.model}
          {job.effort ? ` · ${job.effort}` : ''}
        </span>
        <Elapsed job={job} />
        <TokenCounts usage={job.usage} />
        <OutputCounts digest={job.outputDigest} />
      </div>
    </div>
  );
});
