import type { Db } from '../open';
import type {
  Shipment,
  ShipmentCost,
  ShipmentDetail,
  ShipmentDirection,
  ShipmentEvent,
  ShipmentLeg,
  ShipmentLine,
  ShipmentParcel,
  ShipmentRow,
  ShipmentStatus,
  ShipmentTracking,
} from '../../common/api/types';
import { likePrefix, stmt } from './statements';

/** A shipment as stored: the API's Shipment without the names it is shown with. */
export type ShipmentRecord = Omit<Shipment, 'supplierName' | 'fromLocationCode' | 'toLocationCode'>;

const COLS = `s.id, s.number, s.direction, s.status, s.supplier_id AS supplierId, s.from_location_id AS fromLocationId,
  s.to_location_id AS toLocationId, s.customer, s.carrier, s.service, s.incoterm, s.declared_value AS declaredValue, s.currency,
  s.volumetric_divisor AS volumetricDivisor, s.shipped_on AS shippedOn, s.eta, s.delivered_at AS deliveredAt, s.notes,
  s.ship_to AS shipTo, s.ship_to_country AS shipToCountry, s.customs_status AS customsStatus, s.customs_broker AS customsBroker,
  s.customs_entry AS customsEntry, s.customs_cleared_on AS customsClearedOn, s.transit_location_id AS transitLocationId,
  s.dispatched_at AS dispatchedAt, s.received_at AS receivedAt, s.landed_cost_id AS landedCostId,
  s.created_at AS createdAt, s.updated_at AS updatedAt`;

export function getShipment(db: Db, id: string): ShipmentRecord | null {
  return (stmt(db, `SELECT ${COLS} FROM shipments s WHERE s.id = ?`).get(id) as ShipmentRecord | undefined) ?? null;
}

export function saveShipment(db: Db, s: ShipmentRecord): void {
  stmt(
    db,
    `INSERT INTO shipments (id, number, direction, status, supplier_id, from_location_id, to_location_id, customer, carrier, service, incoterm,
       declared_value, currency, volumetric_divisor, shipped_on, eta, delivered_at, notes, ship_to, ship_to_country, customs_status, customs_broker,
       customs_entry, customs_cleared_on, transit_location_id, dispatched_at, received_at, landed_cost_id, created_at, updated_at)
     VALUES (@id, @number, @direction, @status, @supplierId, @fromLocationId, @toLocationId, @customer, @carrier, @service, @incoterm,
       @declaredValue, @currency, @volumetricDivisor, @shippedOn, @eta, @deliveredAt, @notes, @shipTo, @shipToCountry, @customsStatus, @customsBroker,
       @customsEntry, @customsClearedOn, @transitLocationId, @dispatchedAt, @receivedAt, @landedCostId, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, supplier_id = excluded.supplier_id, from_location_id = excluded.from_location_id,
       to_location_id = excluded.to_location_id, customer = excluded.customer, carrier = excluded.carrier, service = excluded.service,
       incoterm = excluded.incoterm, declared_value = excluded.declared_value, currency = excluded.currency,
       volumetric_divisor = excluded.volumetric_divisor, shipped_on = excluded.shipped_on, eta = excluded.eta,
       delivered_at = excluded.delivered_at, notes = excluded.notes, ship_to = excluded.ship_to, ship_to_country = excluded.ship_to_country,
       customs_status = excluded.customs_status, customs_broker = excluded.customs_broker, customs_entry = excluded.customs_entry,
       customs_cleared_on = excluded.customs_cleared_on, transit_location_id = excluded.transit_location_id, dispatched_at = excluded.dispatched_at,
       received_at = excluded.received_at, landed_cost_id = excluded.landed_cost_id, updated_at = excluded.updated_at`,
  ).run(s);
}

export function setStatus(db: Db, id: string, status: ShipmentStatus, deliveredAt: string | null, now: string): void {
  stmt(db, 'UPDATE shipments SET status = ?, delivered_at = ?, updated_at = ? WHERE id = ?').run(status, deliveredAt, now, id);
}

// ---- the board --------------------------------------------------------------------------------

// `late` compares the ETA with today (a parameter): not delivered or returned, and due before it.
const LATE = `(s.eta IS NOT NULL AND s.eta < @today AND s.status NOT IN ('delivered', 'returned'))`;
const ROW_SELECT = `SELECT ${COLS}, sup.name AS supplierName, fl.code AS fromLocationCode, tl.code AS toLocationCode,
    (SELECT json_group_array(number) FROM (SELECT number FROM shipment_tracking_numbers t WHERE t.shipment_id = s.id ORDER BY position)) AS trackingNumbers,
    (SELECT max(at) FROM shipment_events e WHERE e.shipment_id = s.id) AS lastEventAt,
    (SELECT coalesce(sum(qty), 0) FROM shipment_lines l WHERE l.shipment_id = s.id) AS units,
    ${LATE} AS late
  FROM shipments s
  LEFT JOIN suppliers sup ON sup.id = s.supplier_id
  LEFT JOIN locations fl ON fl.id = s.from_location_id
  LEFT JOIN locations tl ON tl.id = s.to_location_id`;

type RawRow = Omit<ShipmentRow, 'trackingNumbers' | 'late'> & { trackingNumbers: string; late: number };
const toRow = (r: RawRow): ShipmentRow => ({ ...r, trackingNumbers: JSON.parse(r.trackingNumbers) as string[], late: r.late === 1 });

export function shipmentRow(db: Db, id: string, today: string): ShipmentRow | null {
  const r = stmt(db, `${ROW_SELECT} WHERE s.id = @id`).get({ id, today }) as RawRow | undefined;
  return r ? toRow(r) : null;
}

export interface ShipmentQuery {
  direction?: ShipmentDirection | undefined;
  status?: ShipmentStatus | undefined;
  carrier?: string | undefined;
  late?: boolean | undefined;
  arriving?: boolean | undefined;
  etaTo?: string | undefined;
  q?: string | undefined;
  offset: number;
  limit: number;
  today: string;
}

export function listShipments(db: Db, q: ShipmentQuery): { rows: ShipmentRow[]; total: number } {
  const conditions: string[] = [];
  const params: Record<string, unknown> = { today: q.today };
  if (q.direction) {
    conditions.push('s.direction = @direction');
    params.direction = q.direction;
  }
  if (q.status) {
    conditions.push('s.status = @status');
    params.status = q.status;
  }
  if (q.carrier) {
    // "dhl" finds "DHL Express" and "DHL eCommerce"
    conditions.push(`s.carrier LIKE @carrier ESCAPE '\\'`);
    params.carrier = likePrefix(q.carrier);
  }
  if (q.late !== undefined) conditions.push(q.late ? LATE : `NOT ${LATE}`);
  if (q.arriving) conditions.push(`s.direction IN ('inbound', 'transfer') AND s.received_at IS NULL AND s.status <> 'returned'`);
  if (q.etaTo) {
    conditions.push('s.eta <= @etaTo');
    params.etaTo = q.etaTo;
  }
  if (q.q) {
    // numbers are stored upper case without spaces or dashes; a supplier matches anywhere in its name
    conditions.push(`(s.number LIKE @num ESCAPE '\\'
      OR s.id IN (SELECT shipment_id FROM shipment_tracking_numbers WHERE number LIKE @track ESCAPE '\\')
      OR s.supplier_id IN (SELECT id FROM suppliers WHERE name LIKE @name ESCAPE '\\'))`);
    params.num = likePrefix(q.q.toUpperCase());
    params.track = likePrefix(q.q.toUpperCase().replace(/[\s-]/g, '') || q.q);
    params.name = '%' + likePrefix(q.q);
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  // The page's rows are picked first on the shipments' own columns (a covering index, 0013), so the
  // names, tracking numbers and last event are looked up for those rows only, not for every row
  // the sort passes over (a deep page used to compute them for all the rows it skipped).
  const page = `SELECT s.rowid FROM shipments s ${where} ORDER BY ${LATE} DESC, s.eta IS NULL, s.eta, s.number LIMIT @limit OFFSET @offset`;
  const rows = stmt(db, `${ROW_SELECT} WHERE s.rowid IN (${page}) ORDER BY late DESC, s.eta IS NULL, s.eta, s.number`).all({
    ...params,
    limit: q.limit,
    offset: q.offset,
  }) as RawRow[];
  const { n } = stmt(db, `SELECT count(*) AS n FROM shipments s ${where}`).get(params) as { n: number };
  return { rows: rows.map(toRow), total: n };
}

// ---- tracking numbers -------------------------------------------------------------------------

export function trackingNumbers(db: Db, shipmentId: string): ShipmentTracking[] {
  return stmt(db, 'SELECT number, format, check_error AS checkError FROM shipment_tracking_numbers WHERE shipment_id = ? ORDER BY position').all(shipmentId) as ShipmentTracking[];
}

export function replaceTrackingNumbers(db: Db, shipmentId: string, numbers: ShipmentTracking[]): void {
  stmt(db, 'DELETE FROM shipment_tracking_numbers WHERE shipment_id = ?').run(shipmentId);
  const insert = stmt(db, 'INSERT INTO shipment_tracking_numbers (shipment_id, position, number, format, check_error) VALUES (?, ?, ?, ?, ?)');
  numbers.forEach((t, i) => insert.run(shipmentId, i, t.number, t.format, t.checkError));
}

/** The shipment a (normalised) tracking number belongs to. */
export function shipmentByTracking(db: Db, number: string): { id: string; number: string } | null {
  return (
    (stmt(db, 'SELECT s.id, s.number FROM shipment_tracking_numbers t JOIN shipments s ON s.id = t.shipment_id WHERE t.number = ?').get(number) as
      | { id: string; number: string }
      | undefined) ?? null
  );
}

// ---- parcels, legs, lines ---------------------------------------------------------------------

/** A parcel as stored; its volumetric and chargeable weights are worked out when read. */
export type ParcelRecord = Omit<ShipmentParcel, 'volumetricG' | 'chargeableG'>;

export function parcels(db: Db, shipmentId: string): ParcelRecord[] {
  return stmt(
    db,
    `SELECT id, weight_g AS weightG, length_mm AS lengthMm, width_mm AS widthMm, height_mm AS heightMm, reference
     FROM shipment_parcels WHERE shipment_id = ? ORDER BY position`,
  ).all(shipmentId) as ParcelRecord[];
}

export function replaceParcels(db: Db, shipmentId: string, list: ParcelRecord[]): void {
  stmt(db, 'DELETE FROM shipment_parcels WHERE shipment_id = ?').run(shipmentId);
  const insert = stmt(
    db,
    `INSERT INTO shipment_parcels (id, shipment_id, position, weight_g, length_mm, width_mm, height_mm, reference)
     VALUES (@id, @shipmentId, @position, @weightG, @lengthMm, @widthMm, @heightMm, @reference)`,
  );
  list.forEach((p, position) => insert.run({ ...p, shipmentId, position }));
}

export function legs(db: Db, shipmentId: string): ShipmentLeg[] {
  return stmt(db, 'SELECT id, from_place AS "from", to_place AS "to", mode, carrier, eta FROM shipment_legs WHERE shipment_id = ? ORDER BY position').all(shipmentId) as ShipmentLeg[];
}

export function replaceLegs(db: Db, shipmentId: string, list: ShipmentLeg[]): void {
  stmt(db, 'DELETE FROM shipment_legs WHERE shipment_id = ?').run(shipmentId);
  const insert = stmt(db, 'INSERT INTO shipment_legs (id, shipment_id, position, from_place, to_place, mode, carrier, eta) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  list.forEach((l, i) => insert.run(l.id, shipmentId, i, l.from, l.to, l.mode, l.carrier, l.eta));
}

export function lines(db: Db, shipmentId: string): ShipmentLine[] {
  return stmt(
    db,
    `SELECT l.id, l.po_line_id AS poLineId, pol.po_id AS poId, po.number AS poNumber, so.id AS salesOrderId, so.number AS salesOrderNumber,
       l.product_id AS productId, p.sku, p.name, l.qty, l.qty_arrived AS qtyArrived
     FROM shipment_lines l JOIN products p ON p.id = l.product_id
     LEFT JOIN purchase_order_lines pol ON pol.id = l.po_line_id LEFT JOIN purchase_orders po ON po.id = pol.po_id
     LEFT JOIN sales_order_lines sol ON sol.id = l.sales_line_id LEFT JOIN sales_orders so ON so.id = sol.order_id
     WHERE l.shipment_id = ? ORDER BY l.position`,
  ).all(shipmentId) as ShipmentLine[];
}

export type LineView = ShipmentLine;

export interface LineRecord {
  id: string;
  poLineId: string | null;
  productId: string;
  qty: number;
}

export function replaceLines(db: Db, shipmentId: string, list: LineRecord[]): void {
  stmt(db, 'DELETE FROM shipment_lines WHERE shipment_id = ?').run(shipmentId);
  const insert = stmt(db, 'INSERT INTO shipment_lines (id, shipment_id, position, po_line_id, product_id, qty) VALUES (?, ?, ?, ?, ?, ?)');
  list.forEach((l, i) => insert.run(l.id, shipmentId, i, l.poLineId, l.productId, l.qty));
}

/** Marks an outbound shipment's lines, in position order, as shipping these sales order lines. */
export function linkSalesLines(db: Db, shipmentId: string, salesLineIds: string[]): void {
  const update = stmt(db, 'UPDATE shipment_lines SET sales_line_id = ? WHERE shipment_id = ? AND position = ?');
  salesLineIds.forEach((id, i) => update.run(id, shipmentId, i));
}

/** A PO line as shipping sees it: what is still expected, less what other open inbound shipments carry. */
export interface PoLineToShip {
  id: string;
  poId: string;
  poNumber: string;
  poStatus: string;
  supplierId: string;
  productId: string;
  qtyOrdered: number;
  qtyReceived: number;
  /** on inbound shipments other than `exceptShipmentId` not received yet (nor returned to the sender) */
  onOtherShipments: number;
}

export function poLineToShip(db: Db, poLineId: string, exceptShipmentId: string): PoLineToShip | null {
  return (
    (stmt(
      db,
      `SELECT l.id, l.po_id AS poId, po.number AS poNumber, po.status AS poStatus, po.supplier_id AS supplierId, l.product_id AS productId,
         l.qty_ordered AS qtyOrdered, l.qty_received AS qtyReceived,
         (SELECT coalesce(sum(sl.qty), 0) FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id
           WHERE sl.po_line_id = l.id AND s.id <> @except AND s.direction = 'inbound' AND s.received_at IS NULL AND s.status <> 'returned') AS onOtherShipments
       FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id WHERE l.id = @id`,
    ).get({ id: poLineId, except: exceptShipmentId }) as PoLineToShip | undefined) ?? null
  );
}

// ---- events -----------------------------------------------------------------------------------

export function events(db: Db, shipmentId: string): ShipmentEvent[] {
  // by when it happened; events at the same moment in the order they were recorded
  return stmt(
    db,
    `SELECT id, at, status, place, text, source, created_at AS createdAt FROM shipment_events WHERE shipment_id = ? ORDER BY at, rowid`,
  ).all(shipmentId) as ShipmentEvent[];
}

export interface EventRecord {
  id: string;
  shipmentId: string;
  at: string;
  status: ShipmentStatus;
  place: string | null;
  text: string | null;
  source: 'manual' | 'csv' | 'supplier';
  dedupeKey: string;
  createdAt: string;
}

/** Adds an event unless the same one is on the timeline already; true when added. */
export function insertEvent(db: Db, e: EventRecord): boolean {
  return (
    stmt(
      db,
      `INSERT INTO shipment_events (id, shipment_id, at, status, place, text, source, dedupe_key, created_at)
       VALUES (@id, @shipmentId, @at, @status, @place, @text, @source, @dedupeKey, @createdAt)
       ON CONFLICT (shipment_id, dedupe_key) DO NOTHING`,
    ).run(e).changes > 0
  );
}

export function setArrived(db: Db, lineId: string, qty: number): void {
  stmt(db, 'UPDATE shipment_lines SET qty_arrived = ? WHERE id = ?').run(qty, lineId);
}

// ---- costs, receipts, landed cost -------------------------------------------------------------

export type CostRecord = Omit<ShipmentCost, 'supplierName'>;

export function costs(db: Db, shipmentId: string): ShipmentCost[] {
  const rows = stmt(
    db,
    `SELECT c.id, c.kind, c.label, c.amount, c.currency, c.split, c.in_customs_value AS inCustomsValue, c.recoverable,
       c.supplier_id AS supplierId, sup.name AS supplierName, c.reference
     FROM shipment_costs c LEFT JOIN suppliers sup ON sup.id = c.supplier_id WHERE c.shipment_id = ? ORDER BY c.position`,
  ).all(shipmentId) as (Omit<ShipmentCost, 'inCustomsValue' | 'recoverable'> & { inCustomsValue: number; recoverable: number })[];
  return rows.map((r) => ({ ...r, inCustomsValue: r.inCustomsValue === 1, recoverable: r.recoverable === 1 }));
}

export function replaceCosts(db: Db, shipmentId: string, list: CostRecord[]): void {
  stmt(db, 'DELETE FROM shipment_costs WHERE shipment_id = ?').run(shipmentId);
  const insert = stmt(
    db,
    `INSERT INTO shipment_costs (id, shipment_id, position, kind, label, amount, currency, split, in_customs_value, recoverable, supplier_id, reference)
     VALUES (@id, @shipmentId, @position, @kind, @label, @amount, @currency, @split, @inCustomsValue, @recoverable, @supplierId, @reference)`,
  );
  list.forEach((c, position) => insert.run({ ...c, shipmentId, position, inCustomsValue: c.inCustomsValue ? 1 : 0, recoverable: c.recoverable ? 1 : 0 }));
}

export function linkReceipt(db: Db, shipmentId: string, receiptId: string): void {
  stmt(db, 'INSERT INTO shipment_receipts (shipment_id, receipt_id) VALUES (?, ?)').run(shipmentId, receiptId);
}

export function receipts(db: Db, shipmentId: string): ShipmentDetail['receipts'] {
  const rows = stmt(
    db,
    `SELECT r.id, r.number, r.po_id AS poId, po.number AS poNumber, r.received_at AS receivedAt,
       EXISTS (SELECT 1 FROM movements m WHERE m.doc_type = 'receipt_reversal' AND m.doc_id = r.id) AS reversed
     FROM shipment_receipts sr JOIN receipts r ON r.id = sr.receipt_id JOIN purchase_orders po ON po.id = r.po_id
     WHERE sr.shipment_id = ? ORDER BY r.number`,
  ).all(shipmentId) as (Omit<ShipmentDetail['receipts'][number], 'reversed'> & { reversed: number })[];
  return rows.map((r) => ({ ...r, reversed: r.reversed === 1 }));
}

export function landedCostRef(db: Db, id: string): ShipmentDetail['landedCost'] {
  return (stmt(db, 'SELECT id, number, status FROM landed_costs WHERE id = ?').get(id) as ShipmentDetail['landedCost'] | undefined) ?? null;
}

/** The in-transit location stock waits in while moving between my locations: the first active one. */
export function transitLocation(db: Db): { id: string; code: string } | null {
  return (stmt(db, `SELECT id, code FROM locations WHERE kind = 'in_transit' AND status = 'active' ORDER BY created_at, code LIMIT 1`).get() as { id: string; code: string } | undefined) ?? null;
}


export function poCurrency(db: Db, poId: string): string {
  return (stmt(db, 'SELECT currency FROM purchase_orders WHERE id = ?').get(poId) as { currency: string }).currency;
}
