// Landed cost: what each line of a consignment really costs once it is on the shelf.
//
// Input and output are plain JSON (the CLI's format and the API's): amounts are decimal strings,
// rates and quantities numbers or decimal strings. Everything is computed in integers:
// - every amount is converted to the result currency and rounded to its minor unit first;
// - each charge is then split over the lines by largest remainder (money.allocate), so the
//   shares always sum to the charge and none is negative;
// - duty, excise and VAT are computed per line and rounded once, half away from zero.
// The customs rules are parameters (usually from a dated profile, see customs.ts), not code paths.
import { allocate, currencyExponent, divRound, formatMoney, formatScaled, isCurrency, parseScaled, toSafeNumber } from '../money';
import { convert, RATE_DECIMALS } from './fx';

export type Decimal = string | number;
export type SplitMethod = 'value' | 'quantity' | 'weight' | 'volume' | 'equal';
export type SplitInput = SplitMethod | { manual: Record<string, string> };
export const SPLIT_METHODS: readonly SplitMethod[] = ['value', 'quantity', 'weight', 'volume', 'equal'];

/** Freight and insurance to the border are usually part of the customs value; bank and broker fees are not. */
export const inCustomsValueByDefault = (kind: string) => kind === 'freight' || kind === 'insurance';

export interface LandedLineInput {
  id: string;
  quantity: Decimal;
  /** unit price in the line's currency; up to 4 decimals beyond its minor unit (wholesale prices) */
  unitPrice: string;
  currency: string;
  unitWeightKg?: Decimal | null;
  unitVolumeM3?: Decimal | null;
  hsCode?: string | null;
  dutyRate?: Decimal | null;
  exciseRate?: Decimal | null;
  /** this line's own exchange rate (result currency per unit of its currency), e.g. its receipt's */
  rate?: Decimal | null;
}

export interface LandedChargeInput {
  id: string;
  amount: string;
  currency: string;
  split: SplitInput;
  /** part of the customs value (freight and insurance to the border usually are); default true */
  inCustomsValue?: boolean;
  /**
   * part of the import VAT base; default: as inCustomsValue. The EU adds transport to the first
   * destination inside the EU to the VAT base but not to the customs value (VAT Directive art. 86).
   */
  inVatBase?: boolean;
  rate?: Decimal | null;
}

export interface FeeInput {
  id: string;
  name?: string;
  /** fraction of the consignment's dutiable value */
  rate: Decimal;
  min?: string | null;
  max?: string | null;
  optional?: boolean;
}

export interface CustomsInput {
  /** a named profile whose fields the other fields override */
  profile?: string;
  /** currency of the thresholds, flat duty and fee limits; default the result currency */
  currency?: string;
  dutyBasis?: 'FOB' | 'CIF';
  dutyFreeUpTo?: string | null;
  vatFreeUpTo?: string | null;
  lowValueDutyPerHs6?: string | null;
  vatRate?: Decimal;
  taxFactor?: Decimal;
  vatRecoverable?: boolean;
  consignmentLimit?: string | null;
  annualLimit?: string | null;
  fees?: FeeInput[];
  /** ids of optional fees to apply (a profile's optional fees are off unless named here) */
  includeFees?: string[];
}

export interface LandedInput {
  currency: string;
  /** the day the calculation is for (picks the profile version); default today */
  date?: string;
  rates?: Record<string, Decimal>;
  lines: LandedLineInput[];
  charges?: LandedChargeInput[];
  customs?: CustomsInput | null;
}

export interface LandedLineResult {
  id: string;
  quantity: number;
  goods: number;
  charges: Record<string, number>;
  dutiableValue: number;
  duty: number;
  excise: number;
  vatBase: number;
  vat: number;
  landedTotal: number;
  landedUnitCost: number;
}

export interface LandedTotals {
  goods: number;
  charges: number;
  duty: number;
  excise: number;
  vat: number;
  /** VAT left out of the landed cost because the merchant reclaims it */
  recoverableVat: number;
  landedTotal: number;
}

/** All amounts in minor units of `currency`. */
export interface LandedResult {
  currency: string;
  lines: LandedLineResult[];
  /** each charge and fee in the result currency, by id */
  chargeTotals: Record<string, number>;
  totals: LandedTotals;
  /** true when the consignment was at or under the duty-free threshold */
  lowValue: boolean;
  warnings: string[];
}

export interface Issue {
  /** JSON path: lines[1].quantity */
  path: string;
  message: string;
}

export class LandedInputError extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  }
}

/** Finds a named profile's customs fields for a day, or says why it cannot. */
export type ProfileLookup = (name: string, date: string) => { customs: CustomsInput; currency: string } | { error: string };

const S = 10n ** BigInt(RATE_DECIMALS);
const RATE_SCALE = Number(S);
const PRICE_EXTRA = 4;
const WEIGHT_DECIMALS = 6;
const VOLUME_DECIMALS = 9;

// ---------------------------------------------------------------------------------------------
// Parsing: every problem is collected with its path, so the user sees them all at once.

interface Line {
  id: string;
  quantity: bigint;
  /** unit price × 10^(exponent + PRICE_EXTRA) */
  price: bigint;
  currency: string;
  weight: bigint | null;
  volume: bigint | null;
  hs6: string | null;
  dutyRate: bigint | null;
  exciseRate: bigint;
  rate: bigint;
}

interface Charge {
  id: string;
  amount: number;
  currency: string;
  split: SplitMethod | { manual: bigint[] };
  inCustomsValue: boolean;
  inVatBase: boolean;
  rate: bigint;
}

interface Fee {
  id: string;
  rate: bigint;
  min: number | null;
  max: number | null;
}

interface Customs {
  currency: string;
  rate: bigint;
  dutyBasis: 'FOB' | 'CIF';
  dutyFreeUpTo: number | null;
  vatFreeUpTo: number | null;
  lowValueDutyPerHs6: number | null;
  vatRate: bigint;
  taxFactor: bigint;
  vatRecoverable: boolean;
  consignmentLimit: number | null;
  fees: Fee[];
}

interface Parsed {
  currency: string;
  lines: Line[];
  charges: Charge[];
  customs: Customs | null;
}

class Reader {
  readonly issues: Issue[] = [];

  fail(path: string, message: string): null {
    this.issues.push({ path, message });
    return null;
  }

  text(v: unknown, path: string): string | null {
    if (typeof v !== 'string' || v.trim() === '') return this.fail(path, 'is required');
    return v;
  }

  currency(v: unknown, path: string): string | null {
    if (typeof v !== 'string' || !isCurrency(v)) return this.fail(path, `${JSON.stringify(v ?? null)} is not an ISO 4217 currency code`);
    return v;
  }

  /** a number or decimal string, at most `scale` decimals, not negative */
  decimal(v: unknown, path: string, scale: number): bigint | null {
    const text = typeof v === 'number' && Number.isFinite(v) ? plainDecimal(v) : v;
    if (typeof text !== 'string') return this.fail(path, 'must be a number or a decimal string');
    try {
      const n = parseScaled(text, scale);
      if (n < 0n) return this.fail(path, 'must not be negative');
      return n;
    } catch (e) {
      return this.fail(path, (e as Error).message);
    }
  }

  positiveInteger(v: unknown, path: string): bigint | null {
    if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return BigInt(v);
    const text = typeof v === 'number' ? String(v) : v;
    if (typeof text !== 'string' || !/^\s*\d+\s*$/.test(text) || BigInt(text.trim()) === 0n) return this.fail(path, 'must be a positive integer');
    return BigInt(text.trim());
  }

  /** an amount of money: a decimal string within the currency's minor unit */
  amount(v: unknown, path: string, currency: string | null, scaleExtra = 0): bigint | null {
    if (typeof v !== 'string') return this.fail(path, 'must be a decimal string, e.g. "12.50"');
    if (!currency) return null;
    const places = currencyExponent(currency) + scaleExtra;
    const n = this.decimal(v, path, places);
    const last = this.issues.at(-1);
    if (n === null && last?.path === path && /decimal place/.test(last.message)) {
      last.message = places === 0 ? `${currency} amounts have no decimals` : `${currency} amounts have at most ${places} decimal place${places === 1 ? '' : 's'} here`;
    }
    return n;
  }

  money(v: unknown, path: string, currency: string | null): number | null {
    const n = this.amount(v, path, currency);
    if (n === null) return null;
    try {
      return toSafeNumber(n);
    } catch {
      return this.fail(path, 'is too large');
    }
  }

  optional<T>(v: unknown, read: (v: unknown) => T | null): T | null {
    return v === undefined || v === null ? null : read(v);
  }

  /** a fraction such as a duty or VAT rate: 0 ≤ r, 10 decimals */
  fraction(v: unknown, path: string, below1 = false): bigint | null {
    const r = this.decimal(v, path, RATE_DECIMALS);
    if (r !== null && below1 && r >= S) return this.fail(path, 'must be less than 1');
    return r;
  }

  /** an exchange rate: positive */
  fxRate(v: unknown, path: string): bigint | null {
    const r = this.decimal(v, path, RATE_DECIMALS);
    if (r === 0n) return this.fail(path, 'an exchange rate of zero is not a rate');
    return r;
  }
}

/**
 * A JSON number as the decimal it was written as: JavaScript prints 0.0000005 as "5e-7", so the
 * exponent is moved into the digits (its shortest round-trip digits are exactly what was typed).
 */
export function plainDecimal(n: number): string {
  const [mantissa = '', exp] = String(n).split('e');
  if (exp === undefined) return mantissa;
  const neg = mantissa.startsWith('-');
  const [whole = '', frac = ''] = (neg ? mantissa.slice(1) : mantissa).split('.');
  const digits = whole + frac;
  const point = whole.length + Number(exp);
  const text =
    point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (neg ? '-' : '') + text;
}

function object(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function parse(raw: unknown, lookup?: ProfileLookup, today = new Date().toISOString().slice(0, 10)): Parsed {
  const r = new Reader();
  const input = object(raw);
  if (!input) throw new LandedInputError([{ path: '$', message: 'must be a JSON object' }]);
  const currency = r.currency(input.currency, 'currency');
  const validDate = input.date === undefined || (typeof input.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(input.date));
  if (!validDate) r.fail('date', 'must be a date YYYY-MM-DD');
  const date = validDate && typeof input.date === 'string' ? input.date : today;

  const rates = new Map<string, bigint>();
  const ratesIn = input.rates === undefined ? {} : object(input.rates);
  if (!ratesIn) r.fail('rates', 'must be an object of currency → rate');
  for (const [code, v] of Object.entries(ratesIn ?? {})) {
    if (!isCurrency(code)) r.fail(`rates.${code}`, 'is not an ISO 4217 currency code');
    const rate = r.fxRate(v, `rates.${code}`);
    // a bad rate is reported once, here; the lines using it must not also say it is missing
    rates.set(code, rate ?? S);
  }
  /** result-currency units per unit of `code`: the item's own rate, the table, or 1 for the same currency */
  const rateFor = (code: string | null, own: unknown, path: string): bigint => {
    if (own !== undefined && own !== null) return r.fxRate(own, `${path}.rate`) ?? S;
    if (!code || !currency || code === currency) return S;
    const found = rates.get(code);
    if (found === undefined) r.fail(`${path}.currency`, `no exchange rate for ${code} → ${currency}: add rates.${code}`);
    return found ?? S;
  };

  const lines: Line[] = [];
  const linesIn = input.lines;
  if (!Array.isArray(linesIn) || linesIn.length === 0) r.fail('lines', 'at least one line is needed');
  const ids = new Set<string>();
  (Array.isArray(linesIn) ? linesIn : []).forEach((v, i) => {
    const p = `lines[${i}]`;
    const l = object(v);
    if (!l) return void r.fail(p, 'must be an object');
    const id = r.text(l.id, `${p}.id`);
    if (id !== null && ids.has(id)) r.fail(`${p}.id`, `"${id}" is used by another line`);
    if (id !== null) ids.add(id);
    const quantity = r.positiveInteger(l.quantity, `${p}.quantity`);
    const cur = r.currency(l.currency, `${p}.currency`);
    const price = r.amount(l.unitPrice, `${p}.unitPrice`, cur, PRICE_EXTRA);
    let hs6: string | null = null;
    if (l.hsCode !== undefined && l.hsCode !== null) {
      const hs = typeof l.hsCode === 'string' ? l.hsCode.replace(/[.\s]/g, '') : '';
      if (!/^\d{6,10}$/.test(hs)) r.fail(`${p}.hsCode`, 'an HS code has at least 6 digits');
      else hs6 = hs.slice(0, 6);
    }
    lines.push({
      id: id ?? String(i),
      quantity: quantity ?? 1n,
      price: price ?? 0n,
      currency: cur ?? '',
      weight: r.optional(l.unitWeightKg, (x) => r.decimal(x, `${p}.unitWeightKg`, WEIGHT_DECIMALS)),
      volume: r.optional(l.unitVolumeM3, (x) => r.decimal(x, `${p}.unitVolumeM3`, VOLUME_DECIMALS)),
      hs6,
      dutyRate: r.optional(l.dutyRate, (x) => r.fraction(x, `${p}.dutyRate`)),
      exciseRate: r.optional(l.exciseRate, (x) => r.fraction(x, `${p}.exciseRate`, true)) ?? 0n,
      rate: rateFor(cur, l.rate, p),
    });
  });

  const charges: Charge[] = [];
  const chargesIn = input.charges ?? [];
  if (!Array.isArray(chargesIn)) r.fail('charges', 'must be a list');
  const chargeIds = new Set<string>();
  (Array.isArray(chargesIn) ? chargesIn : []).forEach((v, j) => {
    const p = `charges[${j}]`;
    const c = object(v);
    if (!c) return void r.fail(p, 'must be an object');
    const id = r.text(c.id, `${p}.id`);
    if (id !== null && chargeIds.has(id)) r.fail(`${p}.id`, `"${id}" is used by another charge`);
    if (id !== null) chargeIds.add(id);
    const cur = r.currency(c.currency, `${p}.currency`);
    const amount = r.money(c.amount, `${p}.amount`, cur);
    let split: Charge['split'] = 'value';
    const manual = object(c.split);
    if (typeof c.split === 'string' && (SPLIT_METHODS as string[]).includes(c.split)) split = c.split as SplitMethod;
    else if (manual && object(manual.manual)) {
      const shares = object(manual.manual)!;
      for (const key of Object.keys(shares)) if (!ids.has(key)) r.fail(`${p}.split.manual.${key}`, 'is not the id of a line');
      const parts = lines.map((l) => r.optional(shares[l.id], (x) => r.amount(x, `${p}.split.manual.${l.id}`, cur)) ?? 0n);
      const sum = parts.reduce((a, b) => a + b, 0n);
      if (amount !== null && cur && sum !== BigInt(amount)) {
        r.fail(`${p}.split.manual`, `the manual shares add up to ${fmt(sum, cur)}, not the charge's ${fmt(BigInt(amount), cur)}`);
      }
      split = { manual: parts };
    } else {
      r.fail(`${p}.split`, `${JSON.stringify(c.split ?? null)} is not a split method: use value, quantity, weight, volume, equal or {"manual": {…}}`);
    }
    for (const flag of ['inCustomsValue', 'inVatBase']) if (c[flag] !== undefined && typeof c[flag] !== 'boolean') r.fail(`${p}.${flag}`, 'must be true or false');
    const inCustomsValue = c.inCustomsValue !== false;
    charges.push({ id: id ?? String(j), amount: amount ?? 0, currency: cur ?? '', split, inCustomsValue, inVatBase: typeof c.inVatBase === 'boolean' ? c.inVatBase : inCustomsValue, rate: rateFor(cur, c.rate, p) });
  });

  let customs: Customs | null = null;
  if (input.customs !== undefined && input.customs !== null) {
    let c = object(input.customs);
    if (!c) r.fail('customs', 'must be an object');
    if (c && c.profile !== undefined) {
      const found = typeof c.profile === 'string' && lookup ? lookup(c.profile, date) : { error: lookup ? 'must be a profile name' : 'profiles are not available here' };
      if ('error' in found) r.fail('customs.profile', found.error);
      else {
        c = { currency: found.currency, ...stripUndefined(found.customs), ...stripUndefined(c) };
      }
    }
    if (c) customs = parseCustoms(r, c, currency, (code) => rateFor(code, undefined, 'customs'), new Set(chargeIds));
  }
  if (r.issues.length) throw new LandedInputError(r.issues);
  return { currency: currency!, lines, charges, customs };
}

function stripUndefined(o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

function parseCustoms(r: Reader, c: Record<string, unknown>, result: string | null, rateFor: (code: string) => bigint, taken: Set<string>): Customs {
  const cur = c.currency === undefined ? result : r.currency(c.currency, 'customs.currency');
  const money = (key: string) => r.optional(c[key], (x) => r.money(x, `customs.${key}`, cur));
  if (c.dutyBasis !== undefined && c.dutyBasis !== 'FOB' && c.dutyBasis !== 'CIF') r.fail('customs.dutyBasis', 'must be "FOB" or "CIF"');
  if (c.vatRecoverable !== undefined && typeof c.vatRecoverable !== 'boolean') r.fail('customs.vatRecoverable', 'must be true or false');
  const include = Array.isArray(c.includeFees) ? c.includeFees : [];
  const fees: Fee[] = [];
  if (c.fees !== undefined && !Array.isArray(c.fees)) r.fail('customs.fees', 'must be a list');
  (Array.isArray(c.fees) ? c.fees : []).forEach((v, k) => {
    const p = `customs.fees[${k}]`;
    const f = object(v);
    if (!f) return void r.fail(p, 'must be an object');
    const id = r.text(f.id, `${p}.id`);
    if (id !== null && taken.has(id)) r.fail(`${p}.id`, `"${id}" is already the id of a charge or another fee`);
    if (id !== null) taken.add(id);
    if (f.optional === true && !include.includes(id)) return;
    fees.push({
      id: id ?? `fee${k}`,
      rate: r.fraction(f.rate, `${p}.rate`) ?? 0n,
      min: r.optional(f.min, (x) => r.money(x, `${p}.min`, cur)),
      max: r.optional(f.max, (x) => r.money(x, `${p}.max`, cur)),
    });
  });
  const limits = [c.dutyFreeUpTo, c.vatFreeUpTo, c.lowValueDutyPerHs6, c.consignmentLimit, ...fees.flatMap((x) => [x.min, x.max])];
  // a rate to the result currency is needed only when there is an amount to convert
  const needsRate = limits.some((v) => v !== undefined && v !== null);
  return {
    currency: cur ?? '',
    rate: cur && needsRate ? rateFor(cur) : S,
    dutyBasis: c.dutyBasis === 'FOB' ? 'FOB' : 'CIF',
    dutyFreeUpTo: money('dutyFreeUpTo'),
    vatFreeUpTo: money('vatFreeUpTo'),
    lowValueDutyPerHs6: money('lowValueDutyPerHs6'),
    vatRate: r.optional(c.vatRate, (x) => r.fraction(x, 'customs.vatRate')) ?? 0n,
    taxFactor: r.optional(c.taxFactor, (x) => r.fraction(x, 'customs.taxFactor')) ?? S,
    vatRecoverable: c.vatRecoverable === true,
    consignmentLimit: money('consignmentLimit'),
    fees,
  };
}

function fmt(minor: bigint, currency: string): string {
  return `${formatScaled(minor, currencyExponent(currency))} ${currency}`;
}

// ---------------------------------------------------------------------------------------------
// Computing.

/** Plain numbers where exact, so money.allocate can take its fast path. */
const weight = (x: bigint): number | bigint => (x <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(x) : x);

function splitWeights(method: SplitMethod, lines: Line[], goods: number[], path: string): (number | bigint)[] {
  const measure = (key: 'weight' | 'volume', field: string) =>
    lines.map((l, i) => {
      const unit = l[key];
      if (unit === null || unit === 0n) {
        throw new LandedInputError([{ path: `lines[${i}].${field}`, message: `line "${l.id}" has no ${key}, so it cannot share a charge split by ${key} (${path})` }]);
      }
      return weight(unit * l.quantity);
    });
  switch (method) {
    case 'value':
      return goods;
    case 'quantity':
      return lines.map((l) => weight(l.quantity));
    case 'weight':
      return measure('weight', 'unitWeightKg');
    case 'volume':
      return measure('volume', 'unitVolumeM3');
    case 'equal':
      return lines.map(() => 1);
  }
}

function share(total: number, weights: readonly (number | bigint)[], path: string, basis: string): number[] {
  if (total > 0 && weights.every((w) => w == 0)) {
    throw new LandedInputError([{ path, message: `cannot split by ${basis}: the lines' ${basis} adds up to zero` }]);
  }
  return total === 0 ? weights.map(() => 0) : allocate(total, weights);
}

function toResult(amountMinor: number, from: string, to: string, rate: bigint): number {
  return from === to ? amountMinor : convert(amountMinor, from, to, rate);
}

const LIMIT = 2 ** 53;

/** A sum that must stay an exact integer: beyond 2^53 the amounts are too large to hold. */
function safe(x: number): number {
  if (!(x < LIMIT)) throw new RangeError('an amount is too large');
  return x;
}

function safeSum(xs: readonly number[]): number {
  let total = 0;
  for (const x of xs) total += x;
  return safe(total);
}

/**
 * round(a × b / d), half away from zero, for non-negative integers; d defaults to the rate
 * scale (a rate times an amount). Plain numbers while every step is exact, BigInt beyond.
 */
function mulDiv(a: bigint | number, b: number, d: number = RATE_SCALE): number {
  const x = typeof a === 'bigint' ? Number(a) : a;
  const prod = x * b;
  if (prod + d < LIMIT && x < LIMIT) {
    let q = Math.floor(prod / d);
    let r = prod - q * d;
    if (r < 0) {
      q -= 1;
      r += d;
    } else if (r >= d) {
      q += 1;
      r -= d;
    }
    return 2 * r >= d ? q + 1 : q;
  }
  return toSafeNumber(divRound(BigInt(a) * BigInt(b), BigInt(d)));
}

function compute(p: Parsed): LandedResult {
  const cur = p.currency;
  const expTo = BigInt(currencyExponent(cur));
  const scaleTo = 10n ** expTo;
  const divisors = new Map<string, bigint>();
  const goods = p.lines.map((l) => {
    let d = divisors.get(l.currency);
    if (d === undefined) divisors.set(l.currency, (d = S * 10n ** BigInt(currencyExponent(l.currency) + PRICE_EXTRA)));
    return divRound(l.quantity * l.price * l.rate * scaleTo, d);
  });
  const goodsN = goods.map(toSafeNumber);
  const n = p.lines.length;
  const chargeShares = new Map<string, number[]>();
  const customsShare = Array<number>(n).fill(0);
  const vatOnlyShare = Array<number>(n).fill(0);
  const chargeTotals: Record<string, number> = {};
  p.charges.forEach((c, j) => {
    const total = toResult(c.amount, c.currency, cur, c.rate);
    const weights = typeof c.split === 'string' ? splitWeights(c.split, p.lines, goodsN, `charges[${j}].split`) : c.split.manual.map(weight);
    const parts = share(total, weights, `charges[${j}].split`, typeof c.split === 'string' ? c.split : 'manual amounts');
    chargeShares.set(c.id, parts);
    chargeTotals[c.id] = total;
    if (c.inCustomsValue) parts.forEach((x, i) => (customsShare[i]! += x));
    if (c.inVatBase && !c.inCustomsValue) parts.forEach((x, i) => (vatOnlyShare[i]! += x));
    if (c.inCustomsValue && !c.inVatBase) parts.forEach((x, i) => (vatOnlyShare[i]! -= x));
  });

  const goodsTotal = safeSum(goodsN);
  const warnings: string[] = [];
  const duty = Array<number>(n).fill(0);
  const excise = Array<number>(n).fill(0);
  const vatBase = Array<number>(n).fill(0);
  const vat = Array<number>(n).fill(0);
  const dutiable = goodsN.map((g, i) => safe(g + customsShare[i]!));
  let lowValue = false;
  const c = p.customs;
  if (c) {
    if (c.dutyBasis === 'FOB') goodsN.forEach((g, i) => (dutiable[i] = g));
    const local = (v: number | null) => (v === null ? null : toResult(v, c.currency, cur, c.rate));
    const atOrUnder = (v: number | null) => v !== null && goodsTotal <= local(v)!;
    if (c.consignmentLimit !== null && !atOrUnder(c.consignmentLimit)) {
      warnings.push(`the goods value ${fmt(BigInt(goodsTotal), cur)} is over this regime's limit of ${fmt(BigInt(c.consignmentLimit), c.currency)} per consignment`);
    }
    lowValue = atOrUnder(c.dutyFreeUpTo);
    if (!lowValue) {
      p.lines.forEach((l, i) => {
        if (l.dutyRate === null) warnings.push(`line "${l.id}" has no duty rate: duty taken as 0`);
        duty[i] = l.dutyRate === null ? 0 : mulDiv(l.dutyRate, dutiable[i]!);
      });
    } else if (c.lowValueDutyPerHs6 !== null) {
      const flat = toResult(c.lowValueDutyPerHs6, c.currency, cur, c.rate);
      const groups = new Map<string, number[]>();
      p.lines.forEach((l, i) => {
        if (!l.hs6) throw new LandedInputError([{ path: `lines[${i}].hsCode`, message: `line "${l.id}" needs an HS code: low-value consignments pay a flat duty per HS subheading` }]);
        groups.set(l.hs6, [...(groups.get(l.hs6) ?? []), i]);
      });
      for (const members of groups.values()) {
        const parts = allocate(flat, members.map((i) => goodsN[i]!));
        members.forEach((i, k) => (duty[i] = parts[k]!));
      }
    }
    const noVat = atOrUnder(c.vatFreeUpTo);
    const factorOne = c.taxFactor === S;
    p.lines.forEach((l, i) => {
      // the value for VAT before excise: customs value (CIF) + duty, adjusted for charges that
      // count for VAT but not for customs (or the other way round)
      const before = safe(goodsN[i]! + customsShare[i]! + vatOnlyShare[i]! + duty[i]!);
      let exciseFull = 0;
      if (l.exciseRate !== 0n) {
        // ad valorem excise on a tax-inclusive base, as China's consumption tax: base × r / (1 − r)
        const b = BigInt(before);
        exciseFull = toSafeNumber(divRound(b * l.exciseRate, S - l.exciseRate));
        excise[i] = toSafeNumber(divRound(b * l.exciseRate * c.taxFactor, (S - l.exciseRate) * S));
      }
      // the VAT base takes the statutory excise; the factor applies to each tax afterwards
      vatBase[i] = safe(before + exciseFull);
      if (!noVat) vat[i] = factorOne ? mulDiv(c.vatRate, vatBase[i]!) : toSafeNumber(divRound(c.vatRate * BigInt(vatBase[i]!) * c.taxFactor, S * S));
    });
    for (const f of c.fees) {
      let amount = mulDiv(f.rate, safeSum(dutiable));
      const min = local(f.min);
      const max = local(f.max);
      if (min !== null && amount < min) amount = min;
      if (max !== null && amount > max) amount = max;
      chargeShares.set(f.id, share(amount, dutiable, `customs.fees`, 'dutiable value'));
      chargeTotals[f.id] = amount;
    }
  } else {
    goodsN.forEach((g, i) => (vatBase[i] = safe(g + customsShare[i]! + vatOnlyShare[i]!)));
  }

  const recoverable = c?.vatRecoverable === true;
  const shares = [...chargeShares];
  const lines = p.lines.map((l, i): LandedLineResult => {
    const charges: Record<string, number> = {};
    let chargeSum = 0;
    for (const [id, parts] of shares) {
      charges[id] = parts[i]!;
      chargeSum += parts[i]!;
    }
    const landed = safe(goodsN[i]! + chargeSum + duty[i]! + excise[i]! + (recoverable ? 0 : vat[i]!));
    const quantity = toSafeNumber(l.quantity);
    return {
      id: l.id,
      quantity,
      goods: goodsN[i]!,
      charges,
      dutiableValue: dutiable[i]!,
      duty: duty[i]!,
      excise: excise[i]!,
      vatBase: vatBase[i]!,
      vat: vat[i]!,
      landedTotal: landed,
      landedUnitCost: mulDiv(landed, 1, quantity),
    };
  });
  const sum = (f: (l: LandedLineResult) => number) => lines.reduce((a, l) => a + f(l), 0);
  const totalVat = sum((l) => l.vat);
  return {
    currency: cur,
    lines,
    chargeTotals,
    totals: {
      goods: sum((l) => l.goods),
      charges: Object.values(chargeTotals).reduce((a, b) => a + b, 0),
      duty: sum((l) => l.duty),
      excise: sum((l) => l.excise),
      vat: totalVat,
      recoverableVat: recoverable ? totalVat : 0,
      landedTotal: sum((l) => l.landedTotal),
    },
    lowValue,
    warnings,
  };
}

/**
 * The engine: JSON input → result in minor units of the result currency. Throws
 * LandedInputError listing every problem with its JSON path; never a partial result.
 */
export function landedCost(input: unknown, options: { profiles?: ProfileLookup; today?: string } = {}): LandedResult {
  try {
    return compute(parse(input, options.profiles, options.today));
  } catch (e) {
    if (e instanceof RangeError) throw new LandedInputError([{ path: '$', message: e.message }]);
    throw e;
  }
}

/** The result as the CLI's JSON: amounts as decimal strings of the result currency. */
export function landedJson(r: LandedResult) {
  const s = (minor: number) => formatMoney(minor, r.currency);
  return {
    currency: r.currency,
    lines: r.lines.map((l) => ({
      id: l.id,
      quantity: l.quantity,
      goods: s(l.goods),
      charges: Object.fromEntries(Object.entries(l.charges).map(([k, v]) => [k, s(v)])),
      dutiableValue: s(l.dutiableValue),
      duty: s(l.duty),
      excise: s(l.excise),
      vatBase: s(l.vatBase),
      vat: s(l.vat),
      landedTotal: s(l.landedTotal),
      landedUnitCost: s(l.landedUnitCost),
    })),
    totals: {
      goods: s(r.totals.goods),
      charges: s(r.totals.charges),
      duty: s(r.totals.duty),
      excise: s(r.totals.excise),
      vat: s(r.totals.vat),
      landedTotal: s(r.totals.landedTotal),
      ...(r.totals.recoverableVat ? { recoverableVat: s(r.totals.recoverableVat) } : {}),
    },
    ...(r.warnings.length ? { warnings: r.warnings } : {}),
  };
}
