// Shares shown as percentages (margins, sell-through): one decimal, as the API and the screens
// show them.

/** part of whole as a percentage with one decimal ("42.5"); null when whole is not positive. */
export function percent(part: number, whole: number): string | null {
  return whole > 0 ? (Math.round((part / whole) * 1000) / 10).toFixed(1) : null;
}

/** The margin of a price over a cost (both minor units of one currency), as a percentage of the price. */
export function marginPercent(price: number, cost: number): string | null {
  return percent(price - cost, price);
}
