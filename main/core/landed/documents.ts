// Landed-cost documents: charges, duty and taxes attached to one or more receipts and folded into
// the received stock's cost. Posting runs the engine on the receipts' lines (goods at each
// receipt's own rate, charges at theirs), keeps its exact input and result on the document, and
// revalues the stock through the ledger.
//
// Moving-average stock does not remember which units came from which receipt, so the rule for
// stock already sold is by count: if at least as many units are on hand at the location as the
// document covers there, the whole extra cost is capitalised; otherwise only that share of it,
// and the rest is reported as cost of goods sold. Units written off at receipt are expensed.
import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { CustomsInput, LandedDocDetail, LandedDocLine, LandedDocRow, LandedResult, Page, RateSource } from '../../common/api/types';
import { formatRate, parseRate } from '../../common/calc/fx';
import type { LandedInput } from '../../common/calc/landed';
import { allocate, divRound, formatMoney, formatScaled, toSafeNumber } from '../../common/money';
import * as repo from '../../db/repos/landed';
import * as ledger from '../../db/repos/ledger';
import { getSupplier } from '../../db/repos/suppliers';
import type { Ctx } from '../context';
import { findRate } from '../fx/service';
import { uuidv7 } from '../ids';
import { nextNumber } from '../purchasing/service';
import { baseCurrency } from '../settings/service';
import { post as postMovement, Totals } from '../stock/post';
import { runEngine, withTableRates } from './calculator';
import { rateResolver, type RateChoice } from './profiles';
import { amountIn } from '../amount';

function load(ctx: Ctx, id: string): repo.DocRecord {
  const doc = repo.getDoc(ctx.db, id);
  if (!doc) throw ApiError.field('id', 'No such landed-cost document', 'not_found');
  return doc;
}

function requireDraft(doc: repo.DocRecord): void {
  if (doc.status !== 'draft') throw ApiError.field('id', `${doc.number} is ${doc.status}: only a draft can be changed`, 'conflict');
}

const customsOf = (doc: repo.DocRecord) => (doc.customs ? (JSON.parse(doc.customs) as CustomsInput) : null);

// ---- building the engine's input -------------------------------------------------------------

type PostedLine = LandedInput['lines'][number] & { rateSource?: RateSource };

interface Built {
  input: LandedInput;
  sources: repo.DocSourceLine[];
  rates: RateChoice[];
}

function build(ctx: Ctx, doc: repo.DocRecord): Built {
  const sources = repo.docSourceLines(ctx.db, doc.id);
  const charges = repo.docCharges(ctx.db, doc.id);
  const customs = customsOf(doc);
  const resolve = rateResolver(ctx.db, customs, doc.docDate);
  const rates = sources.map((s) => resolve({ productId: s.productId, hsCode: s.hsCode ?? s.productHs, dutyRate: s.dutyRate, exciseRate: s.exciseRate }));
  const input: LandedInput = {
    currency: doc.currency,
    date: doc.docDate,
    lines: sources.map((s, i) => ({
      id: s.receiptLineId,
      quantity: s.qty + s.damagedQty,
      unitPrice: formatMoney(s.unitPrice, s.poCurrency),
      currency: s.poCurrency,
      rate: s.fxRate,
      unitWeightKg: s.weightG ? formatScaled(BigInt(s.weightG), 3) : null,
      unitVolumeM3: s.lengthMm && s.widthMm && s.heightMm ? formatScaled(BigInt(s.lengthMm) * BigInt(s.widthMm) * BigInt(s.heightMm), 9) : null,
      hsCode: s.hsCode ?? s.productHs,
      dutyRate: rates[i]!.dutyRate,
      exciseRate: rates[i]!.exciseRate,
      // kept with the posted input (the engine ignores it) so the document can say later
      rateSource: rates[i]!.rateSource,
    })),
    charges: charges.map((c) => ({
      id: c.id,
      amount: formatMoney(c.amount, c.currency),
      currency: c.currency,
      rate: c.fxRate,
      inCustomsValue: c.inCustomsValue,
      inVatBase: c.inVatBase,
      split: c.split === 'manual' ? { manual: Object.fromEntries(Object.entries(c.manual ?? {}).map(([k, v]) => [k, formatMoney(v, c.currency)])) } : c.split,
    })),
    customs,
  };
  // the profile's thresholds are in its own currency: convert them at the document date's rate
  return { input: withTableRates(ctx, input, doc.docDate).input, sources, rates };
}

function compute(ctx: Ctx, b: Built): LandedResult {
  if (b.sources.length === 0) throw ApiError.field('receiptIds', 'the receipts have no lines left to cost');
  return runEngine(ctx, b.input, '');
}

// ---- reading ----------------------------------------------------------------------------------

export function get(ctx: Ctx, id: string): LandedDocDetail {
  const doc = load(ctx, id);
  return detail(ctx, doc, build(ctx, doc));
}

/** The document as the screens show it, from what build() loaded (posting passes its own). */
function detail(ctx: Ctx, doc: repo.DocRecord, b: Built): LandedDocDetail {
  let result: LandedResult | null = doc.result ? (JSON.parse(doc.result) as LandedResult) : null;
  let issues: LandedDocDetail['issues'] = [];
  if (!result && doc.status === 'draft') {
    try {
      result = compute(ctx, b);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      issues = e.details?.issues ?? [{ field: e.details?.field ?? 'id', message: e.message }];
    }
  }
  // a posted document shows the rates it was posted with, not what products and profiles say today
  const posted = new Map((doc.input ? (JSON.parse(doc.input) as LandedInput).lines : []).map((l) => [l.id, l as PostedLine]));
  const results = new Map(result?.lines.map((l) => [l.id, l]));
  const lines = b.sources.map((s, i): LandedDocLine => {
    const used = posted.get(s.receiptLineId);
    return {
      receiptLineId: s.receiptLineId,
      receiptNumber: s.receiptNumber,
      productId: s.productId,
      sku: s.sku,
      name: s.name,
      locationCode: s.locationCode,
      quantity: s.qty + s.damagedQty,
      hsCode: used ? (used.hsCode ?? null) : (s.hsCode ?? s.productHs),
      dutyRate: used ? ((used.dutyRate as string | null) ?? null) : b.rates[i]!.dutyRate,
      exciseRate: used ? ((used.exciseRate as string | null) ?? null) : b.rates[i]!.exciseRate,
      rateSource: used ? (used.rateSource ?? null) : b.rates[i]!.rateSource,
      typed: { hsCode: s.hsCode, dutyRate: s.dutyRate, exciseRate: s.exciseRate },
      unitWeightKg: (b.input.lines[i]!.unitWeightKg as string | null) ?? null,
      unitVolumeM3: (b.input.lines[i]!.unitVolumeM3 as string | null) ?? null,
      result: results.get(s.receiptLineId) ?? null,
      capitalised: s.capitalised,
      expensed: s.expensed,
    };
  });
  return { ...repo.docRow(ctx.db, doc.id)!, receipts: repo.docReceipts(ctx.db, doc.id), customs: customsOf(doc), notes: doc.notes, charges: repo.docCharges(ctx.db, doc.id), lines, result, issues };
}

export function list(ctx: Ctx, input: Parsed<'landed.list'>): Page<LandedDocRow> {
  return repo.listDocs(ctx.db, input);
}

// ---- writing drafts ---------------------------------------------------------------------------

function checkReceipts(ctx: Ctx, ids: string[]): string[] {
  const unique = [...new Set(ids)];
  unique.forEach((id) => {
    const reversed = repo.receiptReversed(ctx.db, id);
    if (reversed === null) throw ApiError.field('receiptIds', 'No such receipt', 'not_found');
    if (reversed) throw ApiError.field('receiptIds', 'a reversed receipt cannot carry landed cost', 'conflict');
  });
  return unique;
}

function chargeRecords(ctx: Ctx, doc: repo.DocRecord, charges: Parsed<'landed.update'>['charges'] & object): repo.ChargeRecord[] {
  const lineIds = new Set(repo.docSourceLines(ctx.db, doc.id).map((l) => l.receiptLineId));
  return charges.map((c, i) => {
    const f = (name: string) => `charges.${i}.${name}`;
    const money = (v: string, field: string) => amountIn(v, c.currency, field);
    let fx: { fxRate: string; fxDay: string; fxSource: string };
    if (c.currency === doc.currency) fx = { fxRate: '1', fxDay: doc.docDate, fxSource: 'same currency' };
    else if (c.fxRate !== undefined) {
      try {
        fx = { fxRate: formatRate(parseRate(c.fxRate)), fxDay: doc.docDate, fxSource: 'entered' };
      } catch (e) {
        throw ApiError.field(f('fxRate'), (e as Error).message);
      }
    } else {
      const q = findRate(ctx.db, c.currency, doc.currency, doc.docDate);
      if (!q) throw ApiError.field(f('fxRate'), `No ${c.currency}→${doc.currency} rate on or before ${doc.docDate}: import rates or enter the rate used`);
      fx = { fxRate: q.rate, fxDay: q.day, fxSource: q.source };
    }
    if (c.supplierId && !getSupplier(ctx.db, c.supplierId)) throw ApiError.field(f('supplierId'), 'No such supplier', 'not_found');
    let manual: string | null = null;
    if (c.split === 'manual') {
      const shares = c.manual ?? {};
      for (const id of Object.keys(shares)) if (!lineIds.has(id)) throw ApiError.field(f('manual'), 'a manual share names a line that is not on this document');
      manual = JSON.stringify(Object.fromEntries(Object.entries(shares).map(([id, v]) => [id, money(v, f('manual'))])));
    }
    return { id: uuidv7(), kind: c.kind, label: c.label, amount: money(c.amount, f('amount')), currency: c.currency, ...fx, split: c.split, manual, inCustomsValue: c.inCustomsValue, inVatBase: c.inVatBase ?? c.inCustomsValue, supplierId: c.supplierId, reference: c.reference };
  });
}

function apply(ctx: Ctx, doc: repo.DocRecord, input: Partial<Parsed<'landed.update'>>): void {
  if (input.receiptIds) repo.setDocReceipts(ctx.db, doc.id, checkReceipts(ctx, input.receiptIds));
  if (input.lines) {
    const known = new Set(repo.docSourceLines(ctx.db, doc.id).map((l) => l.receiptLineId));
    input.lines.forEach((l, i) => {
      if (!known.has(l.receiptLineId)) throw ApiError.field(`lines.${i}.receiptLineId`, 'not a line of this document’s receipts', 'not_found');
      for (const [k, v] of [['dutyRate', l.dutyRate], ['exciseRate', l.exciseRate]] as const) {
        if (v !== null && v.startsWith('-')) throw ApiError.field(`lines.${i}.${k}`, 'must not be negative');
      }
    });
    repo.replaceLineOverrides(ctx.db, doc.id, input.lines.map((l) => ({ receiptLineId: l.receiptLineId, hsCode: l.hsCode, dutyRate: l.dutyRate, exciseRate: l.exciseRate })));
  }
  if (input.charges) repo.replaceCharges(ctx.db, doc.id, chargeRecords(ctx, doc, input.charges), ctx.now);
}

export function create(ctx: Ctx, input: Parsed<'landed.create'>): LandedDocDetail {
  const doc: repo.DocRecord = {
    id: uuidv7(),
    number: nextNumber(ctx, 'landed_next_number', 'LC'),
    status: 'draft',
    docDate: input.docDate ?? ctx.now.slice(0, 10),
    currency: baseCurrency(ctx),
    customs: input.customs ? JSON.stringify(input.customs) : null,
    notes: input.notes,
    reversesId: null,
    input: null,
    result: null,
    extra: null,
    capitalised: null,
    expensed: null,
    units: null,
    unitsOnHand: null,
    postedAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  repo.saveDoc(ctx.db, doc);
  apply(ctx, doc, input);
  ctx.emit('landed.changed', { ids: [doc.id] });
  return get(ctx, doc.id);
}

export function update(ctx: Ctx, input: Parsed<'landed.update'>): LandedDocDetail {
  const doc = load(ctx, input.id);
  requireDraft(doc);
  const next: repo.DocRecord = {
    ...doc,
    docDate: input.docDate ?? doc.docDate,
    customs: input.customs === undefined ? doc.customs : input.customs ? JSON.stringify(input.customs) : null,
    notes: input.notes === undefined ? doc.notes : input.notes,
    updatedAt: ctx.now,
  };
  repo.saveDoc(ctx.db, next);
  apply(ctx, next, input);
  ctx.emit('landed.changed', { ids: [doc.id] });
  return get(ctx, doc.id);
}

export function cancel(ctx: Ctx, id: string): LandedDocDetail {
  const doc = load(ctx, id);
  requireDraft(doc);
  repo.saveDoc(ctx.db, { ...doc, status: 'cancelled', updatedAt: ctx.now });
  ctx.emit('landed.changed', { ids: [doc.id] });
  return get(ctx, id);
}

// ---- posting ----------------------------------------------------------------------------------

/** Where a document's extra cost lands: per product and location, the units it covers there. */
interface Group {
  productId: string;
  locationId: string;
  units: number;
  extra: number;
  members: { line: number; extra: number }[];
}

/** Written-off units carry no stock, so their part of the extra is never capitalised. */
function placements(sources: repo.DocSourceLine[], result: LandedResult): Group[] {
  const groups = new Map<string, Group>();
  sources.forEach((s, i) => {
    const r = result.lines[i]!;
    const extra = r.landedTotal - r.goods;
    const quarantined = s.damagedAction === 'quarantine' ? s.damagedQty : 0;
    const lost = s.damagedAction === 'write_off' ? s.damagedQty : 0;
    const [good, q] = allocate(extra, [s.qty, quarantined, lost]) as [number, number, number];
    for (const [units, value, locationId] of [[s.qty, good, s.locationId], [quarantined, q, s.quarantineLocationId]] as const) {
      if (units === 0 || !locationId) continue;
      const key = `${s.productId}|${locationId}`;
      const g = groups.get(key) ?? { productId: s.productId, locationId, units: 0, extra: 0, members: [] };
      g.units += units;
      g.extra += value;
      g.members.push({ line: i, extra: value });
      groups.set(key, g);
    }
  });
  return [...groups.values()];
}

/** The part of `extra` that the units still on hand carry: all of it, or their share by count. */
function onHandShare(ctx: Ctx, g: Group, extra: number): { value: number; onHand: number } {
  const onHand = Math.min(Math.max(ledger.getBalance(ctx.db, g.productId, g.locationId)?.onHand ?? 0, 0), g.units);
  return { value: onHand === g.units ? extra : toSafeNumber(divRound(BigInt(extra) * BigInt(onHand), BigInt(g.units))), onHand };
}

function finish(ctx: Ctx, doc: repo.DocRecord, sources: repo.DocSourceLine[], outcome: { goods: number[]; extra: number[]; capitalised: number[] }, extra: Partial<repo.DocRecord>): repo.DocRecord {
  const lines = sources.map((s, i) => ({
    receiptLineId: s.receiptLineId,
    goods: outcome.goods[i]!,
    extra: outcome.extra[i]!,
    capitalised: outcome.capitalised[i]!,
    expensed: outcome.extra[i]! - outcome.capitalised[i]!,
  }));
  const sum = (k: 'extra' | 'capitalised' | 'expensed') => lines.reduce((a, l) => a + l[k], 0);
  const saved: repo.DocRecord = { ...doc, ...extra, status: 'posted', extra: sum('extra'), capitalised: sum('capitalised'), expensed: sum('expensed'), postedAt: ctx.now, updatedAt: ctx.now };
  repo.saveDoc(ctx.db, saved);
  repo.saveLineOutcomes(ctx.db, doc.id, lines);
  ctx.emit('landed.changed', { ids: [doc.id, ...(doc.reversesId ? [doc.reversesId] : [])] });
  ctx.emit('stock.changed', { productIds: [...new Set(sources.map((s) => s.productId))], locationIds: [...new Set(sources.map((s) => s.locationId))] });
  return saved;
}

export function post(ctx: Ctx, id: string): LandedDocDetail {
  const doc = load(ctx, id);
  requireDraft(doc);
  checkReceipts(ctx, repo.docReceiptIds(ctx.db, doc.id));
  const b = build(ctx, doc);
  let result: LandedResult;
  try {
    result = compute(ctx, b);
  } catch (e) {
    throw e instanceof ApiError ? new ApiError(e.code, `${doc.number} cannot be posted: ${e.message}`, e.details) : e;
  }
  const groups = placements(b.sources, result);
  // the units covered in stock and how many were on hand, kept on the document
  const counted = { units: 0, unitsOnHand: 0 };
  const capitalised = b.sources.map(() => 0);
  const totals = new Totals();
  for (const g of groups) {
    const { value, onHand } = onHandShare(ctx, g, g.extra);
    counted.units += g.units;
    counted.unitsOnHand += onHand;
    if (value > 0) {
      postMovement(ctx, { productId: g.productId, locationId: g.locationId, kind: 'revaluation', qty: 0, value, occurredAt: ctx.now, reason: 'landed cost', note: doc.number, docType: 'landed_cost', docId: doc.id, fields: { product: 'id', location: 'id', qty: 'id' } }, totals);
    }
    allocate(value, g.members.map((m) => m.extra)).forEach((v, k) => (capitalised[g.members[k]!.line]! += v));
  }
  totals.flush(ctx);
  const extra = result.lines.map((l) => l.landedTotal - l.goods);
  const saved = finish(ctx, doc, b.sources, { goods: result.lines.map((l) => l.goods), extra, capitalised }, { ...counted, input: JSON.stringify(b.input), result: JSON.stringify(result) });
  // the reply from what is already loaded: reading a 1,000-line document back costs as much again
  return detail(ctx, saved, { ...b, sources: b.sources.map((s, i) => ({ ...s, capitalised: capitalised[i]!, expensed: extra[i]! - capitalised[i]! })) });
}

/**
 * A correcting document: takes back from each location what the original capitalised there, as
 * far as the units still on hand carry it; the rest comes off cost of goods sold.
 */
export function reverse(ctx: Ctx, input: Parsed<'landed.reverse'>): LandedDocDetail {
  const original = load(ctx, input.id);
  if (original.status !== 'posted') throw ApiError.field('id', `${original.number} is ${original.status}: only a posted document can be reversed`, 'conflict');
  if (original.reversesId) throw ApiError.field('id', `${original.number} is itself a correction`, 'conflict');
  if (repo.docRow(ctx.db, original.id)!.reversedByNumber) throw ApiError.field('id', `${original.number} was reversed already`, 'conflict');
  const doc: repo.DocRecord = {
    ...original,
    id: uuidv7(),
    number: nextNumber(ctx, 'landed_next_number', 'LC'),
    status: 'draft',
    docDate: ctx.now.slice(0, 10),
    notes: [`reverses ${original.number}`, input.note].filter(Boolean).join(': '),
    reversesId: original.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  repo.saveDoc(ctx.db, doc);
  repo.setDocReceipts(ctx.db, doc.id, repo.docReceiptIds(ctx.db, original.id));
  const sources = repo.docSourceLines(ctx.db, doc.id);
  const result = JSON.parse(original.result!) as LandedResult;
  const groups = placements(sources, result);
  const counted = { units: 0, unitsOnHand: 0 };
  const totals = new Totals();
  const taken = new Map(ledger.movementsOfDoc(ctx.db, 'landed_cost', original.id).map((m) => [`${m.productId}|${m.locationId}`, m.value]));
  const capitalised = sources.map(() => 0);
  for (const g of groups) {
    const stock = ledger.getBalance(ctx.db, g.productId, g.locationId);
    const share = onHandShare(ctx, g, g.extra);
    counted.units += g.units;
    counted.unitsOnHand += share.onHand;
    const back = Math.min(taken.get(`${g.productId}|${g.locationId}`) ?? 0, share.value, Math.max(stock?.value ?? 0, 0));
    if (back > 0) {
      postMovement(ctx, { productId: g.productId, locationId: g.locationId, kind: 'revaluation', qty: 0, value: -back, occurredAt: ctx.now, reason: 'correction', note: `${doc.number} reverses ${original.number}`, docType: 'landed_cost', docId: doc.id, fields: { product: 'id', location: 'id', qty: 'id' } }, totals);
    }
    allocate(back, g.members.map((m) => m.extra)).forEach((v, k) => (capitalised[g.members[k]!.line]! -= v));
  }
  totals.flush(ctx);
  const extra = result.lines.map((l) => l.goods - l.landedTotal);
  finish(ctx, doc, sources, { goods: result.lines.map((l) => -l.goods), extra, capitalised }, { ...counted, input: original.input, result: original.result });
  return get(ctx, doc.id);
}
