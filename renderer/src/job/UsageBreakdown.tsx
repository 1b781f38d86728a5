// Tokens and cost of a job, part by part, at the model's current price, then its hosted tool
// calls (web search, file search, code interpreter) at the tool price table's.
import { formatUsd } from '../../../shared/cost.js';
import type { Job } from '../../../shared/job.js';
import { AddPriceLink, pricedModel } from '../board/CostCell.js';
import { useCatalogModel } from '../data/use-model-price.js';
import { formatCount, formatPricePerMillion } from '../format/numbers.js';
import { Money } from '../ui/Money.js';
import { billTotal, toolParts, usageParts } from './usage-parts.js';

export function UsageBreakdown({ job }: { job: Job }) {
  const modelId = pricedModel(job);
  const model = useCatalogModel(modelId);
  if (!job.usage) {
    return <p className="muted">No usage reported yet: the provider sends it when the job ends.</p>;
  }
  const parts = usageParts(job.usage, model?.price);
  const tools = toolParts(job.outputDigest?.toolCalls ?? null, modelId);
  const partsCost = billTotal(parts, tools);
  const total = job.cost ?? partsCost;
  // The stored cost used the prices in force when the job ended; an override since then can
  // make today's parts add up to something else, so say which is which.
  const repriced =
    partsCost !== null && job.cost !== null && formatUsd(partsCost) !== formatUsd(job.cost);
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
