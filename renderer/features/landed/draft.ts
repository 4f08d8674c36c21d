// What the document screen edits while a document is a draft, and how it becomes the arguments
// of landed.update: amounts stay decimal strings, rates typed as percent become fraction strings.
import type { ChargeKind, CustomsInput, Input, LandedCharge, LandedDocDetail, SplitMethod } from '../../../main/common/api';
import { ApiError } from '../../../main/common/api/errors';
import { SPLIT_METHODS } from '../../../main/common/calc/landed';
import { fractionToPercent, minorToText, percentToFraction } from './util';

export const SPLITS: (SplitMethod | 'manual')[] = [...SPLIT_METHODS, 'manual'];
/** the profile select's value for customs rules set without a profile (through the API or CLI) */
export const CUSTOM_RULES = '*custom';

export interface ChargeDraft {
  /** a stable React key for the row */
  key: string;
  kind: ChargeKind;
  label: string;
  amount: string;
  currency: string;
  /** empty: the dated table on the document's date */
  fxRate: string;
  split: SplitMethod | 'manual';
  /** receipt line id → amount typed in the charge's currency */
  manual: Record<string, string>;
  inCustomsValue: boolean;
  supplierId: string;
  reference: string;
  /** the charge as last saved (its stored rate, day and source), if any */
  saved: LandedCharge | null;
}

export interface LineRates {
  duty: string;
  excise: string;
}

export interface Draft {
  docDate: string;
  /** '' none, CUSTOM_RULES, or a profile code */
  profile: string;
  /** null: the profile's own setting */
  vatRecoverable: boolean | null;
  includeFees: string[];
  notes: string;
  charges: ChargeDraft[];
  /** by receipt line id, as percent: what is typed on the line ('' = from the product or profile) */
  rates: Record<string, LineRates>;
}

let seq = 0;
const nextKey = () => `c${++seq}`;

/** Freight and insurance to the border are usually part of the customs value; fees and taxes are not. */

export function newCharge(currency: string): ChargeDraft {
  return { key: nextKey(), kind: 'freight', label: '', amount: '', currency, fxRate: '', split: 'value', manual: {}, inCustomsValue: true, supplierId: '', reference: '', saved: null };
}

export function fromDoc(doc: LandedDocDetail): Draft {
  const c = doc.customs;
  return {
    docDate: doc.docDate,
    profile: c === null ? '' : (c.profile ?? CUSTOM_RULES),
    vatRecoverable: c?.vatRecoverable ?? null,
    includeFees: c?.includeFees ?? [],
    notes: doc.notes ?? '',
    charges: doc.charges.map((x) => ({
      key: nextKey(),
      kind: x.kind,
      label: x.label ?? '',
      amount: minorToText(x.amount, x.currency),
      currency: x.currency,
      fxRate: x.fxSource === 'entered' ? x.fxRate : '',
      split: x.split,
      manual: Object.fromEntries(Object.entries(x.manual ?? {}).map(([id, v]) => [id, minorToText(v, x.currency)])),
      inCustomsValue: x.inCustomsValue,
      supplierId: x.supplierId ?? '',
      reference: x.reference ?? '',
      saved: x,
    })),
    // only what was typed on the line: a rate from the product or the profile's tariff is shown as
    // the placeholder, and saving leaves it inherited
    rates: Object.fromEntries(doc.lines.map((l) => [l.receiptLineId, { duty: fractionToPercent(l.typed.dutyRate), excise: fractionToPercent(l.typed.exciseRate) }])),
  };
}

/** The draft without its row keys and saved copies, to tell whether anything was changed. */
export function comparable(d: Draft): string {
  return JSON.stringify({ ...d, charges: d.charges.map(({ key: _k, saved: _s, ...rest }) => rest) });
}

export type UpdateInput = Omit<Input<'landed.update'>, 'id'>;

/**
 * The update for a draft, or the fields the UI refuses itself (a percentage that does not parse
 * would otherwise reach the API as a fraction a hundred times too large).
 */
export function toInput(draft: Draft, doc: LandedDocDetail, base: string, receiptIds = doc.receiptIds): { input: UpdateInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  let customs: CustomsInput | null = null;
  if (draft.profile === CUSTOM_RULES) {
    customs = { ...(doc.customs ?? {}), ...(draft.vatRecoverable !== null ? { vatRecoverable: draft.vatRecoverable } : {}) };
  } else if (draft.profile) {
    customs = {
      profile: draft.profile,
      ...(draft.vatRecoverable !== null ? { vatRecoverable: draft.vatRecoverable } : {}),
      ...(draft.includeFees.length ? { includeFees: draft.includeFees } : {}),
    };
  }
  // the lines of the receipts kept (those of receipts being added have nothing typed yet)
  const kept = new Set(doc.receiptNumbers.filter((_, i) => receiptIds.includes(doc.receiptIds[i]!)));
  const lines = doc.lines.filter((l) => kept.has(l.receiptNumber));
  const lineIds = new Set(lines.map((l) => l.receiptLineId));
  const charges = draft.charges.map((c) => ({
    kind: c.kind,
    label: c.label.trim() || null,
    amount: c.amount.trim(),
    currency: c.currency,
    ...(c.fxRate.trim() && c.currency !== base ? { fxRate: c.fxRate.trim() } : {}),
    split: c.split,
    ...(c.split === 'manual' ? { manual: Object.fromEntries(Object.entries(c.manual).filter(([id, v]) => lineIds.has(id) && v.trim() !== '').map(([id, v]) => [id, v.trim()])) } : {}),
    inCustomsValue: c.inCustomsValue,
    supplierId: c.supplierId || null,
    reference: c.reference.trim() || null,
  }));
  const lineInput = lines.map((l) => {
    const i = doc.lines.indexOf(l);
    const r = draft.rates[l.receiptLineId] ?? { duty: '', excise: '' };
    const duty = percentToFraction(r.duty);
    const excise = percentToFraction(r.excise);
    if (duty === undefined) errors[`lines.${i}.dutyRate`] = 'percent';
    if (excise === undefined) errors[`lines.${i}.exciseRate`] = 'percent';
    // the HS code is not edited here: what was typed stays, an inherited one is not pinned
    return { receiptLineId: l.receiptLineId, hsCode: l.typed.hsCode, dutyRate: duty ?? null, exciseRate: excise ?? null };
  });
  return { input: { docDate: draft.docDate, customs, notes: draft.notes.trim() || null, charges, lines: lineInput }, errors };
}

/** Field path → message, from an API error (details.issues) or the document's own issues. */
export function errorsByField(e: unknown): { fields: Record<string, string>; general: string | null } {
  if (!(e instanceof ApiError)) return { fields: {}, general: e instanceof Error ? e.message : String(e) };
  const issues = e.details?.issues ?? (e.details?.field ? [{ field: e.details.field, message: e.message }] : []);
  const fields: Record<string, string> = {};
  for (const i of issues) fields[i.field] ??= i.message;
  return { fields, general: issues.length ? null : e.message };
}
