// Money is held as integer minor units (cents, yen, fils) with the ISO 4217 exponent of its
// currency. Decimal strings are parsed digit by digit, never through a float.
import currencies from './data/currencies.json';

export type CurrencyCode = string;

const table = currencies as Record<string, { name: string; minor: number }>;

export function isCurrency(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, code);
}

export function currencyExponent(code: CurrencyCode): number {
  const c = table[code];
  if (!c) throw new RangeError(`unknown currency ${code}`);
  return c.minor;
}

export function currencyList(): { code: string; name: string; minor: number }[] {
  return Object.entries(table).map(([code, c]) => ({ code, ...c }));
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal string into an integer scaled by 10^scale. More decimals than the scale
 * allows is an error, not a silent rounding: the user typed something the currency cannot hold.
 */
export function parseScaled(text: string, scale: number): bigint {
  const m = DECIMAL.exec(text.trim());
  if (!m) throw new RangeError(`"${text}" is not a decimal number`);
  const [, sign, whole, frac = ''] = m;
  if (frac.length > scale) {
    throw new RangeError(`"${text}" has more than ${scale} decimal place${scale === 1 ? '' : 's'}`);
  }
  const digits = BigInt((whole ?? '0') + frac.padEnd(scale, '0'));
  return sign === '-' ? -digits : digits;
}

export function formatScaled(value: bigint, scale: number): string {
  const neg = value < 0n;
  const abs = (neg ? -value : value).toString().padStart(scale + 1, '0');
  const whole = abs.slice(0, abs.length - scale);
  const frac = abs.slice(abs.length - scale);
  return (neg ? '-' : '') + whole + (scale > 0 ? '.' + frac : '');
}

/** "12.50" USD → 1250. Throws RangeError naming the problem. */
export function parseMoney(text: string, currency: CurrencyCode): number {
  return toSafeNumber(parseScaled(text, currencyExponent(currency)));
}

/** 1250 USD → "12.50" (no grouping; the UI adds grouping and symbol). */
export function formatMoney(minor: number, currency: CurrencyCode): string {
  return formatScaled(BigInt(minor), currencyExponent(currency));
}

/** Adds thousands separators to a plain decimal string: "-1234567.50" → "-1,234,567.50". */
export function groupDigits(decimal: string): string {
  const [whole = '', frac] = decimal.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (frac !== undefined ? '.' + frac : '');
}

export function toSafeNumber(v: bigint): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError('amount is too large');
  return n;
}

/** Integer division rounding half away from zero (the one rounding rule of the app). */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const neg = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (2n * d);
  return neg ? -q : q;
}

/**
 * Splits a non-negative total (minor units) over non-negative weights by largest remainder:
 * each part gets floor(total × w / Σw), then the leftover units go one each to the largest
 * remainders, earlier index first on ties. Parts always sum to the total and none is negative.
 * With all weights zero the total is split equally.
 */
export function allocate(total: number, weights: readonly (number | bigint)[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError('total must be a non-negative integer');
  if (weights.length === 0) throw new RangeError('nothing to allocate over');
  let w = weights.map((x) => BigInt(x));
  if (w.some((x) => x < 0n)) throw new RangeError('weights must not be negative');
  let sum = w.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    w = w.map(() => 1n);
    sum = BigInt(w.length);
  }
  const t = BigInt(total);
  const parts = w.map((x) => (t * x) / sum);
  const rema = w.map((x, i) => ({ i, r: (t * x) % sum }));
  let left = t - parts.reduce((a, b) => a + b, 0n);
  rema.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (let k = 0; left > 0n; k++, left--) {
    const idx = rema[k]!.i;
    parts[idx] = parts[idx]! + 1n;
  }
  return parts.map(toSafeNumber);
}
