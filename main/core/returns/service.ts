// Returns (RMA): goods coming back from a customer, or going back to a supplier, tracked to the
// end. Going back, the goods leave their location at the cost they carry. Coming back, each unit
// is restocked, quarantined or written off — booked in through the ledger at the cost it left
// with (the outbound shipment it went on), else at its current average cost, and a write-off
// straight out again at that value, so the loss shows what it cost. The return's own costs are
// kept per currency.
import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { Page, ReturnCost, ReturnDetail, ReturnRow } from '../../common/api/types';
import { COST_SCALE } from '../../common/calc/valuation';
import { currencyExponent, divRound, formatScaled, parseScaled, toSafeNumber } from '../../common/money';
import { getLocation } from '../../db/repos/locations';
import { getProduct } from '../../db/repos/products';
import * as repo from '../../db/repos/returns';
import { getSupplier } from '../../db/repos/suppliers';
import type { Ctx } from '../context';
import { uuidv7 } from '../ids';
import { nextNumber } from '../purchasing/service';
import { baseCurrency } from '../settings/service';
import { businessTime, post } from '../stock/post';
import { amountIn } from '../amount';

function load(ctx: Ctx, id: string): ReturnRow {
  const r = repo.returnRow(ctx.db, id);
  if (!r) throw ApiError.field('id', 'No such return', 'not_found');
  return r;
}

const record = (r: ReturnRow): repo.ReturnRecord => {
  const { supplierName: _s, shipmentNumber: _n, locationCode: _l, units: _u, ...rest } = r;
  return rest;
};

/** Per unit × 10^4 of the minor unit, as a decimal with the currency's own places and only the extra ones it needs: 12.000000 → "12.00", 12.345600 → "12.3456". */
function formatUnitCost(e4: number, exp: number): string {
  const full = formatScaled(BigInt(e4), exp + 4);
  const cut = full.replace(/0+$/, '');
  const places = cut.includes('.') ? cut.length - cut.indexOf('.') - 1 : 0;
  return places >= exp ? cut.replace(/\.$/, '') : full.slice(0, full.length - 4 + (exp === 0 ? -1 : 0));
}

export function get(ctx: Ctx, id: string): ReturnDetail {
  const r = load(ctx, id);
  const exp = currencyExponent(baseCurrency(ctx));
  const costs = repo.costs(ctx.db, id);
  const totals = new Map<string, number>();
  for (const c of costs) totals.set(c.currency, (totals.get(c.currency) ?? 0) + c.amount);
  const v = repo.ledgerValues(ctx.db, id);
  return {
    return: r,
    lines: repo.lineRecords(ctx.db, id).map(({ unitCostE4, ...l }) => ({ ...l, unitCost: unitCostE4 === null ? null : formatUnitCost(unitCostE4, exp) })),
    costs,
    costTotals: [...totals].map(([currency, amount]) => ({ currency, amount })),
    valueRestocked: v.valueIn - v.writtenOff,
    valueWrittenOff: v.writtenOff,
    valueSentBack: v.valueOut,
  };
}

export function list(ctx: Ctx, input: Parsed<'returns.list'>): Page<ReturnRow> {
  return repo.listReturns(ctx.db, input);
}

// ---- checking what is written -----------------------------------------------------------------

type Fields = Parsed<'returns.update'>;

function checkLines(ctx: Ctx, lines: NonNullable<Fields['lines']>): repo.LineRecord[] {
  const exp = currencyExponent(baseCurrency(ctx));
  return lines.map((l, i) => {
    const p = getProduct(ctx.db, l.productId);
    if (!p) throw ApiError.field(`lines.${i}.productId`, 'No such product', 'not_found');
    let unitCostE4: number | null = null;
    if (l.unitCost !== null) {
      try {
        unitCostE4 = toSafeNumber(parseScaled(l.unitCost, exp + 4));
      } catch (e) {
        throw ApiError.field(`lines.${i}.unitCost`, (e as Error).message);
      }
      if (unitCostE4 < 0) throw ApiError.field(`lines.${i}.unitCost`, 'must not be negative');
    }
    return { id: uuidv7(), productId: l.productId, qty: l.qty, reason: l.reason, reasonNote: l.reasonNote, unitCostE4, restockQty: null, restockLocationId: null, quarantineQty: null, quarantineLocationId: null, writeOffQty: null };
  });
}

function checkCosts(costs: NonNullable<Fields['costs']>): ReturnCost[] {
  return costs.map((c, i) => {
    return { id: uuidv7(), kind: c.kind, label: c.label, amount: amountIn(c.amount, c.currency, `costs.${i}.amount`), currency: c.currency };
  });
}

/** Who and where, by direction: a customer (maybe with the shipment it left on), or a supplier and the location the goods leave from. */
function checkParties(ctx: Ctx, r: repo.ReturnRecord): void {
  if (r.direction === 'to_supplier') {
    if (!r.supplierId) throw ApiError.field('supplierId', 'choose the supplier the goods go back to');
    const s = getSupplier(ctx.db, r.supplierId);
    if (!s) throw ApiError.field('supplierId', 'No such supplier', 'not_found');
    if (s.status !== 'active') throw ApiError.field('supplierId', `${s.name} is archived`, 'conflict');
    if (!r.locationId) throw ApiError.field('locationId', 'choose the location the goods leave from');
    const loc = getLocation(ctx.db, r.locationId);
    if (!loc) throw ApiError.field('locationId', 'No such location', 'not_found');
    if (loc.status !== 'active') throw ApiError.field('locationId', `${loc.code} is archived`, 'conflict');
    if (r.shipmentId) throw ApiError.field('shipmentId', 'only a customer return comes back from an outbound shipment');
    return;
  }
  if (r.supplierId) throw ApiError.field('supplierId', 'only a return to a supplier names one');
  if (r.locationId) throw ApiError.field('locationId', 'a customer return is put away line by line when it arrives');
  if (r.shipmentId) {
    const sh = repo.shipmentRef(ctx.db, r.shipmentId);
    if (!sh) throw ApiError.field('shipmentId', 'No such shipment', 'not_found');
    if (sh.direction !== 'outbound') throw ApiError.field('shipmentId', `${sh.number} is not an outbound shipment`);
    if (!r.customer) r.customer = sh.customer;
  }
  if (!r.customer) throw ApiError.field('customer', 'say who is sending it back (or link the shipment it left on)');
}

// ---- writing ----------------------------------------------------------------------------------

export function create(ctx: Ctx, input: Parsed<'returns.create'>): ReturnDetail {
  const r: repo.ReturnRecord = {
    id: uuidv7(),
    number: '',
    direction: input.direction,
    status: 'open',
    customer: input.customer,
    supplierId: input.supplierId,
    shipmentId: input.shipmentId,
    locationId: input.locationId,
    carrier: input.carrier,
    tracking: input.tracking,
    notes: input.notes,
    shippedAt: null,
    receivedAt: null,
    closedAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  checkParties(ctx, r);
  const lines = checkLines(ctx, input.lines);
  const costs = checkCosts(input.costs);
  r.number = nextNumber(ctx, 'return_next_number', 'RMA');
  repo.saveReturn(ctx.db, r);
  repo.replaceLines(ctx.db, r.id, lines);
  repo.replaceCosts(ctx.db, r.id, costs);
  ctx.emit('returns.changed', { ids: [r.id] });
  return get(ctx, r.id);
}

export function update(ctx: Ctx, input: Parsed<'returns.update'>): ReturnDetail {
  const cur = load(ctx, input.id);
  const onlyCosts = Object.keys(input).every((k) => k === 'id' || k === 'costs' || k === 'notes' || input[k as keyof typeof input] === undefined);
  if (cur.status === 'closed' || cur.status === 'cancelled') throw ApiError.field('id', `${cur.number} is ${cur.status}`, 'conflict');
  if (cur.status !== 'open' && !onlyCosts) throw ApiError.field('id', `${cur.number} is ${cur.status}: only its costs and notes can change`, 'conflict');
  const pick = <K extends keyof repo.ReturnRecord & keyof Fields>(k: K) => (input[k] === undefined ? cur[k] : input[k]) as repo.ReturnRecord[K];
  const next: repo.ReturnRecord = {
    ...record(cur),
    customer: pick('customer'),
    shipmentId: pick('shipmentId'),
    locationId: pick('locationId'),
    carrier: pick('carrier'),
    tracking: pick('tracking'),
    notes: pick('notes'),
    updatedAt: ctx.now,
  };
  // who and where only change while open; an archived supplier must not block recording a late cost
  if (cur.status === 'open') checkParties(ctx, next);
  const lines = input.lines ? checkLines(ctx, input.lines) : null;
  const costs = input.costs ? checkCosts(input.costs) : null;
  repo.saveReturn(ctx.db, next);
  if (lines) repo.replaceLines(ctx.db, cur.id, lines);
  if (costs) repo.replaceCosts(ctx.db, cur.id, costs);
  ctx.emit('returns.changed', { ids: [cur.id] });
  return get(ctx, cur.id);
}

const valueOf = (qty: number, e4: number) => toSafeNumber(divRound(BigInt(qty) * BigInt(e4), COST_SCALE));

/** To a supplier: every line leaves its location (at its given cost, else the average); all or nothing. */
export function ship(ctx: Ctx, input: Parsed<'returns.ship'>): ReturnDetail {
  const r = load(ctx, input.id);
  if (r.direction !== 'to_supplier') throw ApiError.field('id', `${r.number} comes back from a customer: receive it instead`, 'conflict');
  if (r.status !== 'open') throw ApiError.field('id', `${r.number} is ${r.status}`, 'conflict');
  const at = businessTime(ctx, input.at, 'at');
  const lines = repo.lineRecords(ctx.db, r.id);
  lines.forEach((l, i) => {
    post(ctx, {
      productId: l.productId,
      locationId: r.locationId!,
      kind: 'return',
      qty: -l.qty,
      ...(l.unitCostE4 !== null ? { value: valueOf(l.qty, l.unitCostE4) } : {}),
      occurredAt: at,
      reason: l.reason,
      note: `${r.number} to ${r.supplierName}`,
      docType: 'return',
      docId: r.id,
      fields: { qty: `lines.${i}.qty`, location: 'locationId', product: `lines.${i}.productId` },
    });
  });
  repo.saveReturn(ctx.db, { ...record(r), status: 'shipped', shippedAt: at, updatedAt: ctx.now });
  ctx.emit('returns.changed', { ids: [r.id] });
  ctx.emit('stock.changed', { productIds: [...new Set(lines.map((l) => l.productId))], locationIds: [r.locationId!] });
  return get(ctx, r.id);
}

/** The unit cost a returned unit comes back at: as given, as it left on its shipment, else the average. */
function returnCostE4(ctx: Ctx, r: ReturnRow, l: repo.LineRecord): number {
  if (l.unitCostE4 !== null) return l.unitCostE4;
  if (r.shipmentId) {
    const left = repo.shippedValue(ctx.db, r.shipmentId, l.productId);
    if (left.qty > 0) return toSafeNumber(divRound(BigInt(left.value) * COST_SCALE, BigInt(left.qty)));
  }
  const held = repo.stockValue(ctx.db, l.productId);
  if (held) return toSafeNumber(divRound(BigInt(held.value) * COST_SCALE, BigInt(held.qty)));
  // none left anywhere: the average it last had, rather than coming back worth nothing
  return repo.lastAvgCostE4(ctx.db, l.productId) ?? 0;
}

/** From a customer: each line's units restocked, quarantined or written off, together its quantity. */
export function receive(ctx: Ctx, input: Parsed<'returns.receive'>): ReturnDetail {
  const r = load(ctx, input.id);
  if (r.direction !== 'from_customer') throw ApiError.field('id', `${r.number} goes back to a supplier: ship it instead`, 'conflict');
  if (r.status !== 'open') throw ApiError.field('id', `${r.number} is ${r.status}`, 'conflict');
  const at = businessTime(ctx, input.receivedAt, 'receivedAt');
  const lines = repo.lineRecords(ctx.db, r.id);
  const seen = new Set<string>();
  const given = input.lines.map((g, i) => {
    const f = (name: string) => `lines.${i}.${name}`;
    const line = lines.find((l) => l.id === g.lineId);
    if (!line) throw ApiError.field(f('lineId'), `not a line of ${r.number}`, 'not_found');
    if (seen.has(g.lineId)) throw ApiError.field(f('lineId'), 'this line is listed twice');
    seen.add(g.lineId);
    const sum = g.restockQty + g.quarantineQty + g.writeOffQty;
    if (sum !== line.qty) throw ApiError.field(f('restockQty'), `restocked, quarantined and written off make ${sum}; the line has ${line.qty}`);
    if (g.restockQty > 0 && !g.restockLocationId) throw ApiError.field(f('restockLocationId'), 'choose where the units are restocked');
    if (g.quarantineQty > 0 && !g.quarantineLocationId) throw ApiError.field(f('quarantineLocationId'), 'choose the quarantine location');
    const bookedAt = g.restockLocationId ?? g.quarantineLocationId;
    if (g.writeOffQty > 0 && !bookedAt) throw ApiError.field(f('restockLocationId'), 'choose the location the return arrives at: written-off units are booked in and out there');
    return { i, g, line, bookedAt };
  });
  const missing = lines.find((l) => !seen.has(l.id));
  if (missing) throw ApiError.field('lines', `say what became of ${missing.sku} (${missing.qty})`);

  const touched = new Set<string>();
  for (const { i, g, line, bookedAt } of given) {
    const e4 = returnCostE4(ctx, r, line);
    const common = { productId: line.productId, kind: 'return' as const, occurredAt: at, reason: line.reason, note: `${r.number} from ${r.customer ?? 'customer'}`, docType: 'return', docId: r.id };
    const into = (qty: number, locationId: string, field: string) => {
      post(ctx, { ...common, locationId, qty, value: valueOf(qty, e4), fields: { qty: `lines.${i}.${field}Qty`, location: `lines.${i}.${field}LocationId`, product: `lines.${i}.lineId` } });
      touched.add(locationId);
    };
    if (g.restockQty > 0) into(g.restockQty, g.restockLocationId!, 'restock');
    if (g.quarantineQty > 0) into(g.quarantineQty, g.quarantineLocationId!, 'quarantine');
    if (g.writeOffQty > 0) {
      const field = g.restockLocationId ? 'restock' : 'quarantine';
      into(g.writeOffQty, bookedAt!, field);
      post(ctx, { ...common, locationId: bookedAt!, kind: 'write_off', qty: -g.writeOffQty, value: valueOf(g.writeOffQty, e4), fields: { qty: `lines.${i}.writeOffQty`, location: `lines.${i}.${field}LocationId` } });
    }
    Object.assign(line, {
      unitCostE4: e4,
      restockQty: g.restockQty,
      restockLocationId: g.restockQty > 0 || (g.writeOffQty > 0 && g.restockLocationId) ? g.restockLocationId! : null,
      quarantineQty: g.quarantineQty,
      quarantineLocationId: g.quarantineQty > 0 ? g.quarantineLocationId! : null,
      writeOffQty: g.writeOffQty,
    });
  }
  repo.replaceLines(ctx.db, r.id, lines);
  repo.saveReturn(ctx.db, { ...record(r), status: 'received', receivedAt: at, updatedAt: ctx.now });
  ctx.emit('returns.changed', { ids: [r.id] });
  ctx.emit('stock.changed', { productIds: [...new Set(lines.map((l) => l.productId))], locationIds: [...touched] });
  return get(ctx, r.id);
}

export function close(ctx: Ctx, input: Parsed<'returns.close'>): ReturnDetail {
  const r = load(ctx, input.id);
  if (r.status !== 'shipped' && r.status !== 'received') {
    throw ApiError.field('id', r.status === 'open' ? `${r.number} has not ${r.direction === 'to_supplier' ? 'been shipped' : 'arrived'} yet (cancel it if it will not)` : `${r.number} is ${r.status}`, 'conflict');
  }
  const notes = [r.notes, input.note].filter(Boolean).join('\n') || null;
  repo.saveReturn(ctx.db, { ...record(r), status: 'closed', notes, closedAt: ctx.now, updatedAt: ctx.now });
  ctx.emit('returns.changed', { ids: [r.id] });
  return get(ctx, r.id);
}

export function cancel(ctx: Ctx, id: string): ReturnDetail {
  const r = load(ctx, id);
  if (r.status !== 'open') throw ApiError.field('id', `${r.number} is ${r.status}: only an open return can be cancelled`, 'conflict');
  repo.saveReturn(ctx.db, { ...record(r), status: 'cancelled', updatedAt: ctx.now });
  ctx.emit('returns.changed', { ids: [r.id] });
  return get(ctx, id);
}
