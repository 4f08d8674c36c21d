import type { Db } from '../open';
import type { ReturnCost, ReturnDirection, ReturnLine, ReturnReason, ReturnRow, ReturnStatus } from '../../common/api/types';
import { stmt } from './statements';

/** A return as stored: the API's row without the names and totals it is shown with. */
export type ReturnRecord = Omit<ReturnRow, 'supplierName' | 'shipmentNumber' | 'locationCode' | 'units'>;

const ROW = `SELECT r.id, r.number, r.direction, r.status, r.customer, r.supplier_id AS supplierId, sup.name AS supplierName,
    r.shipment_id AS shipmentId, sh.number AS shipmentNumber, r.location_id AS locationId, loc.code AS locationCode, r.carrier, r.tracking,
    r.notes, (SELECT coalesce(sum(qty), 0) FROM return_lines l WHERE l.return_id = r.id) AS units, r.shipped_at AS shippedAt,
    r.received_at AS receivedAt, r.closed_at AS closedAt, r.created_at AS createdAt, r.updated_at AS updatedAt
  FROM returns r LEFT JOIN suppliers sup ON sup.id = r.supplier_id LEFT JOIN shipments sh ON sh.id = r.shipment_id
  LEFT JOIN locations loc ON loc.id = r.location_id`;

export function returnRow(db: Db, id: string): ReturnRow | null {
  return (stmt(db, `${ROW} WHERE r.id = ?`).get(id) as ReturnRow | undefined) ?? null;
}

export function listReturns(db: Db, q: { direction?: ReturnDirection | undefined; status?: ReturnStatus | undefined; offset: number; limit: number }): { rows: ReturnRow[]; total: number } {
  // only the filters given, so the (status, created_at) index serves the usual "open ones" list
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.direction) {
    conditions.push('r.direction = @direction');
    params.direction = q.direction;
  }
  if (q.status) {
    conditions.push('r.status = @status');
    params.status = q.status;
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = stmt(db, `${ROW} ${where} ORDER BY r.created_at DESC, r.number DESC LIMIT @limit OFFSET @offset`).all({ ...params, limit: q.limit, offset: q.offset }) as ReturnRow[];
  const { n } = stmt(db, `SELECT count(*) AS n FROM returns r ${where}`).get(params) as { n: number };
  return { rows, total: n };
}

export function saveReturn(db: Db, r: ReturnRecord): void {
  stmt(
    db,
    `INSERT INTO returns (id, number, direction, status, customer, supplier_id, shipment_id, location_id, carrier, tracking, notes, shipped_at, received_at, closed_at, created_at, updated_at)
     VALUES (@id, @number, @direction, @status, @customer, @supplierId, @shipmentId, @locationId, @carrier, @tracking, @notes, @shippedAt, @receivedAt, @closedAt, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, customer = excluded.customer, supplier_id = excluded.supplier_id,
       shipment_id = excluded.shipment_id, location_id = excluded.location_id, carrier = excluded.carrier, tracking = excluded.tracking,
       notes = excluded.notes, shipped_at = excluded.shipped_at, received_at = excluded.received_at, closed_at = excluded.closed_at,
       updated_at = excluded.updated_at`,
  ).run(r);
}

/** A line as stored: its unit cost in minor units × 10^4 of the base currency. */
export interface LineRecord {
  id: string;
  productId: string;
  qty: number;
  reason: ReturnReason;
  reasonNote: string | null;
  unitCostE4: number | null;
  restockQty: number | null;
  restockLocationId: string | null;
  quarantineQty: number | null;
  quarantineLocationId: string | null;
  writeOffQty: number | null;
}

export function lineRecords(db: Db, returnId: string): (LineRecord & Pick<ReturnLine, 'sku' | 'name'>)[] {
  return stmt(
    db,
    `SELECT l.id, l.product_id AS productId, p.sku, p.name, l.qty, l.reason, l.reason_note AS reasonNote, l.unit_cost_e4 AS unitCostE4,
       l.restock_qty AS restockQty, l.restock_location_id AS restockLocationId, l.quarantine_qty AS quarantineQty,
       l.quarantine_location_id AS quarantineLocationId, l.write_off_qty AS writeOffQty
     FROM return_lines l JOIN products p ON p.id = l.product_id WHERE l.return_id = ? ORDER BY l.position`,
  ).all(returnId) as (LineRecord & Pick<ReturnLine, 'sku' | 'name'>)[];
}

export function replaceLines(db: Db, returnId: string, lines: LineRecord[]): void {
  stmt(db, 'DELETE FROM return_lines WHERE return_id = ?').run(returnId);
  const insert = stmt(
    db,
    `INSERT INTO return_lines (id, return_id, position, product_id, qty, reason, reason_note, unit_cost_e4, restock_qty, restock_location_id,
       quarantine_qty, quarantine_location_id, write_off_qty)
     VALUES (@id, @returnId, @position, @productId, @qty, @reason, @reasonNote, @unitCostE4, @restockQty, @restockLocationId,
       @quarantineQty, @quarantineLocationId, @writeOffQty)`,
  );
  lines.forEach((l, position) => insert.run({ ...l, returnId, position }));
}

export function costs(db: Db, returnId: string): ReturnCost[] {
  return stmt(db, 'SELECT id, kind, label, amount, currency FROM return_costs WHERE return_id = ? ORDER BY position').all(returnId) as ReturnCost[];
}

export function replaceCosts(db: Db, returnId: string, list: ReturnCost[]): void {
  stmt(db, 'DELETE FROM return_costs WHERE return_id = ?').run(returnId);
  const insert = stmt(db, 'INSERT INTO return_costs (id, return_id, position, kind, label, amount, currency) VALUES (?, ?, ?, ?, ?, ?, ?)');
  list.forEach((c, i) => insert.run(c.id, returnId, i, c.kind, c.label, c.amount, c.currency));
}

/** The ledger's view of a return: value in (returns), out (back to a supplier) and written off. */
export function ledgerValues(db: Db, returnId: string): { valueIn: number; valueOut: number; writtenOff: number } {
  return stmt(
    db,
    `SELECT coalesce(sum(CASE WHEN kind = 'return' AND qty > 0 THEN value END), 0) AS valueIn,
       coalesce(-sum(CASE WHEN kind = 'return' AND qty < 0 THEN value END), 0) AS valueOut,
       coalesce(-sum(CASE WHEN kind = 'write_off' THEN value END), 0) AS writtenOff
     FROM movements WHERE doc_type = 'return' AND doc_id = ?`,
  ).get(returnId) as { valueIn: number; valueOut: number; writtenOff: number };
}

/** What a product is worth over every location that holds it: total value and units (null when none is held). */
export function stockValue(db: Db, productId: string): { value: number; qty: number } | null {
  const r = stmt(db, 'SELECT sum(value) AS value, sum(on_hand) AS qty FROM balances WHERE product_id = ? AND on_hand > 0').get(productId) as { value: number | null; qty: number | null };
  return r.qty ? { value: r.value ?? 0, qty: r.qty } : null;
}

/** The shipment a customer's return refers to: enough to check it and to name its customer. */
export function shipmentRef(db: Db, id: string): { id: string; number: string; direction: string; customer: string | null } | null {
  return (stmt(db, 'SELECT id, number, direction, customer FROM shipments WHERE id = ?').get(id) as { id: string; number: string; direction: string; customer: string | null } | undefined) ?? null;
}

/** Units of a product a shipment took out of stock and their value (base minor units, positive). */
export function shippedValue(db: Db, shipmentId: string, productId: string): { qty: number; value: number } {
  return stmt(
    db,
    `SELECT coalesce(-sum(qty), 0) AS qty, coalesce(-sum(value), 0) AS value FROM movements
     WHERE doc_type = 'shipment' AND doc_id = ? AND product_id = ? AND qty < 0`,
  ).get(shipmentId, productId) as { qty: number; value: number };
}

/** The last average cost a product had anywhere (× 10^4), for one no longer held; null when it never was. */
export function lastAvgCostE4(db: Db, productId: string): number | null {
  const r = stmt(db, 'SELECT avg_cost_e4 AS e4 FROM balances WHERE product_id = ? ORDER BY updated_at DESC LIMIT 1').get(productId) as { e4: number } | undefined;
  return r?.e4 ?? null;
}
