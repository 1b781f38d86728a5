// The likely cost of what is about to be submitted, as a range, said plainly.
import { formatUsd, type CostRange } from '../../../shared/cost.js';

interface Props {
  range: CostRange | null;
  jobCount: number;
}

export function CostEstimate({ range, jobCount }: Props) {
  if (jobCount === 0)
    return <p className="cost-estimate muted">Write a prompt to see what it may cost.</p>;
  const jobs = jobCount === 1 ? '1 job' : `${jobCount} jobs`;
  if (!range) {
    return <p className="cost-estimate">{jobs}; the cost is unknown (no price for this model).</p>;
  }
  return (
    <p className="cost-estimate" aria-live="polite">
      {jobs}: likely <strong>{formatUsd(range.low)}</strong> to{' '}
      <strong>{formatUsd(range.high)}</strong>
      <span className="muted">
        {' '}
        (the low end assumes a short answer, the high end every output token the model may write;
        the prompt size is estimated)
      </span>
    </p>
  );
}
