// The price of a job at the processing tier the server says it used. Flex processing bills
// tokens at about half the Standard price (https://platform.openai.com/docs/guides/flex-processing:
// "Tokens are priced at Batch API rates"; the price table's Flex column,
// https://platform.openai.com/docs/pricing). The tier that counts is the one the terminal response
// reports in `service_tier`, not the one asked for: the server may serve a request otherwise.
import type { Job } from './job.js';
import { findModel, type ModelInfo } from './models.js';
import type { ModelPrice } from './model-price.js';

/** The `service_tier` value a response reports when it was served by flex processing. */
export const flexServedTier = 'flex';

/** Whether the model takes `service_tier: "flex"` (it has a Flex price in the registry). */
export function supportsFlex(model: Pick<ModelInfo, 'flexPrice'> | undefined): boolean {
  return model?.flexPrice !== undefined;
}

/**
 * The price to bill: the model's flex price when the response reports `flex`, else `standard`
 * (the built-in price with the person's overrides). Overrides correct the Standard price only;
 * a flex job of a model with no flex price keeps the standard price rather than go unpriced.
 */
export function priceForServedTier(
  standard: ModelPrice | undefined,
  modelId: string,
  servedTier: string | null | undefined,
): ModelPrice | undefined {
  if (servedTier !== flexServedTier) return standard;
  return findModel(modelId)?.flexPrice ?? standard;
}

/**
 * The `error.code` Mull stores on a pending flex job refused for lack of capacity (HTTP 429
 * Resource Unavailable): not an error of the job, a note that it waits (shown as "Waiting for
 * flex capacity" with the offer to use the standard tier).
 */
export const flexCapacityCode = 'flex_capacity';

/** True while a flex job waits for capacity: pending, and its last create was refused so. */
export function waitsForFlexCapacity(job: Pick<Job, 'status' | 'error'>): boolean {
  return job.status === 'pending' && job.error?.code === flexCapacityCode;
}
