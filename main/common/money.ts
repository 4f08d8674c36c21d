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
  const quick = quickScaled(text, scale);
  if (quick !== null) return BigInt(quick);
  const m = DECIMAL.exec(text.trim());
  if (!m) throw new RangeError(`"${text}" is not a decimal number`);
  const [, sign, whole, frac = ''] = m;
  if (frac.length > scale) {
    throw new RangeError(`"${text}" has more than ${scale} decimal place${scale === 1 ? '' : 's'}`);
  }
  const w = whole ?? '0';
  // up to 15 digits fit a double exactly: skip building a string for BigInt
  const digits = w.length + scale <= 15 ? BigInt(Number(w) * 10 ** scale + (frac ? Number(frac) * 10 ** (scale - frac.length) : 0)) : BigInt(w + frac.padEnd(scale, '0'));
  return sign === '-' ? -digits : digits;
}

/**
 * The common case without a regular expression: plain digits with an optional point and at most
 * `scale` decimals, 15 significant digits at most (exact in a double). Anything else (a sign,
 * spaces, too many decimals, junk) returns null and takes the full path with its messages.
 */
function quickScaled(text: string, scale: number): number | null {
  const n = text.length;
  if (n === 0 || n > 16) return null;
  let value = 0;
  let decimals = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (decimals >= 0 || i === 0 || i === n - 1) return null;
      decimals = 0;
    } else if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      if (decimals >= 0) decimals++;
    } else return null;
  }
  const places = decimals < 0 ? 0 : decimals;
  if (places > scale || n - (decimals < 0 ? 0 : 1) + scale - places > 15) return null;
  return value * POW10[scale - places]!;
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

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
  const n = weights.length;
  if (n === 0) throw new RangeError('nothing to allocate over');
  let small = true;
  let fsum = 0;
  for (let i = 0; i < n; i++) {
    const v = weights[i]!;
    if (v < 0) throw new RangeError('weights must not be negative');
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) small = false;
    else fsum += v;
  }
  if (small && fsum === 0) return allocate(total, weights.map(() => 1));
  // With every product total × weight below 2^53, plain numbers are exact: a float quotient is
  // corrected by its exact remainder. This is the usual case and avoids BigInt entirely.
  if (small && fsum <= 2 ** 52 && total * fsum <= 2 ** 52) return allocateSmall(total, weights as readonly number[], fsum);
  const w = weights.map((v) => BigInt(v));
  let sum = w.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    w.fill(1n);
    sum = BigInt(n);
  }
  const t = BigInt(total);
  const parts = new Array<number>(n);
  const rem = new Array<bigint>(n);
  let left = total;
  for (let i = 0; i < n; i++) {
    const p = t * w[i]!;
    const q = p / sum;
    parts[i] = Number(q);
    rem[i] = p - q * sum;
    left -= parts[i]!;
  }
  return giveLeftovers(parts, left, (a, b) => (rem[a] === rem[b] ? a - b : rem[a]! > rem[b]! ? -1 : 1));
}

function allocateSmall(total: number, w: readonly number[], sum: number): number[] {
  const n = w.length;
  const parts = new Array<number>(n);
  const rem = new Array<number>(n);
  let left = total;
  for (let i = 0; i < n; i++) {
    const p = total * w[i]!;
    let q = Math.floor(p / sum);
    let r = p - q * sum;
    if (r < 0) {
      q -= 1;
      r += sum;
    } else if (r >= sum) {
      q += 1;
      r -= sum;
    }
    parts[i] = q;
    rem[i] = r;
    left -= q;
  }
  if (left > 0 && sum * n <= 2 ** 53) {
    // one sortable number per line: remainder first, then earlier line first (a native numeric
    // sort, several times faster than sorting with a comparator)
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = rem[i]! * n + (n - 1 - i);
    keys.sort();
    for (let k = 0; k < left; k++) parts[n - 1 - (keys[n - 1 - k]! % n)]!++;
    return parts;
  }
  return giveLeftovers(parts, left, (a, b) => rem[b]! - rem[a]! || a - b);
}

/** The units left after flooring go one each to the largest remainders, earlier index first on ties. */
function giveLeftovers(parts: number[], left: number, byRemainder: (a: number, b: number) => number): number[] {
  if (left > 0) {
    const order = Array.from({ length: parts.length }, (_, i) => i).sort(byRemainder);
    for (let k = 0; k < left; k++) parts[order[k]!]!++;
  }
  return parts;
}
