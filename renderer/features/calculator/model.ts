// The calculator's screen state and how it becomes the engine's JSON input (and back, for a saved
// calculation). Amounts stay the decimal strings the user typed; percentages become fractions by
// moving the decimal point (never through a float). Blank lines and charges are left out of the
// input, so a fresh screen is not covered in "is required"; an error's index is mapped back to
// the line or charge it names.
import { ApiError, type CalcInput, type ChargeKind, type Product, type SplitMethod } from '../../../main/common/api';
import { inCustomsValueByDefault, SPLIT_METHODS } from '../../../main/common/calc/landed';
import { fractionToPercent, percentToFraction, shiftDecimal } from '../../../main/common/calc/pricing';
import type { PickedProduct } from '../../components/ProductPicker';

export type SplitChoice = SplitMethod | 'manual';
export const SPLITS: readonly SplitChoice[] = [...SPLIT_METHODS, 'manual'];

export interface LineDraft {
  /** the engine's line id: stable while the line lives (manual splits are keyed by it) */
  id: string;
  product: PickedProduct | null;
  name: string;
  quantity: string;
  unitPrice: string;
  currency: string;
  hsCode: string;
  /** percent as typed: "5" for 5%; blank = the server fills it from the product or the profile */
  dutyPct: string;
  excisePct: string;
  weightKg: string;
  volumeM3: string;
}

export interface ChargeDraft {
  id: string;
  kind: ChargeKind;
  label: string;
  amount: string;
  currency: string;
  split: SplitChoice;
  /** line id → amount in the charge's currency, for a manual split */
  manual: Record<string, string>;
  inCustomsValue: boolean;
}

export interface CalcDraft {
  name: string;
  currency: string;
  date: string;
  lines: LineDraft[];
  charges: ChargeDraft[];
  /** exchange rates the user typed, by currency (result-currency units per unit) */
  rates: Record<string, string>;
  /** customs profile code; '' = no customs (no duty or taxes) */
  profile: string;
  /** null = as the profile says */
  vatRecoverable: boolean | null;
  includeFees: string[];
}

let counter = 0;
const nextId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

export function newLine(currency: string): LineDraft {
  return { id: nextId('L'), product: null, name: '', quantity: '1', unitPrice: '', currency, hsCode: '', dutyPct: '', excisePct: '', weightKg: '', volumeM3: '' };
}


export function newCharge(currency: string, kind: ChargeKind = 'freight'): ChargeDraft {
  return { id: nextId('C'), kind, label: '', amount: '', currency, split: 'value', manual: {}, inCustomsValue: inCustomsValueByDefault(kind) };
}

export function newDraft(currency: string, today: string): CalcDraft {
  return { name: '', currency, date: today, lines: [newLine(currency)], charges: [], rates: {}, profile: '', vatRecoverable: null, includeFees: [] };
}

const isBlankLine = (l: LineDraft) => !l.product && l.unitPrice.trim() === '' && l.name.trim() === '';
const isBlankCharge = (c: ChargeDraft) => c.amount.trim() === '';
const orNull = (s: string) => s.trim() || null;

/** What a product brings to a line: its name, HS code, unit weight (g → kg) and volume (mm³ → m³). */
export function fillFromProduct(line: LineDraft, p: Product): LineDraft {
  const dims = p.lengthMm && p.widthMm && p.heightMm ? (BigInt(p.lengthMm) * BigInt(p.widthMm) * BigInt(p.heightMm)).toString() : null;
  return {
    ...line,
    product: { id: p.id, sku: p.sku, name: p.name },
    name: p.name,
    hsCode: p.hsCode ?? line.hsCode,
    weightKg: p.weightG !== null ? (shiftDecimal(String(p.weightG), -3) ?? '') : line.weightKg,
    volumeM3: dims ? (shiftDecimal(dims, -9) ?? '') : line.volumeM3,
  };
}

/** Every currency other than the result currency that the lines, charges or profile use. */
export function foreignCurrencies(d: CalcDraft, profileCurrency: string | null): string[] {
  const used = new Set<string>();
  for (const l of d.lines) if (!isBlankLine(l)) used.add(l.currency);
  for (const c of d.charges) if (!isBlankCharge(c)) used.add(c.currency);
  if (profileCurrency) used.add(profileCurrency);
  used.delete(d.currency);
  return [...used].filter((c) => /^[A-Z]{3}$/.test(c)).sort();
}

export interface Built {
  input: CalcInput;
  /** index in input.lines → the draft line's id */
  lineIds: string[];
  chargeIds: string[];
}

export function toInput(d: CalcDraft, profileCurrency: string | null): Built {
  const lines = d.lines.filter((l) => !isBlankLine(l));
  const charges = d.charges.filter((c) => !isBlankCharge(c));
  const foreign = new Set(foreignCurrencies(d, profileCurrency));
  const rates = Object.fromEntries(Object.entries(d.rates).filter(([ccy, v]) => foreign.has(ccy) && v.trim() !== '').map(([ccy, v]) => [ccy, v.trim()]));
  const input: CalcInput = {
    currency: d.currency,
    ...(d.date ? { date: d.date } : {}),
    ...(Object.keys(rates).length ? { rates } : {}),
    lines: lines.map((l) => ({
      id: l.id,
      quantity: l.quantity.trim(),
      unitPrice: l.unitPrice.trim(),
      currency: l.currency,
      hsCode: orNull(l.hsCode),
      dutyRate: percentToFraction(l.dutyPct),
      exciseRate: percentToFraction(l.excisePct),
      unitWeightKg: orNull(l.weightKg),
      unitVolumeM3: orNull(l.volumeM3),
      productId: l.product?.id ?? null,
      name: orNull(l.name) ?? l.product?.name ?? null,
    })),
    charges: charges.map((c) => ({
      id: c.id,
      kind: c.kind,
      label: orNull(c.label),
      amount: c.amount.trim(),
      currency: c.currency,
      split: c.split === 'manual' ? { manual: Object.fromEntries(lines.filter((l) => (c.manual[l.id] ?? '').trim() !== '').map((l) => [l.id, c.manual[l.id]!.trim()])) } : c.split,
      inCustomsValue: c.inCustomsValue,
    })),
    customs: d.profile
      ? { profile: d.profile, ...(d.vatRecoverable !== null ? { vatRecoverable: d.vatRecoverable } : {}), ...(d.includeFees.length ? { includeFees: d.includeFees } : {}) }
      : null,
  };
  return { input, lineIds: lines.map((l) => l.id), chargeIds: charges.map((c) => c.id) };
}

/** A saved calculation back into the screen's state (products named by `products`, id → picked). */
export function fromInput(name: string, input: CalcInput, products: Map<string, PickedProduct>): CalcDraft {
  const lines = input.lines.map(
    (l): LineDraft => ({
      id: l.id,
      product: l.productId ? (products.get(l.productId) ?? { id: l.productId, sku: '?', name: l.name ?? '' }) : null,
      name: l.name ?? '',
      quantity: String(l.quantity),
      unitPrice: l.unitPrice,
      currency: l.currency,
      hsCode: l.hsCode ?? '',
      dutyPct: fractionToPercent(l.dutyRate),
      excisePct: fractionToPercent(l.exciseRate),
      weightKg: l.unitWeightKg == null ? '' : String(l.unitWeightKg),
      volumeM3: l.unitVolumeM3 == null ? '' : String(l.unitVolumeM3),
    }),
  );
  const charges = (input.charges ?? []).map(
    (c): ChargeDraft => ({
      id: c.id,
      kind: c.kind ?? 'other',
      label: c.label ?? '',
      amount: c.amount,
      currency: c.currency,
      split: typeof c.split === 'string' ? c.split : 'manual',
      manual: typeof c.split === 'string' ? {} : { ...c.split.manual },
      inCustomsValue: c.inCustomsValue !== false,
    }),
  );
  return {
    name,
    currency: input.currency,
    date: input.date ?? '',
    lines: lines.length ? lines : [newLine(input.currency)],
    charges,
    rates: Object.fromEntries(Object.entries(input.rates ?? {}).map(([k, v]) => [k, String(v)])),
    profile: input.customs?.profile ?? '',
    vatRecoverable: input.customs?.vatRecoverable ?? null,
    includeFees: input.customs?.includeFees ?? [],
  };
}

// ---- errors -----------------------------------------------------------------------------------

/** The engine names lines by id (line "Lx1"): the screen says "line 2 (Headphones)" instead. */
export function nameLines(message: string, lines: readonly LineDraft[]): string {
  return message.replace(/line "([^"]+)"/g, (m, id: string) => {
    const i = lines.findIndex((l) => l.id === id);
    if (i < 0) return m;
    const name = lines[i]!.name.trim() || lines[i]!.product?.sku;
    return `line ${i + 1}${name ? ` (${name})` : ''}`;
  });
}

/**
 * Errors by where the screen shows them: `line:<id>:<field>`, `charge:<id>:<field>`,
 * `charge:<id>:manual:<lineId>`, `rate:<CCY>`, `profile`, `currency`, `date`, `name`; the
 * rest is general.
 */
export interface CalcErrors {
  at: Record<string, string>;
  general: string[];
}

export const noCalcErrors: CalcErrors = { at: {}, general: [] };

const LINE_FIELDS: Record<string, string> = {
  quantity: 'quantity',
  unitPrice: 'unitPrice',
  currency: 'currency',
  hsCode: 'hsCode',
  dutyRate: 'duty',
  exciseRate: 'excise',
  unitWeightKg: 'weight',
  unitVolumeM3: 'volume',
  productId: 'product',
  name: 'name',
  rate: 'currency',
};

/**
 * Where an API error goes. Fields look like `input.lines.1.quantity` (the engine, through
 * landed.calculate), `lines.0.productId` (landed.calculationToPo) or `name`.
 */
export function toCalcErrors(e: unknown, built: Pick<Built, 'lineIds' | 'chargeIds'>, lines: readonly LineDraft[] = []): CalcErrors {
  if (!(e instanceof ApiError)) return { at: {}, general: [e instanceof Error ? e.message : String(e)] };
  const issues = e.details?.issues ?? (e.details?.field ? [{ field: e.details.field, message: e.message }] : [{ field: '', message: e.message }]);
  const at: Record<string, string> = {};
  const general: string[] = [];
  const put = (key: string, message: string) => {
    at[key] ??= message;
  };
  for (const { field, message: raw } of issues) {
    const message = nameLines(raw, lines);
    const parts = field.replace(/^input\./, '').split('.');
    const [head, index, sub, ...rest] = parts;
    const lineId = head === 'lines' && index !== undefined ? built.lineIds[Number(index)] : undefined;
    const chargeId = head === 'charges' && index !== undefined ? built.chargeIds[Number(index)] : undefined;
    if (lineId && sub && LINE_FIELDS[sub]) {
      put(`line:${lineId}:${LINE_FIELDS[sub]}`, message);
      // "no exchange rate for USD → AUD": the rate row wants to know too
      const ccy = /no exchange rate for ([A-Z]{3})/.exec(message)?.[1];
      if (ccy) put(`rate:${ccy}`, message);
    } else if (chargeId && sub === 'split' && rest[0] === 'manual' && rest[1]) {
      put(`charge:${chargeId}:manual:${rest[1]}`, message);
    } else if (chargeId && sub) {
      put(`charge:${chargeId}:${sub === 'rate' ? 'currency' : sub}`, message);
      const ccy = /no exchange rate for ([A-Z]{3})/.exec(message)?.[1];
      if (ccy) put(`rate:${ccy}`, message);
    } else if (head === 'rates' && index) {
      put(`rate:${index}`, message);
    } else if (head === 'customs' && index === 'profile') {
      put('profile', message);
    } else if (head === 'customs' && /no exchange rate for ([A-Z]{3})/.test(message)) {
      put(`rate:${/no exchange rate for ([A-Z]{3})/.exec(message)![1]}`, message);
    } else if ((head === 'currency' || head === 'date' || head === 'name') && parts.length === 1) {
      put(head, message);
    } else if (head === 'supplierId') {
      put('supplierId', message);
    } else {
      general.push(field ? `${field.replace(/^input\./, '')}: ${message}` : message);
    }
  }
  // a message pinned on a field is shown there; a request refused as a whole says so once
  if (!Object.keys(at).length && !general.length) general.push(nameLines(e.message, lines));
  return { at, general };
}
