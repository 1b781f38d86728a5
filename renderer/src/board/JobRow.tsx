// One job on the board: status, title, when it was made and cost; the answer's first line (and,
// for a follow-up, the conversation it continues); model, elapsed time, tokens, sources and searches.
import { Globe } from 'lucide-react';
import { memo } from 'react';
import { type JobSummary } from '../../../shared/job-summary.js';
import { plainLine } from '../../../shared/notification-text.js';
import type { OutputDigest } from '../../../shared/output-items.js';
import { isRefused } from '../status/job-status.js';
import { waitsForFlexCapacity } from '../status/flex-wait.js';
import { StatusBadge } from '../status/StatusBadge.js';
import { Elapsed } from '../time/Elapsed.js';
import { Icon } from '../ui/Icon.js';
import { GroupLink } from '../compare/GroupLink.js';
import { CostCell } from './CostCell.js';
import { rowDateText, rowDateTitle } from './row-date.js';
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

/** The answer's start as plain words: the preview runs its lines together, so marks mid-line go too. */
export function previewText(answerPreview: string): string {
  return plainLine(answerPreview.replace(/(^|\s)(?:#{1,6}|>|[-*+])\s+/gu, '$1'));
}

/** What a row says about the thread a follow-up continues (its first job's title, if loaded). */
export function followUpText(threadTitle: string | undefined): string {
  return threadTitle ? `↳ Follow-up of “${threadTitle}”` : '↳ Follow-up';
}

interface Props {
  job: JobSummary;
  /** For a follow-up, the title of its thread's first job ('' when that job is not loaded). */
  threadTitle?: string | undefined;
  selected: boolean;
  open: boolean;
  position: number;
  setSize: number;
  onOpen: (id: string) => void;
}

export const JobRow = memo(function JobRow({
  job,
  threadTitle,
  selected,
  open,
  position,
  setSize,
  onOpen,
}: Props) {
  const followUp = job.parentId !== null;
  const classes = [
    'job-row',
    selected && 'job-row--selected',
    open && 'job-row--open',
    followUp && 'job-row--follow-up',
  ];
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
        <StatusBadge
          status={job.status}
          refused={isRefused(job)}
          flexWait={waitsForFlexCapacity(job)}
        />
        <span className="job-row__title">{job.title || 'Untitled job'}</span>
        <time
          className="job-row__date"
          dateTime={new Date(job.createdAt).toISOString()}
          title={rowDateTitle(job.createdAt)}
        >
          {rowDateText(job.createdAt)}
        </time>
        <span className="job-row__cost">
          <CostCell job={job} />
        </span>
      </div>
      <div className="job-row__middle">
        {followUp && (
          <span className="job-row__thread">{followUpText(threadTitle || undefined)}</span>
        )}
        <span className="job-row__preview">{previewText(job.answerPreview)}</span>
      </div>
      <div className="job-row__bottom">
        <span className="job-row__model">
          {job.model}
          {job.effort ? ` · ${job.effort}` : ''}
        </span>
        <Elapsed job={job} />
        <TokenCounts usage={job.usage} />
        <OutputCounts digest={job.outputDigest} />
        {job.groupId !== null && <GroupLink groupId={job.groupId} />}
      </div>
    </div>
  );
});
