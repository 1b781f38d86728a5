// A comparison side by side: one prompt sent to several models in one submit, a column per job,
// and what the whole group cost so far.
import { X } from 'lucide-react';
import { useId } from 'react';
import { groupCostText, groupModelsText, groupTotals } from '../../../shared/job-group.js';
import { useJobGroup } from '../data/use-job-group.js';
import { ErrorNote } from '../ui/ErrorNote.js';
import { Icon } from '../ui/Icon.js';
import { ComparisonColumn } from './ComparisonColumn.js';

interface Props {
  groupId: string;
  onOpen: (id: string) => void;
  onClose: () => void;
}

export function ComparisonView({ groupId, onOpen, onClose }: Props) {
  const group = useJobGroup(groupId);
  const titleId = useId();
  if (group.isPending) return <p className="pane__loading">Loading the comparison…</p>;
  if (group.isError) {
    return <ErrorNote error={group.error} prefix="The comparison could not be loaded." />;
  }
  const jobs = group.data;
  if (jobs.length === 0) {
    return <p className="pane__empty">This comparison no longer exists on this computer.</p>;
  }
  const totals = groupTotals(jobs);
  return (
    <article className="comparison" aria-labelledby={titleId}>
      <header className="job-header">
        <div className="job-header__line">
          <h2 id={titleId} className="job-header__title">
            Comparison: {jobs[0]?.title || 'Untitled job'}
          </h2>
          <button
            type="button"
            className="button button--icon"
            onClick={onClose}
            title="Close (Esc)"
          >
            <Icon of={X} />
            <span className="visually-hidden">Close comparison</span>
          </button>
        </div>
        <p className="comparison__summary">
          {groupModelsText(jobs)} · <span aria-label="Group total">{groupCostText(totals)}</span>
        </p>
      </header>
      <div
        className="comparison__columns"
        style={{ '--columns': jobs.length } as React.CSSProperties}
      >
        {jobs.map((job) => (
          <ComparisonColumn key={job.id} job={job} onOpen={onOpen} />
        ))}
      </div>
    </article>
  );
}
