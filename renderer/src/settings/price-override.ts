// A price override from the form's text fields: each a USD amount per 1M tokens; an empty cached
// field means no cached discount.
import type { PriceOverride } from '../../../shared/model-price.js';

export interface PriceFields {
  input: string;
  cached: string;
  output: string;
}

export function parsePriceFields(fields: PriceFields, checkedOn: string): PriceOverride | string {
  const amount = (text: string) => {
    const value = Number(text.trim());
    return text.trim() !== '' && Number.isFinite(value) && value >= 0 ? value : null;
  };
  const input = amount(fields.input);
  const output = amount(fields.output);
  const cached = fields.cached.trim() === '' ? null : amount(fields.cached);
  if (input === null || output === null)
    return 'Input and output prices are amounts in USD, 0 or more.';
  if (fields.cached.trim() !== '' && cached === null)
    return 'The cached price is an amount in USD, 0 or more.';
  return {
    inputUsdPerMillion: input,
    cachedInputUsdPerMillion: cached,
    outputUsdPerMillion: output,
    checkedOn,
  };
}
