import type { Db } from '../open';
import type { CodeMatch, CountProgress, CountScope, CountStatus, StockCount } from '../../common/api/counts-types';
import { stmt } from './statements';

/** A count as stored (the API's row without its location's names and line tallies). */
export interface CountRecord {
  id: string;
  number: string;
  locationId: string;
  scope: CountScope;
  selection: string | null;
  blind: number;
  recountUnits: number | null;
  recountPercent: number | null;
  status: CountStatus;
  note: string | null;
  openedAt: string;
  openedBy: string;
  closedAt: string | null;
  closedBy: string | null;
}

const COUNT = `SELECT c.id, c.number, c.location_id AS locationId, l.code AS locationCode, l.name AS locationName, c.scope,
    c.selection, c.blind, c.recount_units AS recountUnits, c.recount_percent AS recountPercent, c.status, c.note,
    c.opened_at AS openedAt, c.opened_by AS openedBy, c.closed_at AS closedAt, c.closed_by AS closedBy,
    (SELECT count(*) FROM stock_count_lines x WHERE x.count_id = c.id) AS lines,
    (SELECT count(*) FROM stock_count_lines x WHERE x.count_id = c.id AND x.counted IS NOT NULL) AS counted
  FROM stock_counts c JOIN locations l ON l.id = c.location_id`;

type RawCount = Omit<StockCount, 'blind' | 'selection'> & { blind: number; selection: string | null };
const toCount = (r: RawCount): StockCount => ({ ...r, blind: r.blind === 1, selection: r.selection ? JSON.parse(r.selection) : null });

export function getCount(db: Db, id: string): StockCount | null {
  const r = stmt(db, `${COUNT} WHERE c.id = ?`).get(id) as RawCount | undefined;
  return r ? toCount(r) : null;
}

export function openCountAt(db: Db, locationId: string): StockCount | null {
  const r = stmt(db, `${COUNT} WHERE c.location_id = ? AND c.status = 'open'`).get(locationId) as RawCount | undefined;
  return r ? toCount(r) : null;
}

export function listCounts(db: Db, q: { status?: CountStatus | undefined; locationId?: string | undefined; offset: number; limit: number }): { rows: StockCount[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: q.limit, offset: q.offset };
  if (q.status) {
    where.push('c.status = @status');
    params.status = q.status;
  }
  if (q.locationId) {
    where.push('c.location_id = @locationId');
    params.locationId = q.locationId;
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = (stmt(db, `${COUNT} ${w} ORDER BY c.created_at DESC, c.number DESC LIMIT @limit OFFSET @offset`).all(params) as RawCount[]).map(toCount);
  const { n } = stmt(db, `SELECT count(*) AS n FROM stock_counts c ${w}`).get(params) as { n: number };
  return { rows, total: n };
}

export function insertCount(db: Db, c: CountRecord, now: string): void {
  stmt(
    db,
    `INSERT INTO stock_counts (id, number, location_id, scope, selection, blind, recount_units, recount_percent, status, note, opened_at, opened_by, closed_at, closed_by, created_at, updated_at)
     VALUES (@id, @number, @locationId, @scope, @selection, @blind, @recountUnits, @recountPercent, @status, @note, @openedAt, @openedBy, @closedAt, @closedBy, @now, @now)`,
  ).run({ ...c, now });
}

export function closeCount(db: Db, id: string, status: 'posted' | 'cancelled', note: string | null, at: string, by: string): void {
  stmt(db, 'UPDATE stock_counts SET status = ?, note = coalesce(?, note), closed_at = ?, closed_by = ?, updated_at = ? WHERE id = ?').run(status, note, at, by, at, id);
}

export interface LineRecord {
  productId: string;
  expected: number;
  counted: number | null;
  countedAt: string | null;
  countedBy: string | null;
  firstCount: number | null;
  recount: boolean;
  added: boolean;
  book: number | null;
  postedQty: number | null;
  postedValue: number | null;
  /** the product as shown */
  sku: string;
  name: string;
  localName: string | null;
  barcode: string | null;
  status: 'active' | 'archived';
  /** the balance now at the count's location */
  onHand: number;
  avgCostE4: number;
  balanceValue: number;
}

const LINE = `SELECT x.product_id AS productId, x.expected, x.counted, x.counted_at AS countedAt, x.counted_by AS countedBy,
    x.first_count AS firstCount, x.recount, x.added, x.book, x.posted_qty AS postedQty, x.posted_value AS postedValue,
    p.sku, p.name, p.local_name AS localName, p.barcode, p.status,
    coalesce(b.on_hand, 0) AS onHand, coalesce(b.avg_cost_e4, 0) AS avgCostE4, coalesce(b.value, 0) AS balanceValue
  FROM stock_count_lines x JOIN stock_counts c ON c.id = x.count_id JOIN products p ON p.id = x.product_id
  LEFT JOIN balances b ON b.product_id = x.product_id AND b.location_id = c.location_id`;

type RawLine = Omit<LineRecord, 'recount' | 'added'> & { recount: number; added: number };
const toLine = (r: RawLine): LineRecord => ({ ...r, recount: r.recount === 1, added: r.added === 1 });

export function countLines(db: Db, countId: string): LineRecord[] {
  return (stmt(db, `${LINE} WHERE x.count_id = ? ORDER BY x.position`).all(countId) as RawLine[]).map(toLine);
}

export function countLine(db: Db, countId: string, productId: string): LineRecord | null {
  const r = stmt(db, `${LINE} WHERE x.count_id = ? AND x.product_id = ?`).get(countId, productId) as RawLine | undefined;
  return r ? toLine(r) : null;
}

export function insertLines(db: Db, countId: string, lines: { productId: string; expected: number; added: boolean }[], now: string): void {
  const { n } = stmt(db, 'SELECT coalesce(max(position), 0) AS n FROM stock_count_lines WHERE count_id = ?').get(countId) as { n: number };
  const insert = stmt(
    db,
    `INSERT INTO stock_count_lines (count_id, product_id, expected, added, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  lines.forEach((l, i) => insert.run(countId, l.productId, l.expected, l.added ? 1 : 0, n + i + 1, now, now));
}

export function saveCounted(db: Db, countId: string, productId: string, l: { counted: number | null; countedAt: string | null; countedBy: string | null; recount: boolean; firstCount: number | null }, now: string): void {
  stmt(
    db,
    `UPDATE stock_count_lines SET counted = ?, counted_at = ?, counted_by = ?, recount = ?, first_count = ?, updated_at = ? WHERE count_id = ? AND product_id = ?`,
  ).run(l.counted, l.countedAt, l.countedBy, l.recount ? 1 : 0, l.firstCount, now, countId, productId);
}

export function savePosted(db: Db, countId: string, productId: string, p: { counted: number; book: number; postedQty: number; postedValue: number }, now: string): void {
  stmt(db, 'UPDATE stock_count_lines SET counted = ?, book = ?, posted_qty = ?, posted_value = ?, updated_at = ? WHERE count_id = ? AND product_id = ?').run(
    p.counted,
    p.book,
    p.postedQty,
    p.postedValue,
    now,
    countId,
    productId,
  );
}

/** The book quantity of a product at a location as of a moment: every movement dated up to it. */
export function bookAt(db: Db, productId: string, locationId: string, at: string): number {
  const { q } = stmt(db, 'SELECT coalesce(sum(qty), 0) AS q FROM movements WHERE product_id = ? AND location_id = ? AND occurred_at <= ?').get(productId, locationId, at) as { q: number };
  return q;
}

export interface Stocked {
  productId: string;
  onHand: number;
  category: string | null;
}

/** Active products with stock (or a shortfall) at a location, by SKU. */
export function stockedAt(db: Db, locationId: string): Stocked[] {
  return stmt(
    db,
    `SELECT b.product_id AS productId, b.on_hand AS onHand, p.category FROM balances b JOIN products p ON p.id = b.product_id
     WHERE b.location_id = ? AND b.on_hand <> 0 AND p.status = 'active' ORDER BY p.sku`,
  ).all(locationId) as Stocked[];
}

export interface SoldRow {
  productId: string;
  sku: string;
  name: string;
  localName: string | null;
  category: string | null;
  /** cost of the units sold, base minor units */
  value: number;
  units: number;
}

/** Every active product (variants' parents hold no stock and are left out) with the cost of what it sold between two moments. */
export function soldByProduct(db: Db, since: string, until: string): SoldRow[] {
  return stmt(
    db,
    `SELECT p.id AS productId, p.sku, p.name, p.local_name AS localName, p.category, coalesce(s.value, 0) AS value, coalesce(s.units, 0) AS units
     FROM products p LEFT JOIN (
       SELECT product_id, -sum(value) AS value, -sum(qty) AS units FROM movements
       WHERE kind = 'sale' AND occurred_at >= ? AND occurred_at <= ? GROUP BY product_id
     ) s ON s.product_id = p.id
     WHERE p.status = 'active' AND NOT EXISTS (SELECT 1 FROM products v WHERE v.parent_id = p.id)`,
  ).all(since, until) as SoldRow[];
}

/** When each product was last counted at a location, in counts that were posted. */
export function lastCounted(db: Db, locationId: string): Map<string, string> {
  const rows = stmt(
    db,
    `SELECT x.product_id AS productId, max(x.counted_at) AS at FROM stock_count_lines x JOIN stock_counts c ON c.id = x.count_id
     WHERE c.location_id = ? AND c.status = 'posted' AND x.counted_at IS NOT NULL GROUP BY x.product_id`,
  ).all(locationId) as { productId: string; at: string }[];
  return new Map(rows.map((r) => [r.productId, r.at]));
}

/** Products a scanned code can mean: its barcode, its SKU, or a supplier's SKU for it. */
export function productsByCode(db: Db, code: string): (CodeMatch & { status: 'active' | 'archived' })[] {
  return stmt(
    db,
    `SELECT id AS productId, sku, name, status, 'barcode' AS via FROM products WHERE barcode = @code
     UNION ALL SELECT id, sku, name, status, 'sku' FROM products WHERE sku = @code
     UNION ALL SELECT p.id, p.sku, p.name, p.status, 'supplier_sku' FROM supplier_products sp JOIN products p ON p.id = sp.product_id
       WHERE sp.supplier_sku = @code COLLATE NOCASE AND sp.status = 'active'`,
  ).all({ code }) as (CodeMatch & { status: 'active' | 'archived' })[];
}

/** How far a count has got, counted in SQL (a scan answers with it: no need to read every line). */
export function countProgress(db: Db, countId: string): CountProgress {
  return stmt(
    db,
    `SELECT count(*) AS lines, count(counted) AS counted, count(*) - count(counted) AS uncounted,
       coalesce(sum(recount = 1 AND counted IS NULL), 0) AS recounts
     FROM stock_count_lines WHERE count_id = ?`,
  ).get(countId) as CountProgress;
}
