// Reorder planning's tables: weekly demand and promotional units (written as orders ship),
// promotions, rules, supplier budgets, and the bulk reads one plan of every product needs.
import type { Promotion, ReorderRule } from '../../common/api/reorder-types';
import type { Db } from '../open';
import { epochDay } from '../../common/days';
import { stmt } from './statements';

/** "col = @productId AND" for a plan of one product, else nothing: an OR with a null test would make SQLite read every row. */
const onlyProduct = (productId: string | null, column: string) => (productId ? `${column} = @productId AND` : '');
/** the same for a location (left out of the SQL when there is none: a scan of a million rows tests it on each) */
const atLocation = (locationId: string | null) => (locationId ? 'AND location_id = @locationId' : '');

// ---- demand, as orders ship ------------------------------------------------------------------

export function addDemandWeek(db: Db, d: { productId: string; week: string; locationId: string; qty: number }): void {
  stmt(
    db,
    `INSERT INTO demand_weeks (product_id, week, location_id, qty) VALUES (@productId, @week, @locationId, @qty)
     ON CONFLICT (product_id, week, location_id) DO UPDATE SET qty = qty + excluded.qty`,
  ).run(d);
}

export function addPromoDay(db: Db, d: { productId: string; day: string; locationId: string; qty: number }): void {
  stmt(
    db,
    `INSERT INTO promo_days (product_id, day, location_id, qty) VALUES (@productId, @day, @locationId, @qty)
     ON CONFLICT (product_id, day, location_id) DO UPDATE SET qty = qty + excluded.qty`,
  ).run(d);
}

/** Whether a day's sales of a product fall in an active promotional period. */
export function inPromotion(db: Db, productId: string, day: string): boolean {
  return !!stmt(
    db,
    `SELECT 1 FROM promotions WHERE status = 'active' AND from_day <= @day AND to_day >= @day AND (product_id IS NULL OR product_id = @productId) LIMIT 1`,
  ).get({ productId, day });
}

export function sessionIsPromotional(db: Db, sessionId: string): boolean {
  return !!stmt(db, 'SELECT 1 FROM live_sessions WHERE id = ? AND promotional = 1').get(sessionId);
}

/**
 * Promotional units again from what shipped: every sale in an active promotional period, and
 * every sale of a promotional live session outside one (so nothing counts twice). Bounded by the
 * promotions' own sales, not the whole history.
 */
export function rebuildPromoDays(db: Db): void {
  stmt(db, 'DELETE FROM promo_days').run();
  stmt(
    db,
    `INSERT INTO promo_days (product_id, day, location_id, qty)
     SELECT product_id, day, location_id, sum(qty) FROM (
       SELECT d.product_id, d.day, d.location_id, d.qty FROM promotions p
         JOIN sales_days d ON d.day BETWEEN p.from_day AND p.to_day AND (p.product_id IS NULL OR d.product_id = p.product_id)
         WHERE p.status = 'active'
           AND NOT EXISTS (SELECT 1 FROM promotions q WHERE q.status = 'active' AND q.rowid < p.rowid AND d.day BETWEEN q.from_day AND q.to_day
                           AND (q.product_id IS NULL OR q.product_id = d.product_id))
       UNION ALL
       SELECT l.product_id, substr(f.shipped_at, 1, 10), o.location_id, fl.qty FROM live_sessions s
         JOIN sales_orders o ON o.live_session_id = s.id
         JOIN sales_fulfilments f ON f.order_id = o.id
         JOIN sales_fulfilment_lines fl ON fl.fulfilment_id = f.id
         JOIN sales_order_lines l ON l.id = fl.order_line_id
         WHERE s.promotional = 1
           AND NOT EXISTS (SELECT 1 FROM promotions q WHERE q.status = 'active' AND substr(f.shipped_at, 1, 10) BETWEEN q.from_day AND q.to_day
                           AND (q.product_id IS NULL OR q.product_id = l.product_id))
     ) GROUP BY product_id, day, location_id`,
  ).run();
}

interface WeeksQuery {
  fromWeek: string;
  /** weeks in the window, fromWeek the first */
  weeks: number;
  locationId: string | null;
  productId: string | null;
}

/**
 * Units shipped per product and week over [fromWeek, toWeek] (Mondays), at a location or all, as
 * a series per product (index 0 = fromWeek). SQLite packs each product's weeks into two strings,
 * its dates and its quantities ("2026-11-02 2026-11-09 …", "3 1 …"): handing 20,000 strings to
 * JavaScript instead of a million rows of three columns is what keeps a plan of every product quick.
 */
export function demandWeeks(db: Db, q: WeeksQuery): Map<string, Float64Array> {
  return packedSeries(db, 'demand_weeks', 'week', q);
}

/** Of those, the promotional units, per product and week (the same series, from the daily promo_days). */
export function promoWeeks(db: Db, q: WeeksQuery): Map<string, Float64Array> {
  return packedSeries(db, 'promo_days', 'day', q);
}


/** A table's quantities by product and date as weekly series; dates after the window's last week are left out. */
function packedSeries(db: Db, table: 'demand_weeks' | 'promo_days', date: 'week' | 'day', q: WeeksQuery): Map<string, Float64Array> {
  const rows = stmt(
    db,
    `SELECT product_id, group_concat(${date}, ' '), group_concat(qty, ' ') FROM ${table}
     WHERE ${onlyProduct(q.productId, 'product_id')} ${date} >= @fromWeek ${atLocation(q.locationId)}
     GROUP BY product_id`,
  )
    .raw(true)
    .all({ fromWeek: q.fromWeek, locationId: q.locationId, productId: q.productId }) as [string, string, string][];
  const out = new Map<string, Float64Array>();
  const firstDay = Date.parse(q.fromWeek) / 86_400_000;
  for (const [productId, dates, qtys] of rows) {
    const series = new Float64Array(q.weeks);
    // read in place, without splitting (dates are worked out in SQLite far more slowly): the k-th
    // date with the k-th quantity; a week at several locations, or several days of a week, add up
    let j = 0;
    let y = 0;
    let m = 0;
    let n = 0;
    for (let i = 0; i <= dates.length; i++) {
      const c = i < dates.length ? dates.charCodeAt(i) : 32;
      if (c === 45) {
        if (y === 0) y = n;
        else m = n;
        n = 0;
      } else if (c !== 32) n = n * 10 + (c - 48);
      else {
        const k = Math.floor((epochDay(y, m, n) - firstDay) / 7);
        let qty = 0;
        for (let c2 = qtys.charCodeAt(j); j < qtys.length && c2 !== 32; c2 = qtys.charCodeAt(++j)) qty = qty * 10 + (c2 - 48);
        j++;
        if (k < q.weeks) series[k]! += qty;
        y = 0;
        n = 0;
      }
    }
    out.set(productId, series);
  }
  return out;
}

export function soldBefore(db: Db, productId: string, week: string): boolean {
  return !!stmt(db, 'SELECT 1 FROM demand_weeks WHERE product_id = ? AND week < ? LIMIT 1').get(productId, week);
}

/** Units of one product shipped per day over a range that were promotional. */
export function dailyPromo(db: Db, productId: string, locationId: string | null, from: string, to: string): { day: string; qty: number }[] {
  return stmt(
    db,
    `SELECT day, sum(qty) AS qty FROM promo_days WHERE product_id = @productId AND day BETWEEN @from AND @to
       AND (@locationId IS NULL OR location_id = @locationId)
     GROUP BY day`,
  ).all({ productId, locationId, from, to }) as { day: string; qty: number }[];
}

// ---- promotions -------------------------------------------------------------------------------

const PROMOTION = `SELECT m.id, m.name, m.from_day AS fromDay, m.to_day AS toDay, m.product_id AS productId, p.sku, p.name AS productName
  FROM promotions m LEFT JOIN products p ON p.id = m.product_id`;

export function listPromotions(db: Db, productId: string | null): Promotion[] {
  return stmt(db, `${PROMOTION} WHERE m.status = 'active' AND (@productId IS NULL OR m.product_id IS NULL OR m.product_id = @productId) ORDER BY m.from_day DESC`).all({
    productId,
  }) as Promotion[];
}

export function getPromotion(db: Db, id: string): (Promotion & { status: string }) | null {
  return (stmt(db, `${PROMOTION.replace('SELECT m.id', 'SELECT m.status, m.id')} WHERE m.id = ?`).get(id) as (Promotion & { status: string }) | undefined) ?? null;
}

export function savePromotion(db: Db, p: { id: string; name: string; fromDay: string; toDay: string; productId: string | null; status: 'active' | 'removed' }, now: string): void {
  stmt(
    db,
    `INSERT INTO promotions (id, name, from_day, to_day, product_id, status, created_at, updated_at) VALUES (@id, @name, @fromDay, @toDay, @productId, @status, @now, @now)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, from_day = excluded.from_day, to_day = excluded.to_day, product_id = excluded.product_id,
       status = excluded.status, updated_at = excluded.updated_at`,
  ).run({ ...p, now });
}

// ---- rules and suppliers ---------------------------------------------------------------------

const RULE = `SELECT product_id AS productId, supplier_id AS supplierId, policy, method, service_level AS serviceLevel, min_qty AS min, max_qty AS max,
  reorder_level AS reorderLevel, reorder_qty AS reorderQty FROM reorder_rules`;

export function getRule(db: Db, productId: string): ReorderRule | null {
  return (stmt(db, `${RULE} WHERE product_id = ?`).get(productId) as ReorderRule | undefined) ?? null;
}

export function allRules(db: Db): Map<string, ReorderRule> {
  return new Map((stmt(db, RULE).all() as ReorderRule[]).map((r) => [r.productId, r]));
}

export function saveRule(db: Db, r: ReorderRule, now: string): void {
  stmt(
    db,
    `INSERT INTO reorder_rules (product_id, supplier_id, policy, method, service_level, min_qty, max_qty, reorder_level, reorder_qty, created_at, updated_at)
     VALUES (@productId, @supplierId, @policy, @method, @serviceLevel, @min, @max, @reorderLevel, @reorderQty, @now, @now)
     ON CONFLICT (product_id) DO UPDATE SET supplier_id = excluded.supplier_id, policy = excluded.policy, method = excluded.method,
       service_level = excluded.service_level, min_qty = excluded.min_qty, max_qty = excluded.max_qty, reorder_level = excluded.reorder_level,
       reorder_qty = excluded.reorder_qty, updated_at = excluded.updated_at`,
  ).run({ ...r, now });
}

export interface SupplierTerms {
  supplierId: string;
  orderCost: number | null;
  budget: number | null;
}

export function supplierTerms(db: Db): Map<string, SupplierTerms> {
  const rows = stmt(db, 'SELECT supplier_id AS supplierId, order_cost AS orderCost, budget FROM reorder_suppliers').all() as SupplierTerms[];
  return new Map(rows.map((r) => [r.supplierId, r]));
}

export function saveSupplierTerms(db: Db, t: SupplierTerms, now: string): void {
  stmt(
    db,
    `INSERT INTO reorder_suppliers (supplier_id, order_cost, budget, created_at, updated_at) VALUES (@supplierId, @orderCost, @budget, @now, @now)
     ON CONFLICT (supplier_id) DO UPDATE SET order_cost = excluded.order_cost, budget = excluded.budget, updated_at = excluded.updated_at`,
  ).run({ ...t, now });
}

// ---- what a plan reads -----------------------------------------------------------------------


export interface PlanProduct {
  id: string;
  sku: string;
  name: string;
  defaultSupplier: string | null;
  onHand: number;
  reserved: number;
}

/** Active products that hold stock (not the parents of variants), with stock at a location or in all. */
export function planProducts(db: Db, q: { locationId: string | null; productId: string | null }): PlanProduct[] {
  const stock = q.locationId
    ? 'LEFT JOIN balances s ON s.product_id = p.id AND s.location_id = @locationId'
    : 'LEFT JOIN product_stock s ON s.product_id = p.id';
  return stmt(
    db,
    `SELECT p.id, p.sku, p.name, p.default_supplier AS defaultSupplier, coalesce(s.on_hand, 0) AS onHand, coalesce(s.reserved, 0) AS reserved
     FROM products p ${stock}
     WHERE ${onlyProduct(q.productId, 'p.id')} p.status = 'active' AND NOT EXISTS (SELECT 1 FROM products c WHERE c.parent_id = p.id)
     ORDER BY p.sku`,
  ).all(q) as PlanProduct[];
}

/** Units on the plans of live sessions not yet on air, with the day each is scheduled for (at a location, or all). */
export function plannedLive(db: Db, q: { from: string; to: string; locationId: string | null; productId: string | null }): { productId: string; day: string; qty: number }[] {
  return stmt(
    db,
    `SELECT i.product_id AS productId, substr(s.scheduled_at, 1, 10) AS day, i.cap AS qty FROM live_sessions s JOIN live_items i ON i.session_id = s.id
     WHERE ${onlyProduct(q.productId, 'i.product_id')} s.status = 'planned' AND s.scheduled_at IS NOT NULL AND substr(s.scheduled_at, 1, 10) BETWEEN @from AND @to
       AND (@locationId IS NULL OR s.location_id = @locationId)`,
  ).all(q) as { productId: string; day: string; qty: number }[];
}

/**
 * Units still to come on open purchase orders (drafts included), per product: what the supplier
 * accepted of each line when they have said (nothing of an order they rejected or cancelled),
 * else what was ordered, less what has arrived.
 */
export function onOrder(db: Db, productId: string | null): Map<string, number> {
  const rows = stmt(
    db,
    `SELECT productId, sum(max(0, expected - received)) AS qty FROM (
       SELECT l.product_id AS productId, l.qty_received AS received,
         CASE WHEN so.status IN ('rejected', 'cancelled') THEN 0
              ELSE min(l.qty_ordered, coalesce((SELECT json_extract(j.value, '$.acceptedQty') FROM json_each(so.lines) j
                                                 WHERE json_extract(j.value, '$.sku') = coalesce(sp.supplier_sku, p.sku) LIMIT 1), l.qty_ordered)) END AS expected
       FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id JOIN products p ON p.id = l.product_id
         LEFT JOIN supplier_products sp ON sp.id = l.supplier_product_id LEFT JOIN supplier_orders so ON so.po_id = l.po_id
       WHERE ${onlyProduct(productId, 'l.product_id')} po.status IN ('draft', 'sent', 'partially_received') AND l.qty_ordered > l.qty_received)
     GROUP BY productId HAVING qty > 0`,
  ).all({ productId }) as { productId: string; qty: number }[];
  return new Map(rows.map((r) => [r.productId, r.qty]));
}

export interface Source {
  supplierProductId: string;
  supplierId: string;
  supplierName: string;
  currency: string;
  supplierSku: string;
  productId: string;
  unitPrice: number;
  priceBreaks: string;
  moq: number;
  orderMultiple: number;
  leadTimeDays: number;
  leadTimeFrom: 'product' | 'supplier';
}

/** Every active price-list line of an active supplier that names a product. */
export function sources(db: Db, productId: string | null): Source[] {
  // the few suppliers read once, not joined to each of 20,000 lines
  const suppliers = new Map(
    (stmt(db, "SELECT id, name, currency, lead_time_days AS leadTimeDays FROM suppliers WHERE status = 'active'").all() as { id: string; name: string; currency: string; leadTimeDays: number }[]).map((s) => [s.id, s]),
  );
  const lines = stmt(
    db,
    `SELECT id, supplier_id AS supplierId, supplier_sku AS supplierSku, product_id AS productId, unit_price AS unitPrice, price_breaks AS priceBreaks,
       moq, order_multiple AS orderMultiple, lead_time_days AS leadTimeDays
     FROM supplier_products
     WHERE ${onlyProduct(productId, 'product_id')} status = 'active' AND product_id IS NOT NULL
     ORDER BY product_id, unit_price`,
  ).all({ productId }) as (Omit<Source, 'supplierProductId' | 'supplierName' | 'currency' | 'leadTimeDays' | 'leadTimeFrom'> & { id: string; leadTimeDays: number | null })[];
  const out: Source[] = [];
  for (const l of lines) {
    const s = suppliers.get(l.supplierId);
    if (!s) continue;
    out.push({
      supplierProductId: l.id,
      supplierId: l.supplierId,
      supplierName: s.name,
      currency: s.currency,
      supplierSku: l.supplierSku,
      productId: l.productId,
      unitPrice: l.unitPrice,
      priceBreaks: l.priceBreaks,
      moq: l.moq,
      orderMultiple: l.orderMultiple,
      leadTimeDays: l.leadTimeDays ?? s.leadTimeDays,
      leadTimeFrom: l.leadTimeDays === null ? 'supplier' : 'product',
    });
  }
  return out;
}

/** Days from sending each purchase order to each of its receipts, per supplier and product. */
export function leadTimeObservationsAll(db: Db, productId: string | null): Map<string, number[]> {
  const rows = stmt(
    db,
    `SELECT po.supplier_id AS supplierId, l.product_id AS productId, julianday(r.received_at) - julianday(po.sent_at) AS days
     FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id JOIN purchase_orders po ON po.id = r.po_id
     WHERE ${onlyProduct(productId, 'l.product_id')} po.sent_at IS NOT NULL AND l.qty + l.damaged_qty > 0
       AND NOT EXISTS (SELECT 1 FROM movements m WHERE m.doc_type = 'receipt_reversal' AND m.doc_id = r.id)
     ORDER BY r.received_at`,
  ).all({ productId }) as { supplierId: string; productId: string; days: number }[];
  const out = new Map<string, number[]>();
  for (const r of rows) {
    const k = `${r.supplierId}|${r.productId}`;
    const list = out.get(k);
    if (list) list.push(r.days);
    else out.set(k, [r.days]);
  }
  return out;
}
