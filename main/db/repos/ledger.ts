// The stock ledger (movements, append-only) and what is kept beside it in the same transaction:
// balances per product and location, totals per product, and daily aggregates.
import type { Db } from '../open';
import type { BalanceRow, Movement, MovementKind } from '../../common/api/types';
import { productTextFilter, stmt } from './statements';

/** A movement as stored: the API's Movement without the joined names, plus its hash-chain links. */
export type MovementRecord = Omit<Movement, 'seq' | 'sku' | 'productName' | 'locationCode'> & { prevHash: string; hash: string };

export interface StoredBalance {
  onHand: number;
  reserved: number;
  avgCostE4: number;
  value: number;
}

export const GENESIS_HASH = '0'.repeat(64);

export function lastHash(db: Db): string {
  const r = stmt(db, 'SELECT hash FROM movements ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
  return r?.hash ?? GENESIS_HASH;
}

export function insertMovement(db: Db, m: MovementRecord): number {
  const info = stmt(
    db,
    `INSERT INTO movements (id, product_id, location_id, kind, qty, value, avg_cost_e4, qty_after, occurred_at, posted_at,
       actor, reason, note, doc_type, doc_id, prev_hash, hash, created_at, updated_at)
     VALUES (@id, @productId, @locationId, @kind, @qty, @value, @avgCostE4, @qtyAfter, @occurredAt, @postedAt,
       @actor, @reason, @note, @docType, @docId, @prevHash, @hash, @postedAt, @postedAt)`,
  ).run(m);
  return Number(info.lastInsertRowid);
}

export function getBalance(db: Db, productId: string, locationId: string): StoredBalance | null {
  const r = stmt(
    db,
    'SELECT on_hand AS onHand, reserved, avg_cost_e4 AS avgCostE4, value FROM balances WHERE product_id = ? AND location_id = ?',
  ).get(productId, locationId) as StoredBalance | undefined;
  return r ?? null;
}

export function saveBalance(db: Db, key: { productId: string; locationId: string; sku: string }, b: StoredBalance, now: string): void {
  stmt(
    db,
    `INSERT INTO balances (product_id, location_id, sku, on_hand, reserved, avg_cost_e4, value, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (product_id, location_id) DO UPDATE SET on_hand = excluded.on_hand, reserved = excluded.reserved,
       avg_cost_e4 = excluded.avg_cost_e4, value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key.productId, key.locationId, key.sku, b.onHand, b.reserved, b.avgCostE4, b.value, now, now);
}

/**
 * The totals kept beside the balances, per product, per location and per category (so lists and
 * the dashboard never sum the balances at read time), and per day. Posting adds to them.
 */
export function addToProduct(db: Db, productId: string, qty: number, value: number, now: string): void {
  stmt(db, 'UPDATE product_stock SET on_hand = on_hand + ?, value = value + ?, updated_at = ? WHERE product_id = ?').run(qty, value, now, productId);
}

export function addToLocation(db: Db, locationId: string, qty: number, value: number): void {
  stmt(
    db,
    `INSERT INTO location_stock (location_id, on_hand, value) VALUES (?, ?, ?)
     ON CONFLICT (location_id) DO UPDATE SET on_hand = on_hand + excluded.on_hand, value = value + excluded.value`,
  ).run(locationId, qty, value);
}

export function addToCategory(db: Db, category: string | null, qty: number, value: number): void {
  stmt(
    db,
    `INSERT INTO category_stock (category, on_hand, value) VALUES (?, ?, ?)
     ON CONFLICT (category) DO UPDATE SET on_hand = on_hand + excluded.on_hand, value = value + excluded.value`,
  ).run(category ?? '', qty, value);
}

export interface DayTotals {
  day: string;
  locationId: string;
  kind: MovementKind;
  qtyIn: number;
  qtyOut: number;
  valueIn: number;
  valueOut: number;
  count: number;
}

/** A movement's share of its day's row: quantity and value in or out, by the sign of the quantity. */
export function dayParts(qty: number, value: number): Pick<DayTotals, 'qtyIn' | 'qtyOut' | 'valueIn' | 'valueOut'> {
  return { qtyIn: qty > 0 ? qty : 0, qtyOut: qty < 0 ? -qty : 0, valueIn: qty > 0 ? value : 0, valueOut: qty < 0 ? -value : 0 };
}

export function addDayTotals(db: Db, t: DayTotals): void {
  stmt(
    db,
    `INSERT INTO movement_days (day, location_id, kind, qty_in, qty_out, value_in, value_out, count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (day, location_id, kind) DO UPDATE SET qty_in = qty_in + excluded.qty_in, qty_out = qty_out + excluded.qty_out,
       value_in = value_in + excluded.value_in, value_out = value_out + excluded.value_out, count = count + excluded.count`,
  ).run(t.day, t.locationId, t.kind, t.qtyIn, t.qtyOut, t.valueIn, t.valueOut, t.count);
}

/** Whether movements dated after `at` exist for this product and location (a back-dated post). */
export function hasLaterMovements(db: Db, productId: string, locationId: string, at: string): boolean {
  return !!stmt(db, 'SELECT 1 FROM movements WHERE product_id = ? AND location_id = ? AND occurred_at > ? LIMIT 1').get(
    productId,
    locationId,
    at,
  );
}

/**
 * The lowest quantity this product reaches at this location from `at` on, in date order:
 * min(balance as of `at`, running balance after each later movement).
 */
export function lowestBalanceFrom(db: Db, productId: string, locationId: string, at: string): number {
  const r = stmt(
    db,
    `WITH running AS (
       SELECT occurred_at, sum(qty) OVER (ORDER BY occurred_at, seq ROWS UNBOUNDED PRECEDING) AS bal
       FROM movements WHERE product_id = ? AND location_id = ?)
     SELECT min(coalesce((SELECT bal FROM running WHERE occurred_at <= ? ORDER BY occurred_at DESC LIMIT 1), 0),
                coalesce((SELECT min(bal) FROM running WHERE occurred_at > ?), 9223372036854775807)) AS low`,
  ).get(productId, locationId, at, at) as { low: number };
  return r.low;
}

const MOVEMENT_SELECT = `SELECT m.seq, m.id, m.product_id, p.sku, p.name AS product_name, m.location_id, l.code AS location_code,
  m.kind, m.qty, m.value, m.avg_cost_e4, m.qty_after, m.occurred_at, m.posted_at, m.actor, m.reason, m.note, m.doc_type, m.doc_id
  FROM movements m JOIN products p ON p.id = m.product_id JOIN locations l ON l.id = m.location_id`;

function toMovement(r: Record<string, unknown>): Movement {
  return {
    id: r.id as string,
    seq: r.seq as number,
    productId: r.product_id as string,
    sku: r.sku as string,
    productName: r.product_name as string,
    locationId: r.location_id as string,
    locationCode: r.location_code as string,
    kind: r.kind as MovementKind,
    qty: r.qty as number,
    value: r.value as number,
    avgCostE4: r.avg_cost_e4 as number,
    qtyAfter: r.qty_after as number,
    occurredAt: r.occurred_at as string,
    postedAt: r.posted_at as string,
    actor: r.actor as string,
    reason: (r.reason as string | null) ?? null,
    note: (r.note as string | null) ?? null,
    docType: (r.doc_type as string | null) ?? null,
    docId: (r.doc_id as string | null) ?? null,
  };
}

export function movementsBySeq(db: Db, seqs: number[]): Movement[] {
  return seqs.map((s) => toMovement(stmt(db, `${MOVEMENT_SELECT} WHERE m.seq = ?`).get(s) as Record<string, unknown>));
}

/** The movements a document posted, in posting order. */
export function movementsOfDoc(db: Db, docType: string, docId: string): Movement[] {
  return stmt(db, `${MOVEMENT_SELECT} WHERE m.doc_type = ? AND m.doc_id = ? ORDER BY m.seq`)
    .all(docType, docId)
    .map((r) => toMovement(r as Record<string, unknown>));
}

export interface MovementQuery {
  productId?: string | undefined;
  locationId?: string | undefined;
  kind?: MovementKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
  offset: number;
  limit: number;
}

export function listMovements(db: Db, q: MovementQuery): { rows: Movement[]; total: number } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    clauses.push(sql);
    params.push(v);
  };
  if (q.productId) add('m.product_id = ?', q.productId);
  if (q.locationId) add('m.location_id = ?', q.locationId);
  if (q.kind) add('m.kind = ?', q.kind);
  if (q.from) add('m.occurred_at >= ?', q.from);
  // `to` is a whole day: everything before the next day's start
  if (q.to) add('m.occurred_at < ?', nextDay(q.to));
  const w = clauses.length ? 'WHERE ' + clauses.join(' AND ') : '';
  const total = (stmt(db, `SELECT count(*) AS n FROM movements m ${w}`).get(...params) as { n: number }).n;
  const rows = stmt(db, `${MOVEMENT_SELECT} ${w} ORDER BY m.occurred_at DESC, m.seq DESC LIMIT ? OFFSET ?`)
    .all(...params, q.limit, q.offset)
    .map((r) => toMovement(r as Record<string, unknown>));
  return { rows, total };
}

function nextDay(day: string): string {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export interface BalanceQuery {
  locationId?: string | undefined;
  productId?: string | undefined;
  search?: string | undefined;
  nonZero: boolean;
  offset: number;
  limit: number;
}

export function listBalances(db: Db, q: BalanceQuery): { rows: BalanceRow[]; total: number } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (q.locationId) {
    clauses.push('b.location_id = ?');
    params.push(q.locationId);
  }
  if (q.productId) {
    clauses.push('b.product_id = ?');
    params.push(q.productId);
  }
  if (q.search?.trim()) {
    const f = productTextFilter(q.search.trim());
    clauses.push(f.sql);
    params.push(...f.params);
  }
  if (q.nonZero) clauses.push('(b.on_hand <> 0 OR b.reserved <> 0)');
  const w = clauses.length ? 'WHERE ' + clauses.join(' AND ') : '';
  // Foreign keys make both joins one-to-one, so the count joins products only to search them.
  const countFrom = q.search ? 'FROM balances b JOIN products p ON p.id = b.product_id' : 'FROM balances b';
  const total = (stmt(db, `SELECT count(*) AS n ${countFrom} ${w}`).get(...params) as { n: number }).n;
  // The page's keys come first, in SKU order from a covering index (balances carry the SKU),
  // skipping `offset` index entries; only the page's rows are then joined for names.
  const rows = stmt(
    db,
    `SELECT b.product_id, p.sku, p.name, b.location_id, l.code AS location_code, l.name AS location_name, b.on_hand,
       b.reserved, b.avg_cost_e4, b.value, b.updated_at
     FROM (SELECT b.product_id, b.location_id FROM balances b ${q.search ? 'JOIN products p ON p.id = b.product_id' : ''} ${w}
           ORDER BY b.sku, b.location_id LIMIT ? OFFSET ?) page
     CROSS JOIN balances b ON b.product_id = page.product_id AND b.location_id = page.location_id
     CROSS JOIN products p ON p.id = b.product_id CROSS JOIN locations l ON l.id = b.location_id
     ORDER BY b.sku, b.location_id`,
  )
    .all(...params, q.limit, q.offset)
    .map((r) => {
      const x = r as Record<string, unknown>;
      return {
        productId: x.product_id as string,
        sku: x.sku as string,
        name: x.name as string,
        locationId: x.location_id as string,
        locationCode: x.location_code as string,
        locationName: x.location_name as string,
        onHand: x.on_hand as number,
        reserved: x.reserved as number,
        available: (x.on_hand as number) - (x.reserved as number),
        avgCostE4: x.avg_cost_e4 as number,
        value: x.value as number,
        updatedAt: x.updated_at as string,
      };
    });
  return { rows, total };
}

export function countMovements(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM movements').get() as { n: number }).n;
}

/** Every movement in posting order, raw, for the chain check and the balance rebuild. */
export function* allMovements(db: Db): Generator<MovementRecord & { seq: number }> {
  const it = db
    .prepare(
      `SELECT seq, id, product_id AS productId, location_id AS locationId, kind, qty, value, avg_cost_e4 AS avgCostE4,
         qty_after AS qtyAfter, occurred_at AS occurredAt, posted_at AS postedAt, actor, reason, note, doc_type AS docType,
         doc_id AS docId, prev_hash AS prevHash, hash FROM movements ORDER BY seq`,
    )
    .iterate();
  for (const r of it) yield r as MovementRecord & { seq: number };
}

export function allBalances(db: Db): ({ productId: string; locationId: string } & StoredBalance)[] {
  return db
    .prepare(
      'SELECT product_id AS productId, location_id AS locationId, on_hand AS onHand, reserved, avg_cost_e4 AS avgCostE4, value FROM balances',
    )
    .all() as ({ productId: string; locationId: string } & StoredBalance)[];
}

export interface StoredTotal {
  key: string;
  onHand: number;
  value: number;
  /** products only */
  reserved?: number;
}

/** The kept totals per product, location and category, for the rebuild-and-compare check. */
export function allTotals(db: Db): { product: StoredTotal[]; location: StoredTotal[]; category: StoredTotal[] } {
  const read = (sql: string) => db.prepare(sql).all() as StoredTotal[];
  return {
    product: read('SELECT product_id AS key, on_hand AS onHand, value, reserved FROM product_stock'),
    location: read('SELECT location_id AS key, on_hand AS onHand, value FROM location_stock'),
    category: read('SELECT category AS key, on_hand AS onHand, value FROM category_stock'),
  };
}

export function productCategories(db: Db): Map<string, string> {
  const rows = db.prepare("SELECT id, coalesce(category, '') AS category FROM products").all() as { id: string; category: string }[];
  return new Map(rows.map((r) => [r.id, r.category]));
}
