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
