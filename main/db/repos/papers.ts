import type { Db } from '../open';
import { stmt } from './statements';

/** What the papers print about a product: customs description data and weight. */
export interface PaperProduct {
  id: string;
  localName: string | null;
  hsCode: string | null;
  originCountry: string | null;
  weightG: number | null;
}

export function paperProducts(db: Db, ids: string[]): Map<string, PaperProduct> {
  const get = stmt(db, 'SELECT id, local_name AS localName, hs_code AS hsCode, origin_country AS originCountry, weight_g AS weightG FROM products WHERE id = ?');
  return new Map(ids.map((id) => [id, get.get(id) as PaperProduct]));
}

/** A PO line's unit price (minor units of the order's currency) and that currency. */
export function poLinePrice(db: Db, poLineId: string): { unitPrice: number; currency: string } | null {
  return (
    (stmt(db, 'SELECT l.unit_price AS unitPrice, po.currency FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id WHERE l.id = ?').get(poLineId) as
      | { unitPrice: number; currency: string }
      | undefined) ?? null
  );
}

/** The moving-average unit cost (minor units × 10^4) of a product at a location, 0 if none. */
export function averageCostE4(db: Db, productId: string, locationId: string): number {
  const r = stmt(db, 'SELECT avg_cost_e4 AS e4 FROM balances WHERE product_id = ? AND location_id = ?').get(productId, locationId) as { e4: number } | undefined;
  return r?.e4 ?? 0;
}

/**
 * What the stock of each product cost when a shipment took it out of a location (its dispatch
 * movements): qty and value (minor units of the base currency), both positive.
 */
export function dispatchedCosts(db: Db, shipmentId: string, locationId: string): Map<string, { qty: number; value: number }> {
  const rows = stmt(
    db,
    `SELECT product_id AS productId, -SUM(qty) AS qty, -SUM(value) AS value FROM movements
     WHERE doc_type = 'shipment' AND doc_id = ? AND location_id = ? AND kind IN ('sale', 'transfer_out') GROUP BY product_id`,
  ).all(shipmentId, locationId) as { productId: string; qty: number; value: number }[];
  return new Map(rows.map((r) => [r.productId, { qty: r.qty, value: r.value }]));
}
