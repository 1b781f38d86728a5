// A model's price and the person's overrides of it. Prices change more often than Mull ships, so
// they are data with the date they were checked, and a person can correct them field by field.
import { z } from 'zod';

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();

/** USD per 1M tokens (zod 4 numbers are finite: Infinity and NaN are refused). */
const UsdPerMillionTokens = z.number().nonnegative();

export const ModelPrice = z.object({
  inputUsdPerMillion: UsdPerMillionTokens,
  /** null: the model has no cached-input discount, so cached tokens bill at the input price. */
  cachedInputUsdPerMillion: UsdPerMillionTokens.nullable(),
  /** Reasoning tokens are output tokens and bill at this price. */
  outputUsdPerMillion: UsdPerMillionTokens,
  /** When someone last compared these numbers with the provider's price page. */
  checkedOn: IsoDate,
});
export type ModelPrice = z.infer<typeof ModelPrice>;

/**
 * A person's correction of one model's price. A missing field keeps the built-in value; an explicit
 * `cachedInputUsdPerMillion: null` removes the cached discount. The date is required: an override
 * is itself a price someone checked on a given day.
 */
export const PriceOverride = ModelPrice.partial().required({ checkedOn: true });
export type PriceOverride = z.infer<typeof PriceOverride>;

/** Overrides by registry model id (the base id, e.g. `gpt-5-pro`, not a dated snapshot). */
export const PriceOverrides = z.record(z.string().min(1), PriceOverride);
export type PriceOverrides = z.infer<typeof PriceOverrides>;

/** The built-in price with the override applied; every field the override sets wins. */
export function applyPriceOverride(
  builtIn: ModelPrice,
  override: PriceOverride | undefined,
): ModelPrice {
  if (!override) return builtIn;
  return {
    inputUsdPerMillion: override.inputUsdPerMillion ?? builtIn.inputUsdPerMillion,
    cachedInputUsdPerMillion:
      override.cachedInputUsdPerMillion === undefined
        ? builtIn.cachedInputUsdPerMillion
        : override.cachedInputUsdPerMillion,
    outputUsdPerMillion: override.outputUsdPerMillion ?? builtIn.outputUsdPerMillion,
    checkedOn: override.checkedOn,
  };
}
