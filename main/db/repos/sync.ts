// Supplier sync's tables: connections, runs, pull cursors, the catalogue mirror, catalogue changes
// for review, the outbox, and what suppliers said about our orders and shipments.
import type { CatalogChange, CatalogEntry, ConnectionKind, OutboxItem, OutboxState, SupplierAck, SyncRun, SyncTrigger } from '../../common/api/sync-types';
import type { Db } from '../open';
import { stmt } from './statements';

type Raw = Record<string, unknown>;

// ---- connections ------------------------------------------------------------------------------

export interface ConnectionRecord {
  supplierId: string;
  kind: ConnectionKind;
  endpoint: string;
  secret: string | null;
  settings: string;
  autoSync: number;
  intervalMinutes: number;
  createdAt: string;
  updatedAt: string;
}

const CONNECTION_COLS = `c.supplier_id AS supplierId, c.kind, c.endpoint, c.secret, c.settings, c.auto_sync AS autoSync, c.interval_minutes AS intervalMinutes,
  c.created_at AS createdAt, c.updated_at AS updatedAt`;

export function getConnection(db: Db, supplierId: string): ConnectionRecord | null {
  return (stmt(db, `SELECT ${CONNECTION_COLS} FROM supplier_connections c WHERE c.supplier_id = ?`).get(supplierId) as ConnectionRecord | undefined) ?? null;
}

export function listConnections(db: Db): (ConnectionRecord & { supplierName: string })[] {
  return stmt(db, `SELECT ${CONNECTION_COLS}, s.name AS supplierName FROM supplier_connections c JOIN suppliers s ON s.id = c.supplier_id ORDER BY s.name`).all() as (ConnectionRecord & {
    supplierName: string;
  })[];
}

export function saveConnection(db: Db, c: ConnectionRecord): void {
  stmt(
    db,
    `INSERT INTO supplier_connections (supplier_id, kind, endpoint, secret, settings, auto_sync, interval_minutes, created_at, updated_at)
     VALUES (@supplierId, @kind, @endpoint, @secret, @settings, @autoSync, @intervalMinutes, @createdAt, @updatedAt)
     ON CONFLICT (supplier_id) DO UPDATE SET kind = excluded.kind, endpoint = excluded.endpoint, secret = excluded.secret,
       settings = excluded.settings, auto_sync = excluded.auto_sync, interval_minutes = excluded.interval_minutes, updated_at = excluded.updated_at`,
  ).run(c);
}

export function deleteConnection(db: Db, supplierId: string): boolean {
  return stmt(db, 'DELETE FROM supplier_connections WHERE supplier_id = ?').run(supplierId).changes > 0;
}

// ---- runs -------------------------------------------------------------------------------------

const RUN_COLS = 'id, supplier_id AS supplierId, trigger, started_at AS startedAt, finished_at AS finishedAt, result, counts, message';
const toRun = (r: Raw): SyncRun => ({ ...(r as unknown as SyncRun), counts: JSON.parse(r.counts as string) as Record<string, number> });

export function startRun(db: Db, r: { id: string; supplierId: string; trigger: SyncTrigger; scope: 'all' | 'orders'; startedAt: string }): void {
  stmt(db, `INSERT INTO sync_runs (id, supplier_id, trigger, scope, started_at, result) VALUES (@id, @supplierId, @trigger, @scope, @startedAt, 'running')`).run(r);
}

/** When the supplier's last whole sync started (runs that only sent orders do not count). */
export function lastFullRunAt(db: Db, supplierId: string): string | null {
  return (stmt(db, `SELECT max(started_at) AS at FROM sync_runs WHERE supplier_id = ? AND scope = 'all'`).get(supplierId) as { at: string | null }).at;
}

export function finishRun(db: Db, r: Pick<SyncRun, 'id' | 'finishedAt' | 'result' | 'counts' | 'message'>): void {
  stmt(db, 'UPDATE sync_runs SET finished_at = @finishedAt, result = @result, counts = @counts, message = @message WHERE id = @id').run({ ...r, counts: JSON.stringify(r.counts) });
}

/** Runs left 'running' by an app that stopped mid-sync. */
export function abandonRuns(db: Db, at: string): number {
  return stmt(db, `UPDATE sync_runs SET result = 'cancelled', finished_at = @at, message = 'Crossdock stopped during this sync' WHERE result = 'running'`).run({ at }).changes;
}

export function getRun(db: Db, id: string): SyncRun | null {
  const r = stmt(db, `SELECT ${RUN_COLS} FROM sync_runs WHERE id = ?`).get(id) as Raw | undefined;
  return r ? toRun(r) : null;
}

export function listRuns(db: Db, supplierId: string | null, limit: number): SyncRun[] {
  const where = supplierId ? 'WHERE supplier_id = @supplierId' : '';
  return stmt(db, `SELECT ${RUN_COLS} FROM sync_runs ${where} ORDER BY started_at DESC, rowid DESC LIMIT @limit`)
    .all({ supplierId, limit })
    .map((r) => toRun(r as Raw));
}

export function lastRun(db: Db, supplierId: string): SyncRun | null {
  return listRuns(db, supplierId, 1)[0] ?? null;
}

export function lastSuccess(db: Db, supplierId: string): string | null {
  return (stmt(db, `SELECT max(finished_at) AS at FROM sync_runs WHERE supplier_id = ? AND result = 'ok'`).get(supplierId) as { at: string | null }).at;
}

// ---- cursors ----------------------------------------------------------------------------------

export type Stream = 'catalog' | 'prices' | 'availability' | 'orders' | 'shipments';

export function getCursor(db: Db, supplierId: string, stream: Stream): { cursor: string | null; since: string | null } {
  return (stmt(db, 'SELECT cursor, since FROM sync_cursors WHERE supplier_id = ? AND stream = ?').get(supplierId, stream) as { cursor: string | null; since: string | null } | undefined) ?? {
    cursor: null,
    since: null,
  };
}

export function saveCursor(db: Db, c: { supplierId: string; stream: Stream; cursor: string | null; since: string | null; at: string }): void {
  stmt(
    db,
    `INSERT INTO sync_cursors (supplier_id, stream, cursor, since, updated_at) VALUES (@supplierId, @stream, @cursor, @since, @at)
     ON CONFLICT (supplier_id, stream) DO UPDATE SET cursor = excluded.cursor, since = excluded.since, updated_at = excluded.updated_at`,
  ).run(c);
}

export function clearCursors(db: Db, supplierId: string): void {
  stmt(db, 'DELETE FROM sync_cursors WHERE supplier_id = ?').run(supplierId);
}

// ---- catalogue mirror --------------------------------------------------------------------------

export interface MirrorItem {
  supplierId: string;
  sku: string;
  name: string;
  barcode: string | null;
  hsCode: string | null;
  originCountry: string | null;
  moq: number;
  orderMultiple: number;
  leadTimeDays: number | null;
  status: 'active' | 'discontinued';
  updatedAt: string;
  seenAt: string;
}

export function upsertCatalogItem(db: Db, i: MirrorItem): void {
  stmt(
    db,
    `INSERT INTO supplier_catalog (supplier_id, sku, name, barcode, hs_code, origin_country, moq, order_multiple, lead_time_days, status, item_updated_at, seen_at)
     VALUES (@supplierId, @sku, @name, @barcode, @hsCode, @originCountry, @moq, @orderMultiple, @leadTimeDays, @status, @updatedAt, @seenAt)
     ON CONFLICT (supplier_id, sku) DO UPDATE SET name = excluded.name, barcode = excluded.barcode, hs_code = excluded.hs_code,
       origin_country = excluded.origin_country, moq = excluded.moq, order_multiple = excluded.order_multiple,
       lead_time_days = excluded.lead_time_days, status = excluded.status, item_updated_at = excluded.item_updated_at, seen_at = excluded.seen_at`,
  ).run(i);
}

export function upsertPrice(db: Db, p: { supplierId: string; sku: string; currency: string; unitPrice: string; breaks: string; updatedAt: string; seenAt: string }): void {
  stmt(
    db,
    `INSERT INTO supplier_catalog (supplier_id, sku, currency, unit_price, price_breaks, price_updated_at, seen_at)
     VALUES (@supplierId, @sku, @currency, @unitPrice, @breaks, @updatedAt, @seenAt)
     ON CONFLICT (supplier_id, sku) DO UPDATE SET currency = excluded.currency, unit_price = excluded.unit_price,
       price_breaks = excluded.price_breaks, price_updated_at = excluded.price_updated_at, seen_at = excluded.seen_at`,
  ).run(p);
}

export function upsertAvailability(db: Db, a: { supplierId: string; sku: string; available: number; restockDate: string | null; updatedAt: string; seenAt: string }): void {
  stmt(
    db,
    `INSERT INTO supplier_catalog (supplier_id, sku, available, restock_date, stock_updated_at, seen_at)
     VALUES (@supplierId, @sku, @available, @restockDate, @updatedAt, @seenAt)
     ON CONFLICT (supplier_id, sku) DO UPDATE SET available = excluded.available, restock_date = excluded.restock_date,
       stock_updated_at = excluded.stock_updated_at, seen_at = excluded.seen_at`,
  ).run(a);
}

const ENTRY_COLS = `c.sku, c.name, c.barcode, c.status, c.moq, c.order_multiple AS orderMultiple, c.lead_time_days AS leadTimeDays, c.currency,
  c.unit_price AS unitPrice, c.price_breaks AS breaks, c.available, c.restock_date AS restockDate, sp.product_id AS productId, c.seen_at AS seenAt`;

export function catalogPage(db: Db, q: { supplierId: string; search: string; offset: number; limit: number }): { rows: CatalogEntry[]; total: number } {
  const where = `c.supplier_id = @supplierId ${q.search ? "AND (c.sku LIKE @like ESCAPE '\\' OR c.name LIKE @like ESCAPE '\\' OR c.barcode = @search)" : ''}`;
  const args = { ...q, like: `%${q.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%` };
  const rows = stmt(
    db,
    `SELECT ${ENTRY_COLS} FROM supplier_catalog c LEFT JOIN supplier_products sp ON sp.supplier_id = c.supplier_id AND sp.supplier_sku = c.sku
     WHERE ${where} ORDER BY c.sku LIMIT @limit OFFSET @offset`,
  )
    .all(args)
    .map((r) => {
      const x = r as Raw;
      return { ...(x as unknown as CatalogEntry), breaks: x.breaks ? (JSON.parse(x.breaks as string) as CatalogEntry['breaks']) : [] };
    });
  const total = (stmt(db, `SELECT count(*) AS n FROM supplier_catalog c WHERE ${where}`).get(args) as { n: number }).n;
  return { rows, total };
}

export function catalogCount(db: Db, supplierId: string): number {
  return (stmt(db, 'SELECT count(*) AS n FROM supplier_catalog WHERE supplier_id = ?').get(supplierId) as { n: number }).n;
}

// ---- catalogue changes ---------------------------------------------------------------------------

export interface ChangeRecord {
  id: string;
  supplierId: string;
  supplierProductId: string;
  sku: string;
  kind: CatalogChange['kind'];
  oldValue: string | null;
  newValue: string | null;
  detectedAt: string;
}

/** Keeps one pending change per term: a newer value replaces the waiting one. */
export function putPendingChange(db: Db, c: ChangeRecord): void {
  stmt(
    db,
    `INSERT INTO catalog_changes (id, supplier_id, supplier_product_id, sku, kind, old_value, new_value, detected_at)
     VALUES (@id, @supplierId, @supplierProductId, @sku, @kind, @oldValue, @newValue, @detectedAt)
     ON CONFLICT (supplier_product_id, kind) WHERE status = 'pending'
     DO UPDATE SET old_value = excluded.old_value, new_value = excluded.new_value, detected_at = excluded.detected_at`,
  ).run(c);
}

/** A pending change the supplier has taken back (their terms match ours again). */
export function dropPendingChange(db: Db, supplierProductId: string, kind: CatalogChange['kind']): void {
  stmt(db, `DELETE FROM catalog_changes WHERE supplier_product_id = ? AND kind = ? AND status = 'pending'`).run(supplierProductId, kind);
}

const CHANGE_COLS = `c.id, c.supplier_id AS supplierId, s.name AS supplierName, c.supplier_product_id AS supplierProductId, c.sku,
  sp.product_id AS productId, p.name AS productName, c.kind, c.old_value AS oldValue, c.new_value AS newValue, c.status, c.detected_at AS detectedAt,
  (SELECT group_concat(number, ', ') FROM (SELECT DISTINCT po.number FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id
     WHERE l.supplier_product_id = c.supplier_product_id AND po.status IN ('sent', 'partially_received') ORDER BY po.number)) AS openOrders`;

function toChange(r: Raw): CatalogChange {
  return { ...(r as unknown as CatalogChange), openOrders: r.openOrders ? (r.openOrders as string).split(', ') : [] };
}

export function listChanges(db: Db, q: { supplierId: string | null; status: CatalogChange['status'] }): CatalogChange[] {
  return stmt(
    db,
    `SELECT ${CHANGE_COLS} FROM catalog_changes c JOIN suppliers s ON s.id = c.supplier_id JOIN supplier_products sp ON sp.id = c.supplier_product_id
     LEFT JOIN products p ON p.id = sp.product_id
     WHERE ${q.supplierId ? 'c.supplier_id = @supplierId AND' : ''} c.status = @status ORDER BY c.detected_at DESC, c.sku LIMIT 5000`,
  )
    .all(q)
    .map((r) => toChange(r as Raw));
}

export function getChange(db: Db, id: string): (ChangeRecord & { status: CatalogChange['status'] }) | null {
  return (
    (stmt(
      db,
      `SELECT id, supplier_id AS supplierId, supplier_product_id AS supplierProductId, sku, kind, old_value AS oldValue, new_value AS newValue,
         detected_at AS detectedAt, status FROM catalog_changes WHERE id = ?`,
    ).get(id) as (ChangeRecord & { status: CatalogChange['status'] }) | undefined) ?? null
  );
}

export function decideChange(db: Db, d: { id: string; status: 'applied' | 'dismissed'; at: string; by: string }): void {
  stmt(db, 'UPDATE catalog_changes SET status = @status, decided_at = @at, decided_by = @by WHERE id = @id').run(d);
}

export function pendingChangeCount(db: Db, supplierId: string): number {
  return (stmt(db, `SELECT count(*) AS n FROM catalog_changes WHERE supplier_id = ? AND status = 'pending'`).get(supplierId) as { n: number }).n;
}

// ---- outbox -----------------------------------------------------------------------------------

export interface OutboxRecord {
  seq: number;
  key: string;
  supplierId: string;
  poId: string;
  payload: string;
  state: OutboxState;
  attempts: number;
  nextAt: string | null;
  lastError: string | null;
  remoteId: string | null;
  updatedAt: string;
}

const OUTBOX_COLS = `o.seq, o.key, o.supplier_id AS supplierId, s.name AS supplierName, o.po_id AS poId, po.number AS poNumber, o.state, o.attempts,
  o.next_at AS nextAt, o.last_error AS lastError, o.remote_id AS remoteId,
  (SELECT so.status FROM supplier_orders so WHERE so.po_id = o.po_id) AS ackStatus, o.created_at AS createdAt, o.updated_at AS updatedAt, o.done_at AS doneAt`;
const OUTBOX_FROM = 'outbox o JOIN suppliers s ON s.id = o.supplier_id JOIN purchase_orders po ON po.id = o.po_id';

export function enqueue(db: Db, o: { key: string; supplierId: string; poId: string; payload: string; at: string }): number {
  return Number(
    stmt(
      db,
      `INSERT INTO outbox (key, supplier_id, kind, po_id, payload, state, created_at, updated_at)
       VALUES (@key, @supplierId, 'order', @poId, @payload, 'queued', @at, @at)`,
    ).run(o).lastInsertRowid,
  );
}

export function outboxItem(db: Db, seq: number): OutboxItem | null {
  return (stmt(db, `SELECT ${OUTBOX_COLS} FROM ${OUTBOX_FROM} WHERE o.seq = ?`).get(seq) as OutboxItem | undefined) ?? null;
}

export function outboxForPo(db: Db, poId: string): OutboxItem | null {
  return (stmt(db, `SELECT ${OUTBOX_COLS} FROM ${OUTBOX_FROM} WHERE o.po_id = ? ORDER BY o.seq DESC LIMIT 1`).get(poId) as OutboxItem | undefined) ?? null;
}

const WAITING = "('queued', 'lookup', 'sending')";

export function listOutbox(db: Db, q: { supplierId: string | null; state: 'waiting' | 'rejected' | 'done' | 'all'; limit: number }): OutboxItem[] {
  const states = { waiting: `o.state IN ${WAITING}`, rejected: "o.state = 'rejected'", done: "o.state IN ('done', 'cancelled')", all: '1' }[q.state];
  return stmt(
    db,
    `SELECT ${OUTBOX_COLS} FROM ${OUTBOX_FROM} WHERE ${q.supplierId ? 'o.supplier_id = @supplierId AND' : ''} ${states}
     ORDER BY ${q.state === 'waiting' ? 'o.seq' : 'o.seq DESC'} LIMIT @limit`,
  ).all(q) as OutboxItem[];
}

/** The supplier's first orders still to go, in sequence, whether or not they are due. */
export function waitingOrders(db: Db, supplierId: string, limit: number): OutboxRecord[] {
  return stmt(
    db,
    `SELECT seq, key, supplier_id AS supplierId, po_id AS poId, payload, state, attempts, next_at AS nextAt, last_error AS lastError, remote_id AS remoteId,
       updated_at AS updatedAt
     FROM outbox WHERE supplier_id = ? AND state IN ${WAITING} ORDER BY seq LIMIT ?`,
  ).all(supplierId, limit) as OutboxRecord[];
}

export function setOutbox(db: Db, o: { seq: number; state: OutboxState; attempts: number; nextAt: string | null; lastError: string | null; remoteId: string | null; at: string }): void {
  stmt(
    db,
    `UPDATE outbox SET state = @state, attempts = @attempts, next_at = @nextAt, last_error = @lastError, remote_id = coalesce(@remoteId, remote_id),
       updated_at = @at, done_at = CASE WHEN @state IN ('done', 'rejected', 'cancelled') THEN @at ELSE NULL END WHERE seq = @seq`,
  ).run(o);
}

/**
 * Orders left on the wire by a Crossdock that stopped: their fate is unknown, so they are looked up
 * first. Only those marked before `before` (no request lasts that long: one still that fresh may
 * be in flight in another Crossdock on the same file).
 */
export function recoverSending(db: Db, at: string, before: string): number {
  return stmt(
    db,
    `UPDATE outbox SET state = 'lookup', next_at = NULL, last_error = 'Crossdock stopped while sending this order', updated_at = @at WHERE state = 'sending' AND updated_at < @before`,
  ).run({ at, before }).changes;
}

export function outboxSummary(db: Db, supplierId: string): { waiting: number; rejected: number; nextAt: string | null; lastError: string | null } {
  return stmt(
    db,
    `SELECT count(*) FILTER (WHERE state IN ${WAITING}) AS waiting, count(*) FILTER (WHERE state = 'rejected') AS rejected,
       min(next_at) FILTER (WHERE state IN ${WAITING}) AS nextAt,
       (SELECT last_error FROM outbox WHERE supplier_id = @s AND state IN ('queued', 'lookup', 'rejected') AND last_error IS NOT NULL ORDER BY updated_at DESC LIMIT 1) AS lastError
     FROM outbox WHERE supplier_id = @s AND state IN ('queued', 'lookup', 'sending', 'rejected')`,
  ).get({ s: supplierId }) as { waiting: number; rejected: number; nextAt: string | null; lastError: string | null };
}

/**
 * Suppliers, connected for orders, whose first waiting order may go at `at` (orders go in
 * sequence: one waiting out a back-off holds back those after it; one on the wire since after
 * `fresh` is someone's request still in flight).
 */
export function suppliersWithDueOrders(db: Db, at: string, fresh: string): string[] {
  return (
    stmt(
      db,
      `SELECT o.supplier_id AS id FROM outbox o JOIN supplier_connections c ON c.supplier_id = o.supplier_id AND c.kind IN ('open_protocol', 'cj')
       WHERE o.seq = (SELECT min(seq) FROM outbox x WHERE x.supplier_id = o.supplier_id AND x.state IN ${WAITING})
         AND (o.next_at IS NULL OR o.next_at <= @at) AND NOT (o.state = 'sending' AND o.updated_at >= @fresh)`,
    ).all({ at, fresh }) as { id: string }[]
  ).map((r) => r.id);
}

export function outboxKeyForPo(db: Db, poId: string): string | null {
  return (stmt(db, 'SELECT key FROM outbox WHERE po_id = ? ORDER BY seq DESC LIMIT 1').get(poId) as { key: string } | undefined)?.key ?? null;
}

// ---- what suppliers said ------------------------------------------------------------------------

/** A purchase order of this supplier sent through the outbox, by its number. */
export function poIdByReference(db: Db, supplierId: string, number: string): string | null {
  return (
    (stmt(db, 'SELECT po.id FROM purchase_orders po WHERE po.number = ? AND po.supplier_id = ? AND EXISTS (SELECT 1 FROM outbox o WHERE o.po_id = po.id)').get(number, supplierId) as { id: string } | undefined)?.id ??
    null
  );
}

export function poIdByKey(db: Db, supplierId: string, key: string): string | null {
  return (stmt(db, 'SELECT po_id AS id FROM outbox WHERE key = ? AND supplier_id = ?').get(key, supplierId) as { id: string } | undefined)?.id ?? null;
}

/** `lines` null keeps the lines already held (or none: []). */
export function saveSupplierOrder(db: Db, o: { supplierId: string; remoteId: string; poId: string; status: string; lines: string | null; reasons: string; updatedAt: string; at: string }): void {
  stmt(
    db,
    `INSERT INTO supplier_orders (supplier_id, remote_id, po_id, status, lines, reasons, remote_updated_at, synced_at)
     VALUES (@supplierId, @remoteId, @poId, @status, coalesce(@lines, '[]'), @reasons, @updatedAt, @at)
     ON CONFLICT (po_id) DO UPDATE SET remote_id = excluded.remote_id, status = excluded.status, lines = coalesce(@lines, supplier_orders.lines),
       reasons = excluded.reasons, remote_updated_at = excluded.remote_updated_at, synced_at = excluded.synced_at
     WHERE excluded.remote_updated_at >= supplier_orders.remote_updated_at`,
  ).run(o);
}

export function supplierAck(db: Db, poId: string): SupplierAck | null {
  const r = stmt(
    db,
    'SELECT remote_id AS remoteId, status, lines, reasons, remote_updated_at AS updatedAt, synced_at AS syncedAt FROM supplier_orders WHERE po_id = ?',
  ).get(poId) as Raw | undefined;
  return r ? { ...(r as unknown as SupplierAck), lines: JSON.parse(r.lines as string) as SupplierAck['lines'], reasons: JSON.parse(r.reasons as string) as string[] } : null;
}

export function supplierShipment(db: Db, supplierId: string, remoteId: string): { shipmentId: string; updatedAt: string } | null {
  return (
    (stmt(db, 'SELECT shipment_id AS shipmentId, remote_updated_at AS updatedAt FROM supplier_shipments WHERE supplier_id = ? AND remote_id = ?').get(supplierId, remoteId) as
      | { shipmentId: string; updatedAt: string }
      | undefined) ?? null
  );
}

export function saveSupplierShipment(db: Db, s: { supplierId: string; remoteId: string; shipmentId: string; updatedAt: string }): void {
  stmt(
    db,
    `INSERT INTO supplier_shipments (supplier_id, remote_id, shipment_id, remote_updated_at) VALUES (@supplierId, @remoteId, @shipmentId, @updatedAt)
     ON CONFLICT (supplier_id, remote_id) DO UPDATE SET remote_updated_at = excluded.remote_updated_at`,
  ).run(s);
}

export function shipmentsForPo(db: Db, poId: string): { id: string; number: string; status: string }[] {
  return stmt(
    db,
    `SELECT DISTINCT sh.id, sh.number, sh.status FROM supplier_shipments s JOIN shipments sh ON sh.id = s.shipment_id JOIN shipment_lines l ON l.shipment_id = s.shipment_id
     JOIN purchase_order_lines pl ON pl.id = l.po_line_id WHERE pl.po_id = ? ORDER BY sh.number`,
  ).all(poId) as { id: string; number: string; status: string }[];
}

export function supplierOrderByRemoteId(db: Db, supplierId: string, remoteId: string): { poId: string } | null {
  return (stmt(db, 'SELECT po_id AS poId FROM supplier_orders WHERE supplier_id = ? AND remote_id = ?').get(supplierId, remoteId) as { poId: string } | undefined) ?? null;
}

/** The merchant's last decision on a term of a supplier product. */
export function lastDecision(db: Db, supplierProductId: string, kind: CatalogChange['kind']): { status: 'applied' | 'dismissed'; newValue: string | null } | null {
  return (
    (stmt(
      db,
      `SELECT status, new_value AS newValue FROM catalog_changes WHERE supplier_product_id = ? AND kind = ? AND status != 'pending' ORDER BY decided_at DESC, rowid DESC LIMIT 1`,
    ).get(supplierProductId, kind) as { status: 'applied' | 'dismissed'; newValue: string | null } | undefined) ?? null
  );
}

export function setPayload(db: Db, seq: number, payload: string): void {
  stmt(db, 'UPDATE outbox SET payload = ? WHERE seq = ?').run(payload, seq);
}

/** The supplier SKUs the merchant buys from a supplier (what a per-SKU catalogue sync reads). */
export function supplierSkus(db: Db, supplierId: string): string[] {
  return (stmt(db, "SELECT supplier_sku AS sku FROM supplier_products WHERE supplier_id = ? AND status = 'active' ORDER BY supplier_sku").all(supplierId) as { sku: string }[]).map((r) => r.sku);
}
