// One answer of a comparison: its model, status, elapsed time, tokens and cost above the answer,
// which streams in like the job view's (the same cached detail, kept current by the events).
import { type JobSummary } from '../../../shared/job-summary.js';
import { TokenCounts } from '../board/TokenCounts.js';
import { CostCell } from '../board/CostCell.js';
import { useJobDetail } from '../data/use-job-detail.js';
import { LazyMarkdown as Markdown } from '../markdown/LazyMarkdown.js';
import { isRefused } from '../status/job-status.js';
import { StatusBadge } from '../status/StatusBadge.js';
import { Elapsed } from '../time/Elapsed.js';

interface Props {
  job: JobSummary;
  onOpen: (id: string) => void;
}

export function ComparisonColumn({ job, onOpen }: Props) {
  const detail = useJobDetail(job.id);
  const answer = detail.data?.job.answer ?? '';
  // The model asked for: the server's dated name is in the job view.
  const model = job.model;
  return (
    <section className="comparison__column" aria-label={`Answer of ${model}`}>
      <header className="comparison__facts">
        <h3 className="comparison__model">
          {model}
          {job.effort ? ` · ${job.effort}` : ''}
          {job.serviceTier === 'flex' ? ' · flex' : ''}
        </h3>
        <StatusBadge status={job.status} refused={isRefused(job)} />
        <Elapsed job={job} />
        <TokenCounts usage={job.usage} />
        <span className="comparison__cost" aria-label="Cost">
          <CostCell job={job} />
        </span>
        <button type="button" className="button" onClick={() => onOpen(job.id)}>
          Open job
        </button>
      </header>
      <div className="comparison__answer">
        {answer === '' ? (
          <p className="pane__empty">{detail.isPending ? 'Loading…' : 'No answer yet.'}</p>
        ) : (
          <Markdown text={answer} />
        )}
      </div>
    </section>
  );
}
