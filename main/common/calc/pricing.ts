// Prices: supplier price lists (quantity price breaks, minimum order quantities and case packs),
// and the selling price that earns a target margin or markup on a landed cost. Money is integer
// minor units; rates are decimal strings, never floats.
import { parseScaled, toSafeNumber } from '../money';

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

// ---- selling prices ---------------------------------------------------------------------------

const RATE_DECIMALS = 10;
const ONE = 10n ** BigInt(RATE_DECIMALS);

/** A fraction ("0.3" for 30%) scaled by 10^10; not negative. */
function parseFraction(v: string, what: string): bigint {
  let n: bigint;
  try {
    n = parseScaled(v, RATE_DECIMALS);
  } catch {
    throw new RangeError(`${what} "${v}" is not a decimal fraction (0.3 for 30%)`);
  }
  if (n < 0n) throw new RangeError(`${what} must not be negative`);
  return n;
}

function checkCost(costMinor: number, units: number): void {
  if (!Number.isSafeInteger(costMinor) || costMinor < 0) throw new RangeError('the cost must be a non-negative whole number of minor units');
  if (!Number.isSafeInteger(units) || units < 1) throw new RangeError('the number of units must be a positive whole number');
}

/** a / b rounded up, for a ≥ 0 and b > 0 */
const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;

/**
 * The unit selling price that leaves `margin` of the price as profit: cost / (1 − margin), rounded
 * UP to the minor unit so the target is met. `costMinor` is the cost of `units` units (a line's
 * landed total and its quantity), so a rounded unit cost never eats into the margin.
 * 1,760.00 at 30% → 2,514.29 (2,514.2857… rounded up). A margin of 100% or more has no price.
 */
export function priceForMargin(costMinor: number, margin: string, units = 1): number {
  checkCost(costMinor, units);
  const m = parseFraction(margin, 'a margin');
  if (m >= ONE) throw new RangeError('a margin must be below 100% of the price');
  return toSafeNumber(ceilDiv(BigInt(costMinor) * ONE, (ONE - m) * BigInt(units)));
}

/**
 * The unit selling price that adds `markup` to the cost: cost × (1 + markup), rounded UP to the
 * minor unit. 1,760.00 with a 30% markup → 2,288.00. Markups above 100% are fine.
 */
export function priceForMarkup(costMinor: number, markup: string, units = 1): number {
  checkCost(costMinor, units);
  const m = parseFraction(markup, 'a markup');
  return toSafeNumber(ceilDiv(BigInt(costMinor) * (ONE + m), ONE * BigInt(units)));
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * Moves the decimal point of a decimal string `places` to the right (left when negative), digit
 * by digit: shiftDecimal("5", -2) = "0.05", shiftDecimal("0.125", 2) = "12.5". Leading and
 * trailing zeros are dropped. Null when the text is not a plain decimal number.
 */
export function shiftDecimal(text: string, places: number): string | null {
  const m = DECIMAL.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const sign = m[1] === '-' ? '-' : '';
  let digits = (m[2] ?? '') + (m[3] ?? '');
  let point = (m[2] ?? '').length + places;
  if (point < 1) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const frac = digits.slice(point).replace(/0+$/, '');
  if (whole === '0' && frac === '') return '0';
  return sign + whole + (frac ? '.' + frac : '');
}

/**
 * A percentage as typed → the fraction the API takes: "5" → "0.05", "12.5" → "0.125"; blank →
 * null. Text that is not a number is returned as typed, so the API's validation names it.
 */
export function percentToFraction(text: string): string | null {
  const v = text.trim();
  if (v === '') return null;
  return shiftDecimal(v, -2) ?? v;
}

/** A fraction from the API → a percentage for the screen: "0.05" → "5", "0.125" → "12.5". */
export function fractionToPercent(fraction: string | number | null | undefined): string {
  if (fraction === null || fraction === undefined) return '';
  const v = String(fraction);
  return shiftDecimal(v, 2) ?? v;
}
