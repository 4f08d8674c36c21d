// Supplier price lists: quantity price breaks, minimum order quantities and case packs.

export interface PriceBreak {
  /** from this quantity up (inclusive) */
  minQty: number;
  /** unit price in minor units of the supplier's currency */
  unitPrice: number;
}

/** The unit price for a quantity: the break with the largest minQty not above it, else the list price. */
export function unitPriceFor(qty: number, listPrice: number, breaks: readonly PriceBreak[]): number {
  let price = listPrice;
  let best = 0;
  for (const b of breaks) {
    if (b.minQty <= qty && b.minQty > best) {
      best = b.minQty;
      price = b.unitPrice;
    }
  }
  return price;
}

/**
 * What can actually be ordered for a wanted quantity: at least the minimum order quantity,
 * rounded up to a whole number of case packs (order multiple).
 */
export function orderableQty(wanted: number, moq: number, multiple: number): number {
  if (!Number.isSafeInteger(wanted) || wanted <= 0) return 0;
  const atLeast = Math.max(wanted, moq);
  return Math.ceil(atLeast / multiple) * multiple;
}

/** Problems with a list of breaks, or null: quantities above 1, strictly rising, prices not negative. */
export function priceBreaksError(breaks: readonly PriceBreak[]): { index: number; message: string } | null {
  for (let i = 0; i < breaks.length; i++) {
    const b = breaks[i]!;
    if (b.minQty <= 1) return { index: i, message: 'a price break starts above 1 unit (the list price covers 1)' };
    if (i > 0 && b.minQty <= breaks[i - 1]!.minQty) return { index: i, message: 'price breaks must go up in quantity' };
    if (b.unitPrice < 0) return { index: i, message: 'a price must not be negative' };
  }
  return null;
}
