// Small pure helpers of the landed-cost screens: paths, percent ⇄ fraction strings and sums of
// typed amounts, all in integer (BigInt) arithmetic — never through a float.
import type { LandedDocLine } from '../../../main/common/api';
import { shiftDecimal } from '../../../main/common/calc/pricing';
import { currencyExponent, divRound, formatScaled, isCurrency, parseScaled } from '../../../main/common/money';

export const landedPaths = {
  list: () => '/landed',
  doc: (id: string) => `/landed/${encodeURIComponent(id)}`,
};

export { fractionToPercent } from '../../../main/common/calc/pricing';

/** "12.5" → "0.125"; "" → null; text that is not a percentage → undefined (the form says so). */
export function percentToFraction(percent: string): string | null | undefined {
  const v = percent.trim();
  return v === '' ? null : (shiftDecimal(v, -2) ?? undefined);
}

/** Minor units of a currency → a decimal string to edit ("12.50"). */
export function minorToText(minor: number, currency: string): string {
  return isCurrency(currency) ? formatScaled(BigInt(minor), currencyExponent(currency)) : String(minor);
}

/** The sum of typed amounts in a currency (what does not parse counts as nothing), as a decimal string. */
export function sumTyped(values: string[], currency: string): { text: string; minor: bigint } | null {
  if (!isCurrency(currency)) return null;
  const exp = currencyExponent(currency);
  let sum = 0n;
  for (const v of values) {
    if (!v.trim()) continue;
    try {
      sum += parseScaled(v, exp);
    } catch {
      /* the API names it */
    }
  }
  return { text: formatScaled(sum, exp), minor: sum };
}

/** The typed amount in minor units, or null if it does not parse. */
export function typedMinor(value: string, currency: string): bigint | null {
  if (!isCurrency(currency)) return null;
  try {
    return parseScaled(value, currencyExponent(currency));
  } catch {
    return null;
  }
}

/** A whole percentage of part in whole, rounded half away from zero. */
export function percentOf(part: number, whole: number): number {
  if (whole === 0) return 0;
  return Number(divRound(BigInt(part) * 100n, BigInt(whole)));
}

/** Engine messages name lines by their id (a receipt line's UUID): show the SKU instead. */
export function readableMessage(message: string, lines: LandedDocLine[]): string {
  return message.replace(/line "([0-9a-f-]{36})"/g, (m, id: string) => {
    const l = lines.find((x) => x.receiptLineId === id);
    return l ? `${l.sku} (${l.receiptNumber})` : m;
  });
}
