// Dashboard figures come from the kept aggregates (product, location and category totals, and
// movement_days), never from a scan of the ledger or of all balances.
import type { Db } from '../open';
import type { DashboardSummary } from '../../common/api/types';
import { stmt } from './statements';

export function dashboardFigures(db: Db, sinceDay: string): Omit<DashboardSummary, 'baseCurrency' | 'recent'> {
  const totals = stmt(
    db,
    `SELECT (SELECT count(*) FROM products WHERE status = 'active') AS products,
            (SELECT count(*) FROM locations WHERE status = 'active') AS locations,
            coalesce(sum(on_hand), 0) AS units, coalesce(sum(value), 0) AS value FROM product_stock`,
  ).get() as DashboardSummary['totals'];
  const valueByCategory = stmt(
    db,
    'SELECT category, value, on_hand AS units FROM category_stock WHERE on_hand <> 0 OR value <> 0 ORDER BY value DESC',
  ).all() as DashboardSummary['valueByCategory'];
  const valueByLocation = stmt(
    db,
    `SELECT l.id AS locationId, l.code, l.name, coalesce(t.value, 0) AS value, coalesce(t.on_hand, 0) AS units
     FROM locations l LEFT JOIN location_stock t ON t.location_id = l.id
     WHERE l.status = 'active' ORDER BY value DESC, l.code`,
  ).all() as DashboardSummary['valueByLocation'];
  const movementsByDay = stmt(
    db,
    `SELECT day, sum(qty_in) AS qtyIn, sum(qty_out) AS qtyOut, sum(value_in) AS valueIn, sum(value_out) AS valueOut
     FROM movement_days WHERE day >= ? GROUP BY day ORDER BY day`,
  ).all(sinceDay) as DashboardSummary['movementsByDay'];
  const lowStock = stmt(
    db,
    `SELECT p.id AS productId, p.sku, p.name, s.on_hand AS onHand, s.low_stock_threshold AS threshold
     FROM product_stock s CROSS JOIN products p ON p.id = s.product_id
     WHERE s.low_stock_threshold IS NOT NULL AND s.on_hand <= s.low_stock_threshold AND p.status = 'active'
     ORDER BY s.on_hand - s.low_stock_threshold, p.sku LIMIT 20`,
  ).all() as DashboardSummary['lowStock'];
  return { totals, valueByCategory, valueByLocation, movementsByDay, lowStock };
}

export function recentMovementSeqs(db: Db, n: number): number[] {
  return (stmt(db, 'SELECT seq FROM movements ORDER BY seq DESC LIMIT ?').all(n) as { seq: number }[]).map((r) => r.seq);
}
