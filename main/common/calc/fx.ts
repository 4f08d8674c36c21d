// Exchange rates as exact decimals. A rate says how many units of the quote currency one unit of
// the base currency buys (ECB convention: USD 1.1684 on a EUR base). Rates are held as integers
// scaled by 10^RATE_DECIMALS; crosses and inverses are rounded half away from zero to that many
// decimals, and amounts are converted in integer minor units, never through floats.
import { currencyExponent, divRound, formatScaled, parseScaled, toSafeNumber } from '../money';

export const RATE_DECIMALS = 10;
const SCALE = 10n ** BigInt(RATE_DECIMALS);

export type Rate = bigint;

/** "7.9827" → scaled rate; refuses zero, negatives and more than 10 decimals. */
export function parseRate(text: string): Rate {
  const r = parseScaled(text, RATE_DECIMALS);
  if (r <= 0n) throw new RangeError(`"${text}" is not a positive rate`);
  return r;
}

/** Scaled rate → shortest decimal string ("7.9827000000" → "7.9827"). */
export function formatRate(r: Rate): string {
  return formatScaled(r, RATE_DECIMALS).replace(/\.?0+$/, '');
}

export function invertRate(r: Rate): Rate {
  return divRound(SCALE * SCALE, r);
}

/**
 * The cross through a shared base: with X per EUR and Y per EUR, one X buys (Y per EUR) / (X
 * per EUR) of Y. E.g. CNY per USD = (CNY per EUR) / (USD per EUR).
 */
export function crossRate(basePerShared: Rate, quotePerShared: Rate): Rate {
  return divRound(quotePerShared * SCALE, basePerShared);
}

/**
 * Converts an amount in minor units of `from` to minor units of `to` at `rate` (to per from):
 * 1,000 JPY at 0.0476 CNY per JPY → 47.60 CNY (4760 fen), rounded once, half away from zero.
 */
export function convert(amountMinor: number, from: string, to: string, rate: Rate): number {
  const expFrom = BigInt(currencyExponent(from));
  const expTo = BigInt(currencyExponent(to));
  return toSafeNumber(divRound(BigInt(amountMinor) * rate * 10n ** expTo, SCALE * 10n ** expFrom));
}
