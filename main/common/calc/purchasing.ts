// Purchase-order totals: each line is quantity × unit price in the order's currency; the order's
// base-currency total converts the order total once, at the rate stored on the order (so the
// lines' base shares are not rounded separately and never disagree with the total).
import { convert, parseRate } from './fx';

export interface PoTotals {
  lineTotals: number[];
  total: number;
  /** null while the order has no exchange rate */
  totalBase: number | null;
}

export function poTotals(lines: readonly { qty: number; unitPrice: number }[], currency: string, base: string, rate: string | null): PoTotals {
  const lineTotals = lines.map((l) => l.qty * l.unitPrice);
  for (const t of lineTotals) if (!Number.isSafeInteger(t)) throw new RangeError('a line total is too large');
  const total = lineTotals.reduce((a, b) => a + b, 0);
  const totalBase = currency === base ? total : rate === null ? null : convert(total, currency, base, parseRate(rate));
  return { lineTotals, total, totalBase };
}
