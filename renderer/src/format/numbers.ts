// Token counts for people: full with grouping ("12,345") or compact for tight rows ("12.3K").
const grouped = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export function formatCount(value: number): string {
  return grouped.format(value);
}

export function formatCompactCount(value: number): string {
  return compact.format(value);
}

/** A price per 1M tokens: "$15.00", "$0.175". */
export function formatPricePerMillion(usd: number): string {
  const decimals = Number.isInteger(usd * 100) ? 2 : 3;
  return `$${usd.toFixed(decimals)}`;
}
