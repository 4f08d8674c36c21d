// Shipments: inbound freight from suppliers over PO lines, transfers between my locations, and
// parcels out to customers, with tracking numbers (a mistyped one is flagged, not refused),
// parcels, legs and lines. The status comes from the tracking timeline (./events.ts), never
// from an edit.
import { ApiError } from '../../common/api/errors';
import type { Parsed } from '../../common/api';
import type { Page, ShipmentDetail, ShipmentParcel, ShipmentRow, ShipmentTracking } from '../../common/api/types';
import { chargeableGrams, checkTracking, volumetricGrams } from '../../common/calc/shipping';
import { formatMoney } from '../../common/money';
import { getLocation } from '../../db/repos/locations';
import { getProduct } from '../../db/repos/products';
import * as repo from '../../db/repos/shipments';
import { getSupplier } from '../../db/repos/suppliers';
import type { Ctx } from '../context';
import { uuidv7 } from '../ids';
import { nextNumber } from '../purchasing/service';
import { amountIn } from '../amount';

const today = (ctx: Ctx) => ctx.now.slice(0, 10);

export function load(ctx: Ctx, id: string, field = 'id'): repo.ShipmentRecord {
  const s = repo.getShipment(ctx.db, id);
  if (!s) throw ApiError.field(field, 'No such shipment', 'not_found');
  return s;
}

// ---- reading ----------------------------------------------------------------------------------

export function get(ctx: Ctx, id: string): ShipmentDetail {
  const s = load(ctx, id);
  const parcels = repo.parcels(ctx.db, id).map((p): ShipmentParcel => {
    const volumetricG = p.lengthMm !== null && p.widthMm !== null && p.heightMm !== null ? volumetricGrams(p.lengthMm, p.widthMm, p.heightMm, s.volumetricDivisor) : null;
    return { ...p, volumetricG, chargeableG: chargeableGrams(p.weightG, volumetricG ?? 0) };
  });
  return {
    shipment: repo.shipmentRow(ctx.db, id, today(ctx))!,
    trackingNumbers: repo.trackingNumbers(ctx.db, id),
    parcels,
    legs: repo.legs(ctx.db, id),
    lines: repo.lines(ctx.db, id),
    events: repo.events(ctx.db, id),
    totals: { parcels: parcels.length, weightG: parcels.reduce((a, p) => a + p.weightG, 0), chargeableG: parcels.reduce((a, p) => a + p.chargeableG, 0) },
    costs: repo.costs(ctx.db, id),
    receipts: repo.receipts(ctx.db, id),
    landedCost: s.landedCostId ? repo.landedCostRef(ctx.db, s.landedCostId) : null,
    transitLocationCode: s.transitLocationId ? (getLocation(ctx.db, s.transitLocationId)?.code ?? null) : null,
    can: nextSteps(ctx, s),
  };
}

/** What can be done next with a shipment (the actions check the same and say why not). */
function nextSteps(ctx: Ctx, s: repo.ShipmentRecord): ShipmentDetail['can'] {
  const hasLines = repo.lines(ctx.db, s.id).length > 0;
  const moves = s.direction !== 'inbound';
  const receives = s.direction !== 'outbound';
  const landed = s.landedCostId ? repo.landedCostRef(ctx.db, s.landedCostId) : null;
  return {
    dispatch: moves && hasLines && !s.dispatchedAt,
    receive: receives && hasLines && !s.receivedAt && (s.direction === 'inbound' || s.dispatchedAt !== null),
    landCost: s.direction === 'inbound' && s.receivedAt !== null && landed?.status !== 'posted',
  };
}

export function list(ctx: Ctx, input: Parsed<'shipments.list'>): Page<ShipmentRow> {
  return repo.listShipments(ctx.db, { ...input, today: today(ctx) });
}

// ---- checking what is written -----------------------------------------------------------------

type Fields = Omit<Parsed<'shipments.create'>, 'direction'>;
type LinesInput = Fields['lines'];

/**
 * Inbound lines are (parts of) PO lines of sent or partly received orders, at most what the line
 * still expects: ordered − received − what other inbound shipments not yet delivered carry.
 * Transfer and outbound lines name a product. Returns the lines and the supplier of the POs.
 */
function checkLines(ctx: Ctx, s: repo.ShipmentRecord, input: LinesInput): { lines: repo.LineRecord[]; supplierId: string | null } {
  let supplierId = s.supplierId;
  const onThis = new Map<string, number>();
  const lines = input.map((l, i): repo.LineRecord => {
    const f = (name: string) => `lines.${i}.${name}`;
    if (s.direction !== 'inbound') {
      if (l.poLineId) throw ApiError.field(f('poLineId'), 'only an inbound shipment carries purchase order lines');
      if (!l.productId) throw ApiError.field(f('productId'), 'is required');
      if (!getProduct(ctx.db, l.productId)) throw ApiError.field(f('productId'), 'No such product', 'not_found');
      return { id: uuidv7(), poLineId: null, productId: l.productId, qty: l.qty };
    }
    if (!l.poLineId) throw ApiError.field(f('poLineId'), 'an inbound line is a line of a purchase order');
    const pl = repo.poLineToShip(ctx.db, l.poLineId, s.id);
    if (!pl) throw ApiError.field(f('poLineId'), 'No such purchase order line', 'not_found');
    if (pl.poStatus !== 'sent' && pl.poStatus !== 'partially_received') {
      throw ApiError.field(f('poLineId'), `${pl.poNumber} is ${pl.poStatus.replace('_', ' ')}: only a sent or partly received order can be shipped`, 'conflict');
    }
    if (l.productId && l.productId !== pl.productId) throw ApiError.field(f('productId'), `is not the product of that line of ${pl.poNumber}`);
    if (supplierId === null) supplierId = pl.supplierId;
    else if (pl.supplierId !== supplierId) throw ApiError.field(f('poLineId'), `${pl.poNumber} is from another supplier than this shipment’s`);
    const already = onThis.get(pl.id) ?? 0;
    const expected = Math.max(pl.qtyOrdered - pl.qtyReceived - pl.onOtherShipments - already, 0);
    if (l.qty > expected) {
      const parts = [`ordered ${pl.qtyOrdered}`, `received ${pl.qtyReceived}`, `on other shipments ${pl.onOtherShipments}`, ...(already ? [`on earlier lines here ${already}`] : [])];
      throw ApiError.field(f('qty'), `more than ${pl.poNumber} still expects on this line: at most ${expected} (${parts.join(', ')})`);
    }
    onThis.set(pl.id, already + l.qty);
    return { id: uuidv7(), poLineId: pl.id, productId: pl.productId, qty: l.qty };
  });
  return { lines, supplierId };
}

function checkLocation(ctx: Ctx, field: string, id: string | null, required: string | null, forbidden: string | null): void {
  if (id === null) {
    if (required) throw ApiError.field(field, required);
    return;
  }
  if (forbidden) throw ApiError.field(field, forbidden);
  const loc = getLocation(ctx.db, id);
  if (!loc) throw ApiError.field(field, 'No such location', 'not_found');
  if (loc.status !== 'active') throw ApiError.field(field, `${loc.code} is archived`, 'conflict');
}

/** Who and where, by direction: supplier → my location, my location → my location, my location → a customer. */
function checkParties(ctx: Ctx, s: repo.ShipmentRecord): void {
  const inbound = s.direction === 'inbound';
  if (inbound && !s.supplierId) throw ApiError.field('supplierId', 'choose the supplier (or add lines of its purchase orders)');
  if (!inbound && s.supplierId) throw ApiError.field('supplierId', 'only an inbound shipment comes from a supplier');
  if (s.supplierId && !getSupplier(ctx.db, s.supplierId)) throw ApiError.field('supplierId', 'No such supplier', 'not_found');
  if (s.direction !== 'outbound' && s.customer) throw ApiError.field('customer', 'only an outbound shipment goes to a customer');
  if (s.direction !== 'outbound' && (s.shipTo || s.shipToCountry)) throw ApiError.field(s.shipTo ? 'shipTo' : 'shipToCountry', 'only an outbound shipment goes to an address of its own');
  checkLocation(ctx, 'fromLocationId', s.fromLocationId, inbound ? null : 'choose the location it leaves from', inbound ? 'an inbound shipment comes from its supplier' : null);
  checkLocation(ctx, 'toLocationId', s.toLocationId, s.direction === 'outbound' ? null : 'choose the location it arrives at', s.direction === 'outbound' ? 'an outbound shipment goes to a customer, not a location' : null);
  if (s.direction === 'transfer' && s.fromLocationId === s.toLocationId) throw ApiError.field('toLocationId', 'must differ from the location it leaves from');
}

function declared(value: string | null, currency: string | null): number | null {
  if (value === null) return null;
  if (!currency) throw ApiError.field('currency', 'say the currency of the declared value');
  return amountIn(value, currency, 'declaredValue');
}

/** Normalised and checked; a mistyped number is kept with its check error. The same number twice is kept once. */
function checkTrackingNumbers(ctx: Ctx, shipmentId: string, numbers: string[]): ShipmentTracking[] {
  const out: ShipmentTracking[] = [];
  numbers.forEach((text, i) => {
    const c = checkTracking(text);
    if (!c.normalized) throw ApiError.field(`trackingNumbers.${i}`, 'is required');
    if (out.some((t) => t.number === c.normalized)) return;
    const other = repo.shipmentByTracking(ctx.db, c.normalized);
    if (other && other.id !== shipmentId) throw ApiError.field(`trackingNumbers.${i}`, `${c.normalized} is already on ${other.number}`, 'conflict');
    out.push({ number: c.normalized, format: c.format, checkError: c.error });
  });
  return out;
}

function writeParts(ctx: Ctx, id: string, input: Partial<Fields>, lines: repo.LineRecord[] | null): void {
  if (input.trackingNumbers) repo.replaceTrackingNumbers(ctx.db, id, checkTrackingNumbers(ctx, id, input.trackingNumbers));
  if (input.parcels) repo.replaceParcels(ctx.db, id, input.parcels.map((p) => ({ id: uuidv7(), ...p })));
  if (input.legs) repo.replaceLegs(ctx.db, id, input.legs.map((l) => ({ id: uuidv7(), ...l })));
  if (lines) repo.replaceLines(ctx.db, id, lines);
}

// ---- writing ----------------------------------------------------------------------------------

export function create(ctx: Ctx, input: Parsed<'shipments.create'>): ShipmentDetail {
  const s: repo.ShipmentRecord = {
    id: uuidv7(),
    number: '',
    direction: input.direction,
    status: 'created',
    supplierId: input.supplierId,
    fromLocationId: input.fromLocationId,
    toLocationId: input.toLocationId,
    customer: input.customer,
    carrier: input.carrier,
    service: input.service,
    incoterm: input.incoterm,
    declaredValue: declared(input.declaredValue, input.currency),
    currency: input.currency,
    volumetricDivisor: input.volumetricDivisor,
    shippedOn: input.shippedOn,
    eta: input.eta,
    deliveredAt: null,
    notes: input.notes,
    shipTo: input.shipTo,
    shipToCountry: input.shipToCountry,
    customsStatus: null,
    customsBroker: null,
    customsEntry: null,
    customsClearedOn: null,
    transitLocationId: null,
    dispatchedAt: null,
    receivedAt: null,
    landedCostId: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const checked = checkLines(ctx, s, input.lines);
  s.supplierId = checked.supplierId;
  checkParties(ctx, s);
  s.number = nextNumber(ctx, 'shipment_next_number', 'SH');
  repo.saveShipment(ctx.db, s);
  writeParts(ctx, s.id, input, checked.lines);
  ctx.emit('shipments.changed', { ids: [s.id] });
  return get(ctx, s.id);
}

export function update(ctx: Ctx, input: Parsed<'shipments.update'>): ShipmentDetail {
  const cur = load(ctx, input.id);
  if (cur.receivedAt) throw ApiError.field('id', `${cur.number} was received: it can no longer be changed`, 'conflict');
  if (cur.status === 'delivered') throw ApiError.field('id', `${cur.number} was delivered: it can no longer be changed`, 'conflict');
  if (cur.dispatchedAt) {
    // the stock has left: what and where from are settled
    for (const k of ['lines', 'fromLocationId', 'toLocationId'] as const) {
      if (input[k] !== undefined) throw ApiError.field(k, `${cur.number} was dispatched: its ${k === 'lines' ? 'lines' : 'locations'} can no longer change`, 'conflict');
    }
  }
  const pick = <K extends keyof repo.ShipmentRecord & keyof Fields>(k: K) => (input[k] === undefined ? cur[k] : input[k]) as repo.ShipmentRecord[K];
  const currency = pick('currency');
  let declaredValue: number | null;
  if (input.declaredValue !== undefined) declaredValue = declared(input.declaredValue, currency);
  else if (cur.declaredValue !== null && currency !== cur.currency) {
    // the stored amount, said again in the new currency (refused if it has more decimals than that allows)
    try {
      declaredValue = declared(formatMoney(cur.declaredValue, cur.currency!), currency);
    } catch {
      throw ApiError.field('declaredValue', `enter the declared value again in ${currency ?? 'the new currency'}`);
    }
  } else declaredValue = cur.declaredValue;
  const next: repo.ShipmentRecord = {
    ...cur,
    supplierId: pick('supplierId'),
    fromLocationId: pick('fromLocationId'),
    toLocationId: pick('toLocationId'),
    customer: pick('customer'),
    shipTo: pick('shipTo'),
    shipToCountry: pick('shipToCountry'),
    carrier: pick('carrier'),
    service: pick('service'),
    incoterm: pick('incoterm'),
    declaredValue,
    currency,
    volumetricDivisor: pick('volumetricDivisor'),
    shippedOn: pick('shippedOn'),
    eta: pick('eta'),
    notes: pick('notes'),
    updatedAt: ctx.now,
  };
  // lines are checked again when they or the supplier change (not for a new ETA on a PO received since)
  let lines: repo.LineRecord[] | null = null;
  if (input.lines !== undefined || input.supplierId !== undefined) {
    const given = input.lines ?? repo.lines(ctx.db, cur.id).map((l) => ({ poLineId: l.poLineId, productId: l.productId, qty: l.qty }));
    const checked = checkLines(ctx, next, given);
    next.supplierId = checked.supplierId;
    lines = checked.lines;
  }
  checkParties(ctx, next);
  repo.saveShipment(ctx.db, next);
  writeParts(ctx, cur.id, input, lines);
  ctx.emit('shipments.changed', { ids: [cur.id] });
  return get(ctx, cur.id);
}
