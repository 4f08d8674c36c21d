// What a shipment does to stock. A transfer or outbound shipment is dispatched: its stock leaves
// the location it ships from (more than on hand is refused), a transfer's into an in-transit
// location where it is still counted and valued. A transfer is received by moving it out of
// in-transit into its destination, at the value it left with; an inbound one by posting a receipt
// of its PO lines, one per order, through purchasing's receive. Units short on arrival stay on
// the PO line (inbound) or are written off from in-transit as lost (transfer).
import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { ShipmentDetail } from '../../common/api/types';
import { findLocationByCode, getLocation } from '../../db/repos/locations';
import * as ledger from '../../db/repos/ledger';
import * as repo from '../../db/repos/shipments';
import type { Ctx } from '../context';
import { createLocation } from '../locations/service';
import { receive as receivePo } from '../purchasing/receive';
import { businessTime, post } from '../stock/post';
import { logEvent } from './events';
import { get, load } from './service';

/** The in-transit location: the first active one, or a new one named TRANSIT when there is none. */
function transitLocation(ctx: Ctx): string {
  const found = repo.transitLocation(ctx.db);
  if (found) return found.id;
  let code = 'TRANSIT';
  for (let n = 2; findLocationByCode(ctx.db, code); n++) code = `TRANSIT-${n}`;
  return createLocation(ctx, { code, name: 'In transit', kind: 'in_transit', country: null, allowNegative: false, notes: 'Stock moving between my locations' }).id;
}

function locationCode(ctx: Ctx, id: string): string {
  return getLocation(ctx.db, id)?.code ?? id;
}

export function dispatch(ctx: Ctx, input: Parsed<'shipments.dispatch'>): ShipmentDetail {
  const s = load(ctx, input.id);
  if (s.direction === 'inbound') throw ApiError.field('id', `${s.number} comes from its supplier: record its tracking events, then receive it`, 'conflict');
  if (s.dispatchedAt) throw ApiError.field('id', `${s.number} was dispatched already`, 'conflict');
  dispatchShipment(ctx, s, businessTime(ctx, input.at, 'at'));
  return get(ctx, s.id);
}

/**
 * Takes a transfer's or outbound shipment's lines out of its location (a transfer's into
 * in-transit) and returns each line's outgoing movement. Units reserved for orders stay put:
 * `ownReserved` says how many of a line's units are reserved for that very line (an order
 * shipping what it reserved), none otherwise.
 */
export function dispatchShipment(ctx: Ctx, s: repo.ShipmentRecord, at: string, ownReserved: (l: repo.LineView, index: number) => number = () => 0): number[] {
  const lines = repo.lines(ctx.db, s.id);
  if (!lines.length) throw ApiError.field('id', `${s.number} has no lines: add what it carries first`);
  const from = s.fromLocationId!;
  const transit = s.direction === 'transfer' ? transitLocation(ctx) : null;
  const common = { occurredAt: at, note: s.number, docType: 'shipment', docId: s.id };
  const seqs = lines.map((l, i) => {
    const fields = { qty: `lines.${i}.qty`, location: 'fromLocationId', product: `lines.${i}.productId` };
    const out = { ...common, productId: l.productId, locationId: from, qty: -l.qty, fields, ownReserved: ownReserved(l, i) };
    if (!transit) return post(ctx, { ...out, kind: 'sale', reason: 'shipped' });
    const outSeq = post(ctx, { ...out, kind: 'transfer_out' });
    const moved = ledger.movementsBySeq(ctx.db, [outSeq])[0]!;
    post(ctx, { ...common, productId: l.productId, locationId: transit, kind: 'transfer_in', qty: l.qty, value: -moved.value, fields });
    return outSeq;
  });
  repo.saveShipment(ctx.db, { ...s, dispatchedAt: at, transitLocationId: transit, shippedOn: s.shippedOn ?? at.slice(0, 10), updatedAt: ctx.now });
  if (s.status === 'created') logEvent(ctx, s.id, { at, status: 'in_transit', place: locationCode(ctx, from), text: 'Dispatched' });
  ctx.emit('shipments.changed', { ids: [s.id] });
  ctx.emit('stock.changed', { productIds: [...new Set(lines.map((l) => l.productId))], locationIds: transit ? [from, transit] : [from] });
  return seqs;
}

type Arrival = NonNullable<Parsed<'shipments.receive'>['lines']>[number];

/** Each line's arrival: as given, or the whole line in good order. */
function arrivals(lines: repo.LineView[], given: Arrival[] | undefined): Map<string, Arrival & { index: number }> {
  const out = new Map<string, Arrival & { index: number }>();
  if (!given) {
    for (const l of lines) out.set(l.id, { lineId: l.id, qty: l.qty, damagedQty: 0, reason: null, index: -1 });
    return out;
  }
  given.forEach((a, i) => {
    const line = lines.find((l) => l.id === a.lineId);
    if (!line) throw ApiError.field(`lines.${i}.lineId`, 'is not a line of this shipment', 'not_found');
    if (out.has(a.lineId)) throw ApiError.field(`lines.${i}.lineId`, 'this line is listed twice');
    if (a.qty + a.damagedQty > line.qty) throw ApiError.field(`lines.${i}.qty`, `more than the ${line.qty} this line carries`);
    out.set(a.lineId, { ...a, index: i });
  });
  return out;
}

export function receive(ctx: Ctx, input: Parsed<'shipments.receive'>): ShipmentDetail {
  const s = load(ctx, input.id);
  if (s.direction === 'outbound') throw ApiError.field('id', `${s.number} goes to a customer: record its delivery as a tracking event`, 'conflict');
  if (s.receivedAt) throw ApiError.field('id', `${s.number} was received already`, 'conflict');
  if (s.direction === 'transfer' && !s.dispatchedAt) throw ApiError.field('id', `${s.number} has not been dispatched: dispatch it first`, 'conflict');
  const lines = repo.lines(ctx.db, s.id);
  if (!lines.length) throw ApiError.field('id', `${s.number} has no lines: nothing to receive`);
  const at = businessTime(ctx, input.receivedAt, 'receivedAt');
  const arrived = arrivals(lines, input.lines);
  if (s.direction === 'inbound') receiveInbound(ctx, s, lines, arrived, at, input.fxRates);
  else receiveTransfer(ctx, s, lines, arrived, at);
  for (const l of lines) {
    const a = arrived.get(l.id);
    repo.setArrived(ctx.db, l.id, a ? a.qty : 0);
  }
  repo.saveShipment(ctx.db, { ...load(ctx, s.id), receivedAt: at, updatedAt: ctx.now });
  logEvent(ctx, s.id, { at, status: 'delivered', place: locationCode(ctx, s.toLocationId!), text: 'Received' });
  ctx.emit('shipments.changed', { ids: [s.id] });
  return get(ctx, s.id);
}

/** One receipt per purchase order, into the shipment's location, each linked to the shipment. */
function receiveInbound(ctx: Ctx, s: repo.ShipmentRecord, lines: repo.LineView[], arrived: Map<string, Arrival & { index: number }>, at: string, fxRates: Record<string, string> | undefined): void {
  const byPo = new Map<string, { line: repo.LineView; a: Arrival & { index: number } }[]>();
  for (const line of lines) {
    const a = arrived.get(line.id);
    if (!a || a.qty + a.damagedQty === 0) continue;
    const list = byPo.get(line.poId!) ?? [];
    list.push({ line, a });
    byPo.set(line.poId!, list);
  }
  if (!byPo.size) throw ApiError.field('lines', 'nothing arrived: receive at least one unit');
  for (const [poId, list] of byPo) {
    // several shipment lines may carry parts of the same PO line: one receipt line each
    const merged = new Map<string, Parsed<'purchasing.receive'>['lines'][number] & { index: number }>();
    for (const { line, a } of list) {
      const prev = merged.get(line.poLineId!);
      if (prev && (a.damagedQty > 0 || prev.damagedQty > 0)) throw ApiError.field(`lines.${a.index}.damagedQty`, 'record damage on one of the lines that carry the same order line');
      merged.set(line.poLineId!, {
        lineId: line.poLineId!,
        qty: (prev?.qty ?? 0) + a.qty,
        damagedQty: (prev?.damagedQty ?? 0) + a.damagedQty,
        damagedAction: a.damagedAction ?? prev?.damagedAction,
        quarantineLocationId: a.quarantineLocationId ?? prev?.quarantineLocationId,
        reason: a.reason ?? prev?.reason ?? null,
        index: a.index,
      });
    }
    const currency = repo.poCurrency(ctx.db, poId);
    let receipt;
    try {
      receipt = receivePo(ctx, {
        poId,
        locationId: s.toLocationId!,
        receivedAt: at,
        fxRate: fxRates?.[currency],
        notes: `from ${s.number}`,
        lines: [...merged.values()].map(({ index: _, ...l }) => l),
      });
    } catch (e) {
      throw reblame(e, [...merged.values()], currency);
    }
    repo.linkReceipt(ctx.db, s.id, receipt.id);
  }
}

/** Purchasing names its own fields (lines.N of the receipt, fxRate, locationId): say them as this call's. */
function reblame(e: unknown, lines: { index: number }[], currency: string): unknown {
  if (!(e instanceof ApiError) || !e.details?.field) return e;
  const rename = (field: string): string => {
    const m = /^lines\.(\d+)\.(.+)$/.exec(field);
    if (m) {
      const index = lines[Number(m[1])]?.index ?? -1;
      return index >= 0 ? `lines.${index}.${m[2]}` : 'lines';
    }
    const ours: Record<string, string> = { fxRate: `fxRates.${currency}`, locationId: 'toLocationId', poId: 'id' };
    return ours[field] ?? field;
  };
  return new ApiError(e.code, e.message, { ...e.details, field: rename(e.details.field), issues: e.details.issues?.map((i) => ({ ...i, field: rename(i.field) })) });
}

/** Out of in-transit into the destination at the value it left with; what did not arrive is written off as lost. */
function receiveTransfer(ctx: Ctx, s: repo.ShipmentRecord, lines: repo.LineView[], arrived: Map<string, Arrival & { index: number }>, at: string): void {
  const transit = s.transitLocationId!;
  const to = s.toLocationId!;
  const common = { occurredAt: at, note: s.number, docType: 'shipment', docId: s.id };
  lines.forEach((l, i) => {
    const a = arrived.get(l.id) ?? { qty: 0, damagedQty: 0, damagedAction: undefined, quarantineLocationId: undefined, reason: null, index: -1 };
    const fields = { qty: a.index >= 0 ? `lines.${a.index}.qty` : `lines.${i}.qty`, location: 'toLocationId', product: `lines.${i}.productId` };
    const move = (qty: number, into: string, reason: string | null) => {
      if (qty === 0) return;
      const outSeq = post(ctx, { ...common, productId: l.productId, locationId: transit, kind: 'transfer_out', qty: -qty, reason, fields });
      const out = ledger.movementsBySeq(ctx.db, [outSeq])[0]!;
      post(ctx, { ...common, productId: l.productId, locationId: into, kind: 'transfer_in', qty, value: -out.value, reason, fields });
    };
    move(a.qty, to, null);
    if (a.damagedQty > 0 && a.damagedAction === 'quarantine') move(a.damagedQty, a.quarantineLocationId!, 'damaged');
    else if (a.damagedQty > 0) post(ctx, { ...common, productId: l.productId, locationId: transit, kind: 'write_off', qty: -a.damagedQty, reason: 'damaged', fields });
    const lost = l.qty - a.qty - a.damagedQty;
    if (lost > 0) post(ctx, { ...common, productId: l.productId, locationId: transit, kind: 'write_off', qty: -lost, reason: 'lost', note: `${s.number}: did not arrive`, fields });
  });
  ctx.emit('stock.changed', { productIds: [...new Set(lines.map((l) => l.productId))], locationIds: [transit, to] });
}
