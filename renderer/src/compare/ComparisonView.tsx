// A comparison side by side: one prompt sent to several models in one submit, a column per job,
// and what the whole group cost so far.
import { useId } from 'react';
import { groupCostText, groupModelsText, groupTotals } from '../../../shared/job-group.js';
import { useJobGroup } from '../data/use-job-group.js';
import { ErrorNote } from '../ui/ErrorNote.js';
import { PaneHeading } from '../ui/PaneHeading.js';
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
        <PaneHeading titleId={titleId} closeLabel="Close comparison" onClose={onClose} look="job">
          Comparison: {jobs[0]?.title || 'Untitled job'}
        </PaneHeading>
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
