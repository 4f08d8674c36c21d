import type { Db } from '../open';
import type { Receipt, ReceiptLine } from '../../common/api/types';
import { stmt } from './statements';

export type ReceiptLineRecord = Omit<ReceiptLine, 'sku'> & { id: string; quarantineLocationId: string | null };

export function insertReceipt(db: Db, r: Omit<Receipt, 'lines' | 'reversed'>, lines: ReceiptLineRecord[]): void {
  stmt(
    db,
    `INSERT INTO receipts (id, number, po_id, location_id, received_at, fx_rate, fx_day, fx_source, notes, created_at, updated_at)
     VALUES (@id, @number, @poId, @locationId, @receivedAt, @fxRate, @fxDay, @fxSource, @notes, @createdAt, @createdAt)`,
  ).run(r);
  const insert = stmt(
    db,
    `INSERT INTO receipt_lines (id, receipt_id, po_line_id, product_id, qty, damaged_qty, damaged_action, quarantine_location_id,
       unit_price, value_base, reason, created_at)
     VALUES (@id, @receiptId, @poLineId, @productId, @qty, @damagedQty, @damagedAction, @quarantineLocationId, @unitPrice, @valueBase,
       @reason, @createdAt)`,
  );
  for (const l of lines) insert.run({ ...l, receiptId: r.id, createdAt: r.createdAt });
}

export function addReceived(db: Db, poLineId: string, qty: number, now: string): void {
  stmt(db, 'UPDATE purchase_order_lines SET qty_received = qty_received + ?, updated_at = ? WHERE id = ?').run(qty, now, poLineId);
}

export function receiptsOf(db: Db, poId: string): Receipt[] {
  const receipts = stmt(
    db,
    `SELECT id, number, po_id AS poId, location_id AS locationId, received_at AS receivedAt, fx_rate AS fxRate, fx_day AS fxDay,
       fx_source AS fxSource, notes, created_at AS createdAt,
       EXISTS (SELECT 1 FROM movements m WHERE m.doc_type = 'receipt_reversal' AND m.doc_id = receipts.id) AS reversed
     FROM receipts WHERE po_id = ? ORDER BY received_at, number`,
  ).all(poId) as (Omit<Receipt, 'lines' | 'reversed'> & { reversed: number })[];
  const lines = stmt(
    db,
    `SELECT rl.po_line_id AS poLineId, rl.product_id AS productId, p.sku, rl.qty, rl.damaged_qty AS damagedQty,
       rl.damaged_action AS damagedAction, rl.unit_price AS unitPrice, rl.value_base AS valueBase, rl.reason
     FROM receipt_lines rl JOIN products p ON p.id = rl.product_id WHERE rl.receipt_id = ? ORDER BY rl.rowid`,
  );
  return receipts.map((r) => ({ ...r, reversed: r.reversed === 1, lines: lines.all(r.id) as ReceiptLine[] }));
}

export function receiptPoId(db: Db, id: string): string | null {
  return (stmt(db, 'SELECT po_id AS poId FROM receipts WHERE id = ?').get(id) as { poId: string } | undefined)?.poId ?? null;
}

export function receiptLineLocations(db: Db, receiptId: string): { poLineId: string; quarantineLocationId: string | null }[] {
  return stmt(db, 'SELECT po_line_id AS poLineId, quarantine_location_id AS quarantineLocationId FROM receipt_lines WHERE receipt_id = ? ORDER BY rowid').all(receiptId) as {
    poLineId: string;
    quarantineLocationId: string | null;
  }[];
}

/** Receipts (not reversed) against a supplier's orders that had an expected date, and how many came in time. */
export function onTimeRecord(db: Db, supplierId: string): { receipts: number; onTime: number } {
  return stmt(
    db,
    `SELECT count(*) AS receipts, coalesce(sum(substr(r.received_at, 1, 10) <= po.expected_date), 0) AS onTime
     FROM receipts r JOIN purchase_orders po ON po.id = r.po_id
     WHERE po.supplier_id = ? AND po.expected_date IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM movements m WHERE m.doc_type = 'receipt_reversal' AND m.doc_id = r.id)`,
  ).get(supplierId) as { receipts: number; onTime: number };
}
