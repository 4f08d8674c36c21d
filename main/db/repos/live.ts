// Live selling sessions: the products on show with their live price and cap, and the viewers' claims.
import type { Db } from '../open';
import type { ClaimStatus, LiveClaim, LiveSession, LiveSessionRow, LiveStatus } from '../../common/api/sales-types';
import { stmt } from './statements';

export type SessionRecord = Omit<LiveSession, 'locationCode'>;

const SESSION_COLS = `s.id, s.number, s.title, s.platform, s.location_id AS locationId, l.code AS locationCode, s.currency, s.status,
  s.scheduled_at AS scheduledAt, s.started_at AS startedAt, s.ended_at AS endedAt, s.per_customer_limit AS perCustomerLimit,
  s.hold_hours AS holdHours, s.promotional, s.notes, s.created_at AS createdAt, s.updated_at AS updatedAt`;
const SESSION_FROM = 'FROM live_sessions s JOIN locations l ON l.id = s.location_id';

/** SQLite keeps the flag as 0 or 1 */
const withFlag = <T extends { promotional: unknown }>(r: T): T => ({ ...r, promotional: r.promotional === 1 });

export function getSession(db: Db, id: string): LiveSession | null {
  const r = stmt(db, `SELECT ${SESSION_COLS} ${SESSION_FROM} WHERE s.id = ?`).get(id) as LiveSession | undefined;
  return r ? withFlag(r) : null;
}

export function saveSession(db: Db, s: SessionRecord): void {
  stmt(
    db,
    `INSERT INTO live_sessions (id, number, title, platform, location_id, currency, status, scheduled_at, started_at, ended_at,
       per_customer_limit, hold_hours, promotional, notes, created_at, updated_at)
     VALUES (@id, @number, @title, @platform, @locationId, @currency, @status, @scheduledAt, @startedAt, @endedAt,
       @perCustomerLimit, @holdHours, @promotional, @notes, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, platform = excluded.platform, location_id = excluded.location_id,
       currency = excluded.currency, status = excluded.status, scheduled_at = excluded.scheduled_at, started_at = excluded.started_at,
       ended_at = excluded.ended_at, per_customer_limit = excluded.per_customer_limit, hold_hours = excluded.hold_hours,
       promotional = excluded.promotional, notes = excluded.notes, updated_at = excluded.updated_at`,
  ).run({ ...s, promotional: s.promotional ? 1 : 0 });
}

export function listSessions(db: Db, q: { status?: LiveStatus | undefined; offset: number; limit: number }): { rows: LiveSessionRow[]; total: number } {
  const w = q.status ? 'WHERE s.status = @status' : '';
  const rows = stmt(
    db,
    `SELECT ${SESSION_COLS}, (SELECT count(*) FROM live_items i WHERE i.session_id = s.id) AS items,
       (SELECT coalesce(sum(claimed), 0) FROM live_items i WHERE i.session_id = s.id) AS claimed
     ${SESSION_FROM} ${w} ORDER BY s.number DESC LIMIT @limit OFFSET @offset`,
  ).all({ status: q.status ?? null, limit: q.limit, offset: q.offset }) as LiveSessionRow[];
  rows.forEach((r, i) => (rows[i] = withFlag(r)));
  const { n } = stmt(db, `SELECT count(*) AS n FROM live_sessions s ${w}`).get(q.status ? { status: q.status } : {}) as { n: number };
  return { rows, total: n };
}

export interface ItemRecord {
  sessionId: string;
  productId: string;
  position: number;
  price: number;
  cap: number;
  perCustomerLimit: number | null;
  claimed: number;
  code: string | null;
}

export interface ItemView extends ItemRecord {
  sku: string;
  name: string;
  localName: string | null;
  barcode: string | null;
  waiting: number;
}

const ITEM_SELECT = `SELECT i.session_id AS sessionId, i.product_id AS productId, i.position, i.price, i.cap,
    i.per_customer_limit AS perCustomerLimit, i.claimed, i.code, p.sku, p.name, p.local_name AS localName, p.barcode,
    (SELECT count(*) FROM live_claims c WHERE c.session_id = i.session_id AND c.product_id = i.product_id AND c.status = 'waiting') AS waiting
  FROM live_items i JOIN products p ON p.id = i.product_id`;

export function items(db: Db, sessionId: string): ItemView[] {
  return stmt(db, `${ITEM_SELECT} WHERE i.session_id = ? ORDER BY i.position`).all(sessionId) as ItemView[];
}

export function item(db: Db, sessionId: string, productId: string): ItemView | null {
  return (stmt(db, `${ITEM_SELECT} WHERE i.session_id = ? AND i.product_id = ?`).get(sessionId, productId) as ItemView | undefined) ?? null;
}

/** The item a typed or scanned text names: its code, its product's SKU or barcode. */
export function findItem(db: Db, sessionId: string, text: string): ItemView | null {
  return (
    (stmt(db, `${ITEM_SELECT} WHERE i.session_id = @s AND (i.code = @t OR p.sku = @t OR p.barcode = @t) ORDER BY i.code = @t DESC LIMIT 1`).get({
      s: sessionId,
      t: text,
    }) as ItemView | undefined) ?? null
  );
}

export function saveItem(db: Db, i: ItemRecord): void {
  stmt(
    db,
    `INSERT INTO live_items (session_id, product_id, position, price, cap, per_customer_limit, claimed, code)
     VALUES (@sessionId, @productId, @position, @price, @cap, @perCustomerLimit, @claimed, @code)
     ON CONFLICT (session_id, product_id) DO UPDATE SET position = excluded.position, price = excluded.price, cap = excluded.cap,
       per_customer_limit = excluded.per_customer_limit, claimed = excluded.claimed, code = excluded.code`,
  ).run(i);
}

export function deleteItem(db: Db, sessionId: string, productId: string): void {
  stmt(db, 'DELETE FROM live_items WHERE session_id = ? AND product_id = ?').run(sessionId, productId);
}

export function addClaimed(db: Db, sessionId: string, productId: string, delta: number): void {
  stmt(db, 'UPDATE live_items SET claimed = max(claimed + ?, 0) WHERE session_id = ? AND product_id = ?').run(delta, sessionId, productId);
}

// ---- claims -----------------------------------------------------------------------------------

export interface ClaimRecord {
  id: string;
  sessionId: string;
  seq: number;
  productId: string;
  customerId: string;
  qty: number;
  status: ClaimStatus;
  clientKey: string | null;
  at: string;
  promotedAt: string | null;
  orderId: string | null;
}

const CLAIM_SELECT = `SELECT c.id, c.seq, c.product_id AS productId, p.sku, c.customer_id AS customerId, cu.handle, c.qty, c.status, c.at,
    c.promoted_at AS promotedAt, c.order_id AS orderId
  FROM live_claims c JOIN products p ON p.id = c.product_id JOIN customers cu ON cu.id = c.customer_id`;

export function insertClaim(db: Db, c: Omit<ClaimRecord, 'seq'>): number {
  const { seq } = stmt(db, 'SELECT coalesce(max(seq), 0) + 1 AS seq FROM live_claims WHERE session_id = ?').get(c.sessionId) as { seq: number };
  stmt(
    db,
    `INSERT INTO live_claims (id, session_id, seq, product_id, customer_id, qty, status, client_key, at, promoted_at, order_id)
     VALUES (@id, @sessionId, @seq, @productId, @customerId, @qty, @status, @clientKey, @at, @promotedAt, @orderId)`,
  ).run({ ...c, seq });
  return seq;
}

export function setClaim(db: Db, id: string, change: { status: ClaimStatus; promotedAt?: string | null; orderId?: string | null }): void {
  stmt(db, 'UPDATE live_claims SET status = @status, promoted_at = coalesce(@promotedAt, promoted_at), order_id = coalesce(@orderId, order_id) WHERE id = @id').run({
    id,
    status: change.status,
    promotedAt: change.promotedAt ?? null,
    orderId: change.orderId ?? null,
  });
}

export function claim(db: Db, id: string): (LiveClaim & { sessionId: string }) | null {
  return (stmt(db, `${CLAIM_SELECT.replace('SELECT c.id,', 'SELECT c.id, c.session_id AS sessionId,')} WHERE c.id = ?`).get(id) as (LiveClaim & { sessionId: string }) | undefined) ?? null;
}

export function claimByKey(db: Db, sessionId: string, key: string): LiveClaim | null {
  return (stmt(db, `${CLAIM_SELECT} WHERE c.session_id = ? AND c.client_key = ?`).get(sessionId, key) as LiveClaim | undefined) ?? null;
}

/** The newest claim still standing (claimed or waiting). */
export function lastClaim(db: Db, sessionId: string): LiveClaim | null {
  return (stmt(db, `${CLAIM_SELECT} WHERE c.session_id = ? AND c.status IN ('claimed', 'waiting') ORDER BY c.seq DESC LIMIT 1`).get(sessionId) as LiveClaim | undefined) ?? null;
}

export function recentClaims(db: Db, sessionId: string, limit: number): LiveClaim[] {
  return stmt(db, `${CLAIM_SELECT} WHERE c.session_id = ? ORDER BY c.seq DESC LIMIT ?`).all(sessionId, limit) as LiveClaim[];
}

export function claimsWith(db: Db, sessionId: string, status: ClaimStatus, productId?: string): LiveClaim[] {
  return productId
    ? (stmt(db, `${CLAIM_SELECT} WHERE c.session_id = ? AND c.product_id = ? AND c.status = ? ORDER BY c.seq`).all(sessionId, productId, status) as LiveClaim[])
    : (stmt(db, `${CLAIM_SELECT} WHERE c.session_id = ? AND c.status = ? ORDER BY c.seq`).all(sessionId, status) as LiveClaim[]);
}

/** Units a buyer holds or waits for of one product in a session. */
export function customerUnits(db: Db, sessionId: string, customerId: string, productId: string): number {
  return (
    stmt(
      db,
      `SELECT coalesce(sum(qty), 0) AS n FROM live_claims WHERE session_id = ? AND customer_id = ? AND product_id = ? AND status IN ('claimed', 'waiting', 'ordered')`,
    ).get(sessionId, customerId, productId) as { n: number }
  ).n;
}

export function claimsPerMinute(db: Db, sessionId: string): { minute: string; claims: number; units: number }[] {
  return stmt(
    db,
    `SELECT substr(at, 1, 16) AS minute, count(*) AS claims, sum(qty) AS units FROM live_claims
     WHERE session_id = ? AND status <> 'undone' GROUP BY minute ORDER BY minute`,
  ).all(sessionId) as { minute: string; claims: number; units: number }[];
}

export function buyers(db: Db, sessionId: string): number {
  return (stmt(db, `SELECT count(DISTINCT customer_id) AS n FROM live_claims WHERE session_id = ? AND status IN ('claimed', 'ordered')`).get(sessionId) as { n: number }).n;
}
