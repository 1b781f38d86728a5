// A cost in USD, or a dash that says why there is none (still running, or no known price).
import { formatUsd } from '../../../shared/cost.js';

export function Money({ usd, pending = false }: { usd: number | null; pending?: boolean }) {
  if (usd === null) {
    return (
      <span
        className="money money--unknown"
        title={pending ? 'Priced when the job ends' : 'No price known for this model'}
      >
        —
      </span>
    );
  }
  return <span className="money">{formatUsd(usd)}</span>;
}
