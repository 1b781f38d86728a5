// Tokens and cost of a job, part by part, then its hosted tool calls (web search, file search, code
// interpreter) at the tool price table's. A finished job's rows are priced at the price its cost was
// computed with (job.priceUsed), so rows and total always agree; a price override made since
// applies to new jobs and is said so. A running job is priced at today's price, as an estimate.
import { formatUsd } from '../../../shared/cost.js';
import type { Job } from '../../../shared/job.js';
import { AddPriceLink, pricedModel } from '../board/CostCell.js';
import { useModels } from '../data/use-app-data.js';
import { useCatalogModel } from '../data/use-model-price.js';
import { formatDay } from '../format/dates.js';
import { formatCount, formatPricePerMillion } from '../format/numbers.js';
import { Money } from '../ui/Money.js';
import { priceForServedTier } from '../../../shared/tier-price.js';
import { billPrice, billTotal, toolParts, usageParts } from './usage-parts.js';

export function UsageBreakdown({ job }: { job: Job }) {
  const modelId = pricedModel(job);
  const model = useCatalogModel(modelId);
  // Today's price is known once the catalog (with the overrides) has come.
  const catalogLoaded = useModels().data !== undefined;
  if (!job.usage) {
    return <p className="muted">No usage reported yet: the provider sends it when the job ends.</p>;
  }
  // Today's price at the job's tier: served (or, until it ends, asked) flex bills the flex price.
  const tierPrice = priceForServedTier(model?.price, modelId, job.servedTier ?? job.serviceTier);
  const bill = billPrice(job, tierPrice);
  const newerOverride = bill.newerPrice && catalogLoaded;
  const parts = usageParts(job.usage, bill.price);
  const tools = toolParts(job.outputDigest?.toolCalls ?? null, modelId);
  const partsCost = billTotal(parts, tools);
  // At the price used the rows add up to the stored cost; shown from the rows, so they agree.
  const total = bill.basis === 'used' ? (partsCost ?? job.cost) : (job.cost ?? partsCost);
  // A job from before prices were kept with jobs: its stored cost used the prices of when it
  // ended, which an override since can make differ from today's rows.
  const repriced =
    bill.basis === 'current' &&
    partsCost !== null &&
    job.cost !== null &&
    formatUsd(partsCost) !== formatUsd(job.cost);
  const priceDate = bill.price ? formatDay(bill.price.checkedOn) : undefined;
  return (
    <table className="usage-table">
      <caption className="visually-hidden">
        {tools.length > 0 ? 'Token usage, tool calls and cost' : 'Token usage and cost'}
      </caption>
      <thead>
        <tr>
          <th scope="col">Part</th>
          <th scope="col" className="numeric">
            {tools.length > 0 ? 'Tokens or calls' : 'Tokens'}
          </th>
          <th scope="col" className="numeric">
            {tools.length > 0 ? 'Price (tokens per 1M)' : 'Price per 1M'}
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
        {tools.map((line) => (
          <tr key={line.tool}>
            <th scope="row">{line.label}</th>
            <td className="numeric">
              {formatCount(line.count)} {line.tool === 'code_interpreter' ? 'containers' : 'calls'}
            </td>
            <td className="numeric">{line.unit}</td>
            <td className="numeric">
              <Money usd={line.cost} />
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
            {total === null && !model ? <AddPriceLink model={modelId} /> : <Money usd={total} />}
          </td>
        </tr>
        {bill.basis === 'used' && newerOverride && (
          <tr>
            <td colSpan={4} className="muted">
              Priced at the prices of {priceDate}, in force when the job ended; your override
              applies to new jobs.
            </td>
          </tr>
        )}
        {bill.basis === 'estimate' && bill.price && (
          <tr>
            <td colSpan={4} className="muted">
              An estimate at today’s prices: the cost is fixed when the job ends.
            </td>
          </tr>
        )}
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
