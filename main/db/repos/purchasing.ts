import type { Db } from '../open';
import type { PoStatus, PurchaseOrder } from '../../common/api/types';
import { stmt } from './statements';

/** An order as stored: the API's PurchaseOrder without what is derived from its lines and supplier. */
export type PoRecord = Omit<PurchaseOrder, 'supplierName' | 'total' | 'totalBase' | 'lineCount'>;

export interface PoLineRecord {
  id: string;
  poId: string;
  lineNo: number;
  productId: string;
  supplierProductId: string | null;
  qtyOrdered: number;
  unitPrice: number;
  expectedDate: string | null;
  qtyReceived: number;
}

const PO_COLS = `id, number, supplier_id AS supplierId, status, currency, base_currency AS baseCurrency, order_date AS orderDate,
  expected_date AS expectedDate, fx_rate AS fxRate, fx_day AS fxDay, notes, sent_at AS sentAt, closed_at AS closedAt,
  created_at AS createdAt, updated_at AS updatedAt`;

export function getPo(db: Db, id: string): PoRecord | null {
  return (stmt(db, `SELECT ${PO_COLS} FROM purchase_orders WHERE id = ?`).get(id) as PoRecord | undefined) ?? null;
}

export function poIdByNumber(db: Db, number: string): string | null {
  return (stmt(db, 'SELECT id FROM purchase_orders WHERE number = ?').get(number) as { id: string } | undefined)?.id ?? null;
}

export function savePo(db: Db, po: PoRecord): void {
  stmt(
    db,
    `INSERT INTO purchase_orders (id, number, supplier_id, status, currency, base_currency, order_date, expected_date, fx_rate, fx_day,
       notes, sent_at, closed_at, created_at, updated_at)
     VALUES (@id, @number, @supplierId, @status, @currency, @baseCurrency, @orderDate, @expectedDate, @fxRate, @fxDay, @notes, @sentAt,
       @closedAt, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, order_date = excluded.order_date, expected_date = excluded.expected_date,
       fx_rate = excluded.fx_rate, fx_day = excluded.fx_day, notes = excluded.notes, sent_at = excluded.sent_at,
       closed_at = excluded.closed_at, updated_at = excluded.updated_at`,
  ).run(po);
}

/** A draft's lines are replaced as a whole when it is edited (nothing has been received on them). */
export function replacePoLines(db: Db, poId: string, lines: PoLineRecord[], now: string): void {
  stmt(db, 'DELETE FROM purchase_order_lines WHERE po_id = ?').run(poId);
  const insert = stmt(
    db,
    `INSERT INTO purchase_order_lines (id, po_id, line_no, product_id, supplier_product_id, qty_ordered, unit_price, expected_date,
       qty_received, created_at, updated_at)
     VALUES (@id, @poId, @lineNo, @productId, @supplierProductId, @qtyOrdered, @unitPrice, @expectedDate, @qtyReceived, @now, @now)`,
  );
  for (const l of lines) insert.run({ ...l, now });
}

export interface PoLineRow extends PoLineRecord {
  sku: string;
  name: string;
  barcode: string | null;
  supplierSku: string | null;
}

export function poLines(db: Db, poId: string): PoLineRow[] {
  return stmt(
    db,
    `SELECT l.id, l.po_id AS poId, l.line_no AS lineNo, l.product_id AS productId, l.supplier_product_id AS supplierProductId,
       l.qty_ordered AS qtyOrdered, l.unit_price AS unitPrice, l.expected_date AS expectedDate, l.qty_received AS qtyReceived,
       p.sku, p.name, p.barcode, sp.supplier_sku AS supplierSku
     FROM purchase_order_lines l JOIN products p ON p.id = l.product_id LEFT JOIN supplier_products sp ON sp.id = l.supplier_product_id
     WHERE l.po_id = ? ORDER BY l.line_no`,
  ).all(poId) as PoLineRow[];
}

export interface PoQuery {
  status?: PoStatus | 'open' | undefined;
  supplierId?: string | undefined;
  offset: number;
  limit: number;
}

/** Orders newest first, with their supplier's name; totals come from the lines, per page. */
export function listPos(db: Db, q: PoQuery): { rows: (PoRecord & { supplierName: string })[]; total: number } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (q.status === 'open') clauses.push("po.status IN ('draft', 'sent', 'partially_received')");
  else if (q.status) {
    clauses.push('po.status = ?');
    params.push(q.status);
  }
  if (q.supplierId) {
    clauses.push('po.supplier_id = ?');
    params.push(q.supplierId);
  }
  const w = clauses.length ? 'WHERE ' + clauses.join(' AND ') : '';
  const total = (stmt(db, `SELECT count(*) AS n FROM purchase_orders po ${w}`).get(...params) as { n: number }).n;
  const cols = PO_COLS.split(',').map((c) => 'po.' + c.trim()).join(', ');
  const rows = stmt(db, `SELECT ${cols}, s.name AS supplierName FROM purchase_orders po JOIN suppliers s ON s.id = po.supplier_id ${w} ORDER BY po.order_date DESC, po.number DESC LIMIT ? OFFSET ?`)
    .all(...params, q.limit, q.offset) as (PoRecord & { supplierName: string })[];
  return { rows, total };
}
