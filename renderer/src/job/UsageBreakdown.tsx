// Tokens and cost of a job, part by part, at the model's current price.
import { formatUsd } from '../../../shared/cost.js';
import type { Job } from '../../../shared/job.js';
import { useCatalogModel } from '../data/use-model-price.js';
import { formatCount, formatPricePerMillion } from '../format/numbers.js';
import { Money } from '../ui/Money.js';
import { partsTotal, usageParts } from './usage-parts.js';

export function UsageBreakdown({ job }: { job: Job }) {
  const model = useCatalogModel(job.resolvedModel ?? job.model);
  if (!job.usage) {
    return <p className="muted">No usage reported yet: the provider sends it when the job ends.</p>;
  }
  const parts = usageParts(job.usage, model?.price);
  const partsCost = partsTotal(parts);
  // The stored cost used the prices in force when the job ended; an override since then can
  // make today's parts add up to something else, so say which is which.
  const repriced =
    partsCost !== null && job.cost !== null && formatUsd(partsCost) !== formatUsd(job.cost);
  return (
    <table className="usage-table">
      <caption className="visually-hidden">Token usage and cost</caption>
      <thead>
        <tr>
          <th scope="col">Part</th>
          <th scope="col" className="numeric">
            Tokens
          </th>
          <th scope="col" className="numeric">
            Price per 1M
          </th>
          <th scope="col" className="numeric">
            Cost
          </th>
        </tr>
      </thead>
      <tbody>
        {parts.map((part) => (
          <tr key={part.label}>
            <th scope="row">{part.label}</th>
            <td className="numeric">{formatCount(part.tokens)}</td>
            <td className="numeric">
              {part.usdPerMillion === null ? '—' : formatPricePerMillion(part.usdPerMillion)}
            </td>
            <td className="numeric">
              <Money usd={part.cost} />
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td className="numeric">{formatCount(job.usage.totalTokens)}</td>
          <td />
          <td className="numeric">
            <Money usd={job.cost ?? partsCost} />
          </td>
        </tr>
        {repriced && (
          <tr>
            <td colSpan={4} className="muted">
              The total was priced when the job ended; at today’s prices it would be{' '}
              {formatUsd(partsCost)}.
            </td>
          </tr>
        )}
      </tfoot>
    </table>
  );
}
