// A job's cost on the board: the amount; a dash while it runs; and for a job that ended with
// usage but no price (a model Mull has no price for) a link to the price correction in Settings
// instead of a silent dash.
import { isSettled } from '../../../shared/job.js';
import { type JobSummary } from '../../../shared/job-summary.js';
import { findModel } from '../../../shared/models.js';
import { priceOverrideHash } from '../settings/PriceOverrides.js';
import { Money } from '../ui/Money.js';

type CostFields = Pick<JobSummary, 'cost' | 'status' | 'usage' | 'model' | 'resolvedModel'>;

/** The model a job is priced by: the server's dated name when known, else the one asked for. */
export function pricedModel(job: Pick<JobSummary, 'model' | 'resolvedModel'>): string {
  return job.resolvedModel ?? job.model;
}

/** True when a job's cost cannot be computed because Mull has no price for its model. */
export function costUnknown(job: CostFields): boolean {
  return (
    job.cost === null &&
    isSettled(job.status) &&
    job.usage !== null &&
    findModel(pricedModel(job)) === undefined
  );
}

/** "cost unknown: add a price", opening Settings at the price corrections for this model. */
export function AddPriceLink({ model }: { model: string }) {
  return (
    <a
      className="money money--unknown add-price-link"
      href={priceOverrideHash(model)}
      title={`No price known for ${model}: open the price corrections in Settings`}
      // The board row opens the job on click; this link goes to Settings instead.
      onClick={(event) => event.stopPropagation()}
    >
      cost unknown: add a price
    </a>
  );
}

export function CostCell({ job }: { job: CostFields }) {
  if (costUnknown(job)) return <AddPriceLink model={pricedModel(job)} />;
  return <Money usd={job.cost} pending={!isSettled(job.status)} />;
}
