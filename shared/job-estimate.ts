// One job's likely cost before it is sent, from its prompt, instructions and output cap: what the
// composer shows and what the budget is checked against (the composer and the CLI alike).
import { estimateCostRange, estimatePromptTokens, type CostRange } from './cost.js';
import type { ModelPrice } from './model-price.js';
import type { ModelInfo } from './models.js';

export interface JobToEstimate {
  prompt: string;
  instructions?: string | undefined;
  maxOutputTokens?: number | undefined;
}

export function estimateJobCost(
  model: Pick<ModelInfo, 'contextWindowTokens' | 'maxOutputTokens' | 'price'>,
  job: JobToEstimate,
  price: ModelPrice = model.price,
): CostRange {
  // The instructions are input too, sent with every job.
  const instructionTokens =
    job.instructions === undefined ? 0 : estimatePromptTokens(job.instructions);
  return estimateCostRange(
    model,
    estimatePromptTokens(job.prompt) + instructionTokens,
    job.maxOutputTokens,
    price,
  );
}
