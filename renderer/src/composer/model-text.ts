// A model's price and limits in words, for the picker.
import type { ModelInfo } from '../../../shared/models.js';
import { formatCompactCount, formatPricePerMillion } from '../format/numbers.js';

export function priceText(model: ModelInfo): string {
  const { inputUsdPerMillion, cachedInputUsdPerMillion, outputUsdPerMillion } = model.price;
  const cached =
    cachedInputUsdPerMillion === null
      ? 'no cache discount'
      : `${formatPricePerMillion(cachedInputUsdPerMillion)} cached`;
  return `${formatPricePerMillion(inputUsdPerMillion)} input, ${cached}, ${formatPricePerMillion(outputUsdPerMillion)} output per 1M tokens`;
}

export function limitsText(model: ModelInfo): string {
  const context = `${formatCompactCount(model.contextWindowTokens)} context`;
  return model.maxOutputTokens === null
    ? context
    : `${context}, up to ${formatCompactCount(model.maxOutputTokens)} output`;
}

/** One line for the picker's option: label, the three prices per 1M, the context window. */
export function optionText(model: ModelInfo): string {
  const { inputUsdPerMillion, cachedInputUsdPerMillion, outputUsdPerMillion } = model.price;
  const cached =
    cachedInputUsdPerMillion === null ? '—' : formatPricePerMillion(cachedInputUsdPerMillion);
  return (
    `${model.label} — in ${formatPricePerMillion(inputUsdPerMillion)} · cached ${cached} · ` +
    `out ${formatPricePerMillion(outputUsdPerMillion)} per 1M · ${formatCompactCount(model.contextWindowTokens)} context`
  );
}
