// Customers, sales orders, their fulfilments, reservations and the daily sales aggregate.
import type { Db } from '../open';
import type { Customer, CustomerRow, Fulfilment, PaymentStatus, SalesChannel, SalesOrder, SalesStatus } from '../../common/api/sales-types';
import { likePrefix, stmt } from './statements';

// ---- customers --------------------------------------------------------------------------------

const CUSTOMER_COLS = `c.id, c.name, c.handle, c.email, c.phone, c.country, c.address, c.notes, c.status,
  c.created_at AS createdAt, c.updated_at AS updatedAt`;

export function getCustomer(db: Db, id: string): Customer | null {
  return (stmt(db, `SELECT ${CUSTOMER_COLS} FROM customers c WHERE c.id = ?`).get(id) as Customer | undefined) ?? null;
}

export function customerByHandle(db: Db, handle: string): Customer | null {
  return (stmt(db, `SELECT ${CUSTOMER_COLS} FROM customers c WHERE c.handle = ?`).get(handle) as Customer | undefined) ?? null;
}

export function customerByEmail(db: Db, email: string): Customer | null {
  return (stmt(db, `SELECT ${CUSTOMER_COLS} FROM customers c WHERE c.email = ? ORDER BY c.created_at LIMIT 1`).get(email) as Customer | undefined) ?? null;
}

export function insertCustomer(db: Db, c: Customer): void {
  stmt(
    db,
    `INSERT INTO customers (id, name, handle, email, phone, country, address, notes, status, created_at, updated_at)
     VALUES (@id, @name, @handle, @email, @phone, @country, @address, @notes, @status, @createdAt, @updatedAt)`,
  ).run(c);
}

export function updateCustomer(db: Db, c: Customer): void {
  stmt(
    db,
    `UPDATE customers SET name = @name, handle = @handle, email = @email, phone = @phone, country = @country,
       address = @address, notes = @notes, status = @status, updated_at = @updatedAt WHERE id = @id`,
  ).run(c);
}

export function listCustomers(db: Db, q: { q?: string | undefined; status?: string | undefined; offset: number; limit: number }): { rows: CustomerRow[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.status) {
    where.push('c.status = @status');
    params.status = q.status;
  }
  if (q.q) {
    where.push(`(c.name LIKE @any ESCAPE '\\' OR c.handle LIKE @start ESCAPE '\\' OR c.email LIKE @start ESCAPE '\\')`);
    params.any = '%' + likePrefix(q.q);
    params.start = likePrefix(q.q.replace(/^@+/, ''));
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = stmt(
    db,
    `SELECT ${CUSTOMER_COLS},
       (SELECT count(*) FROM sales_orders o WHERE o.customer_id = c.id AND o.status <> 'cancelled') AS orders,
       (SELECT max(order_date) FROM sales_orders o WHERE o.customer_id = c.id) AS lastOrderDate
     FROM customers c ${w} ORDER BY c.name COLLATE NOCASE, c.id LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: q.limit, offset: q.offset }) as CustomerRow[];
  const { n } = stmt(db, `SELECT count(*) AS n FROM customers c ${w}`).get(params) as { n: number };
  return { rows, total: n };
}

// ---- orders -----------------------------------------------------------------------------------

/** A sales order as stored (without the joined names). */
export type OrderRecord = Omit<SalesOrder, 'customerName' | 'customerHandle' | 'locationCode'>;

const ORDER_COLS = `o.id, o.number, o.customer_id AS customerId, c.name AS customerName, c.handle AS customerHandle,
  o.channel, o.source, o.external_ref AS externalRef, o.live_session_id AS liveSessionId, o.location_id AS locationId,
  l.code AS locationCode, o.currency, o.fx_rate AS fxRate, o.fx_day AS fxDay, o.order_date AS orderDate, o.status,
  o.payment_status AS paymentStatus, o.subtotal, o.discount, o.shipping, o.total, o.paid, o.units,
  o.expires_at AS expiresAt, o.ship_name AS shipName, o.ship_address AS shipAddress, o.ship_country AS shipCountry,
  o.notes, o.cancel_reason AS cancelReason, o.confirmed_at AS confirmedAt, o.shipped_at AS shippedAt,
  o.closed_at AS closedAt, o.created_at AS createdAt, o.updated_at AS updatedAt`;
const ORDER_FROM = `FROM sales_orders o LEFT JOIN customers c ON c.id = o.customer_id JOIN locations l ON l.id = o.location_id`;

export function getOrder(db: Db, id: string): SalesOrder | null {
  return (stmt(db, `SELECT ${ORDER_COLS} ${ORDER_FROM} WHERE o.id = ?`).get(id) as SalesOrder | undefined) ?? null;
}

export function orderByExternal(db: Db, source: string, ref: string): { id: string; number: string } | null {
  return (stmt(db, 'SELECT id, number FROM sales_orders WHERE source = ? AND external_ref = ?').get(source, ref) as { id: string; number: string } | undefined) ?? null;
}

const ORDER_WRITE_COLS = [
  'id', 'number', 'customer_id', 'channel', 'source', 'external_ref', 'live_session_id', 'location_id', 'currency', 'fx_rate', 'fx_day',
  'order_date', 'status', 'payment_status', 'subtotal', 'discount', 'shipping', 'total', 'paid', 'units', 'expires_at', 'ship_name',
  'ship_address', 'ship_country', 'notes', 'cancel_reason', 'confirmed_at', 'shipped_at', 'closed_at', 'created_at', 'updated_at',
];
const camel = (c: string) => c.replace(/_(\w)/g, (_, x: string) => x.toUpperCase());

export function saveOrder(db: Db, o: OrderRecord): void {
  const values = ORDER_WRITE_COLS.map((c) => `@${camel(c)}`).join(', ');
  const updates = ORDER_WRITE_COLS.filter((c) => c !== 'id' && c !== 'created_at')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  const record: Record<string, unknown> = {};
  for (const c of ORDER_WRITE_COLS) record[camel(c)] = (o as unknown as Record<string, unknown>)[camel(c)] ?? null;
  stmt(db, `INSERT INTO sales_orders (${ORDER_WRITE_COLS.join(', ')}) VALUES (${values}) ON CONFLICT (id) DO UPDATE SET ${updates}`).run(record);
}

export interface OrderQuery {
  status?: SalesStatus | undefined;
  toShip?: boolean | undefined;
  channel?: SalesChannel | undefined;
  payment?: PaymentStatus | undefined;
  customerId?: string | undefined;
  sessionId?: string | undefined;
  q?: string | undefined;
  offset: number;
  limit: number;
}

export function listOrders(db: Db, q: OrderQuery): { rows: SalesOrder[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (cond: string, key?: string, value?: unknown) => {
    where.push(cond);
    if (key) params[key] = value;
  };
  if (q.status) add('o.status = @status', 'status', q.status);
  if (q.toShip) add(`o.status IN ('confirmed', 'partly_shipped')`);
  if (q.channel) add('o.channel = @channel', 'channel', q.channel);
  if (q.payment) add('o.payment_status = @payment', 'payment', q.payment);
  if (q.customerId) add('o.customer_id = @customerId', 'customerId', q.customerId);
  if (q.sessionId) add('o.live_session_id = @sessionId', 'sessionId', q.sessionId);
  if (q.q) {
    // each way of matching reads an index of its own (an OR over them would scan every order):
    // an order number or a platform's order name starting with the text, or a customer whose
    // name contains it or whose handle or email starts with it
    const text = q.q.trim();
    add(`o.rowid IN (
      SELECT rowid FROM sales_orders WHERE number >= @numLo AND number < @numHi
      UNION SELECT rowid FROM sales_orders WHERE source IN ('shopify', 'generic') AND external_ref >= @refLo AND external_ref < @refHi
      UNION SELECT rowid FROM sales_orders WHERE source IN ('shopify', 'generic') AND external_ref >= @hashLo AND external_ref < @hashHi
      UNION SELECT rowid FROM sales_orders WHERE customer_id IN (
        SELECT id FROM customers WHERE name LIKE @name ESCAPE '\\' OR handle LIKE @handle ESCAPE '\\' OR email LIKE @handle ESCAPE '\\'))`);
    [params.numLo, params.numHi] = prefixRange(text.toUpperCase());
    [params.refLo, params.refHi] = prefixRange(text);
    [params.hashLo, params.hashHi] = prefixRange(text.startsWith('#') ? text : `#${text}`);
    params.name = '%' + likePrefix(text);
    params.handle = likePrefix(text.replace(/^@+/, ''));
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // the page's rows are picked on the orders' own columns first (by number, an index), then joined
  const page = `SELECT o.rowid FROM sales_orders o ${w} ORDER BY o.number DESC LIMIT @limit OFFSET @offset`;
  const rows = stmt(db, `SELECT ${ORDER_COLS} ${ORDER_FROM} WHERE o.rowid IN (${page}) ORDER BY o.number DESC`).all({
    ...params,
    limit: q.limit,
    offset: q.offset,
  }) as SalesOrder[];
  const { n } = stmt(db, `SELECT count(*) AS n FROM sales_orders o ${w}`).get(params) as { n: number };
  return { rows, total: n };
}

/** The bounds of the texts starting with `p` in binary order: [p, p with its last character one higher). */
function prefixRange(p: string): [string, string] {
  return [p, p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1)];
}

/** Confirmed, unpaid orders whose reservation has run out. */
export function expiredOrders(db: Db, now: string): string[] {
  return (
    stmt(db, `SELECT id FROM sales_orders WHERE expires_at <= ? AND status = 'confirmed' AND payment_status = 'unpaid' ORDER BY expires_at`).all(now) as {
      id: string;
    }[]
  ).map((r) => r.id);
}

// ---- lines ------------------------------------------------------------------------------------

export interface LineRecord {
  id: string;
  orderId: string;
  position: number;
  productId: string;
  qty: number;
  unitPrice: number;
  discount: number;
  net: number;
  qtyShipped: number;
  revenue: number;
  cogs: number;
}

export interface LineView extends LineRecord {
  sku: string;
  name: string;
  localName: string | null;
  barcode: string | null;
  reserved: number;
}

export function lines(db: Db, orderId: string): LineView[] {
  return stmt(
    db,
    `SELECT x.id, x.order_id AS orderId, x.position, x.product_id AS productId, x.qty, x.unit_price AS unitPrice, x.discount,
       x.net, x.qty_shipped AS qtyShipped, x.revenue, x.cogs, p.sku, p.name, p.local_name AS localName, p.barcode,
       coalesce((SELECT qty FROM reservations r WHERE r.kind = 'order_line' AND r.ref_id = x.id), 0) AS reserved
     FROM sales_order_lines x JOIN products p ON p.id = x.product_id WHERE x.order_id = ? ORDER BY x.position`,
  ).all(orderId) as LineView[];
}

export function saveLine(db: Db, l: LineRecord): void {
  stmt(
    db,
    `INSERT INTO sales_order_lines (id, order_id, position, product_id, qty, unit_price, discount, net, qty_shipped, revenue, cogs)
     VALUES (@id, @orderId, @position, @productId, @qty, @unitPrice, @discount, @net, @qtyShipped, @revenue, @cogs)
     ON CONFLICT (id) DO UPDATE SET position = excluded.position, product_id = excluded.product_id, qty = excluded.qty,
       unit_price = excluded.unit_price, discount = excluded.discount, net = excluded.net, qty_shipped = excluded.qty_shipped,
       revenue = excluded.revenue, cogs = excluded.cogs`,
  ).run(l);
}

export function deleteLine(db: Db, id: string): void {
  stmt(db, 'DELETE FROM sales_order_lines WHERE id = ?').run(id);
}

// ---- reservations -----------------------------------------------------------------------------

export type ReservationKind = 'order_line' | 'live_hold';

export function reservation(db: Db, kind: ReservationKind, refId: string, productId: string): { id: string; locationId: string; qty: number } | null {
  return (
    (stmt(db, 'SELECT id, location_id AS locationId, qty FROM reservations WHERE kind = ? AND ref_id = ? AND product_id = ?').get(kind, refId, productId) as
      | { id: string; locationId: string; qty: number }
      | undefined) ?? null
  );
}

export function putReservation(db: Db, r: { id: string; kind: ReservationKind; refId: string; productId: string; locationId: string; qty: number }, now: string): void {
  stmt(
    db,
    `INSERT INTO reservations (id, kind, ref_id, product_id, location_id, qty, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (kind, ref_id, product_id) DO UPDATE SET qty = excluded.qty, location_id = excluded.location_id, updated_at = excluded.updated_at`,
  ).run(r.id, r.kind, r.refId, r.productId, r.locationId, r.qty, now, now);
}

export function deleteReservation(db: Db, id: string): void {
  stmt(db, 'DELETE FROM reservations WHERE id = ?').run(id);
}

/** Adds to the reserved units of a balance (made if the product was never at the location) and of the product. */
export function addReserved(db: Db, productId: string, locationId: string, delta: number, now: string): void {
  stmt(
    db,
    `INSERT INTO balances (product_id, location_id, sku, on_hand, reserved, avg_cost_e4, value, created_at, updated_at)
     SELECT id, ?, sku, 0, ?, 0, 0, ?, ? FROM products WHERE id = ?
     ON CONFLICT (product_id, location_id) DO UPDATE SET reserved = reserved + excluded.reserved, updated_at = excluded.updated_at`,
  ).run(locationId, delta, now, now, productId);
  stmt(db, 'UPDATE product_stock SET reserved = reserved + ?, updated_at = ? WHERE product_id = ?').run(delta, now, productId);
}

export function stockAt(db: Db, productId: string, locationId: string): { onHand: number; reserved: number; avgCostE4: number } {
  return (
    (stmt(db, 'SELECT on_hand AS onHand, reserved, avg_cost_e4 AS avgCostE4 FROM balances WHERE product_id = ? AND location_id = ?').get(productId, locationId) as
      | { onHand: number; reserved: number; avgCostE4: number }
      | undefined) ?? { onHand: 0, reserved: 0, avgCostE4: 0 }
  );
}

/** Reserved units per balance as the reservations add up, for the ledger check. */
export function reservedSums(db: Db): { productId: string; locationId: string; qty: number }[] {
  return stmt(db, 'SELECT product_id AS productId, location_id AS locationId, sum(qty) AS qty FROM reservations GROUP BY product_id, location_id').all() as {
    productId: string;
    locationId: string;
    qty: number;
  }[];
}

// ---- fulfilments ------------------------------------------------------------------------------

export function insertFulfilment(db: Db, f: { id: string; orderId: string; shipmentId: string | null; shippedAt: string }, now: string): void {
  stmt(db, 'INSERT INTO sales_fulfilments (id, order_id, shipment_id, shipped_at, created_at) VALUES (?, ?, ?, ?, ?)').run(f.id, f.orderId, f.shipmentId, f.shippedAt, now);
}

export function insertFulfilmentLine(db: Db, l: { fulfilmentId: string; orderLineId: string; qty: number; revenue: number; cogs: number }): void {
  stmt(db, 'INSERT INTO sales_fulfilment_lines (fulfilment_id, order_line_id, qty, revenue, cogs) VALUES (?, ?, ?, ?, ?)').run(
    l.fulfilmentId,
    l.orderLineId,
    l.qty,
    l.revenue,
    l.cogs,
  );
}

export function fulfilments(db: Db, orderId: string): Fulfilment[] {
  const heads = stmt(
    db,
    `SELECT f.id, f.shipped_at AS shippedAt, f.shipment_id AS shipmentId, s.number AS shipmentNumber
     FROM sales_fulfilments f LEFT JOIN shipments s ON s.id = f.shipment_id WHERE f.order_id = ? ORDER BY f.shipped_at, f.id`,
  ).all(orderId) as Omit<Fulfilment, 'lines'>[];
  const linesOf = stmt(
    db,
    `SELECT fl.order_line_id AS orderLineId, p.sku, fl.qty, fl.revenue, fl.cogs FROM sales_fulfilment_lines fl
     JOIN sales_order_lines x ON x.id = fl.order_line_id JOIN products p ON p.id = x.product_id
     WHERE fl.fulfilment_id = ? ORDER BY x.position`,
  );
  return heads.map((h) => ({ ...h, lines: linesOf.all(h.id) as Fulfilment['lines'] }));
}

export function addSalesDay(db: Db, d: { day: string; productId: string; locationId: string; channel: string; qty: number; revenue: number; cogs: number }): void {
  stmt(
    db,
    `INSERT INTO sales_days (day, product_id, location_id, channel, qty, revenue, cogs) VALUES (@day, @productId, @locationId, @channel, @qty, @revenue, @cogs)
     ON CONFLICT (day, product_id, location_id, channel) DO UPDATE SET qty = qty + excluded.qty, revenue = revenue + excluded.revenue, cogs = cogs + excluded.cogs`,
  ).run(d);
}

// ---- reports ----------------------------------------------------------------------------------

export function salesByDay(db: Db, from: string, to: string): { day: string; channel: SalesChannel; qty: number; revenue: number; cogs: number }[] {
  return stmt(
    db,
    `SELECT day, channel, sum(qty) AS qty, sum(revenue) AS revenue, sum(cogs) AS cogs FROM sales_days
     WHERE day BETWEEN ? AND ? GROUP BY day, channel ORDER BY day`,
  ).all(from, to) as { day: string; channel: SalesChannel; qty: number; revenue: number; cogs: number }[];
}

export function bestSellers(db: Db, from: string, to: string, limit: number): { productId: string; sku: string; name: string; units: number; revenue: number; margin: number }[] {
  return stmt(
    db,
    `SELECT d.product_id AS productId, p.sku, p.name, sum(d.qty) AS units, sum(d.revenue) AS revenue, sum(d.revenue - d.cogs) AS margin
     FROM sales_days d JOIN products p ON p.id = d.product_id WHERE d.day BETWEEN ? AND ?
     GROUP BY d.product_id ORDER BY revenue DESC, units DESC LIMIT ?`,
  ).all(from, to, limit) as { productId: string; sku: string; name: string; units: number; revenue: number; margin: number }[];
}

/** Orders (not cancelled) dated within the range. */
export function orderCount(db: Db, from: string, to: string): number {
  return (stmt(db, `SELECT count(*) AS n FROM sales_orders WHERE order_date BETWEEN ? AND ? AND status NOT IN ('draft', 'cancelled')`).get(from, to) as { n: number }).n;
}

/** Units of one product shipped per day over a range, at one location or all of them (demand history). */
export function dailyDemand(db: Db, productId: string, locationId: string | null, from: string, to: string): { day: string; qty: number }[] {
  return stmt(
    db,
    `SELECT day, sum(qty) AS qty FROM sales_days WHERE product_id = @productId AND day BETWEEN @from AND @to
       AND (@locationId IS NULL OR location_id = @locationId) GROUP BY day ORDER BY day`,
  ).all({ productId, locationId, from, to }) as { day: string; qty: number }[];
}

/** Units sold per day of one product at one location over a range (for the live planner). */
export function unitsSold(db: Db, locationId: string, from: string, to: string): Map<string, number> {
  const rows = stmt(db, 'SELECT product_id AS productId, sum(qty) AS qty FROM sales_days WHERE location_id = ? AND day BETWEEN ? AND ? GROUP BY product_id').all(
    locationId,
    from,
    to,
  ) as { productId: string; qty: number }[];
  return new Map(rows.map((r) => [r.productId, r.qty]));
}

export function customerTotals(db: Db, customerId: string): { revenue: number; margin: number } {
  return stmt(
    db,
    `SELECT coalesce(sum(x.revenue), 0) AS revenue, coalesce(sum(x.revenue - x.cogs), 0) AS margin
     FROM sales_order_lines x JOIN sales_orders o ON o.id = x.order_id WHERE o.customer_id = ?`,
  ).get(customerId) as { revenue: number; margin: number };
}
