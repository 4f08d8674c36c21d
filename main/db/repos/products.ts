import type { Db } from '../open';
import { pinyinInitials } from '../../common/pinyin';
import type { Product, ProductRow } from '../../common/api/types';
import { addToCategory } from './ledger';
import { productTextFilter, stmt } from './statements';

const COLS = `p.id, p.sku, p.name, p.local_name, p.barcode, p.brand, p.category, p.hs_code, p.origin_country,
  p.weight_g, p.length_mm, p.width_mm, p.height_mm, p.pack_size, p.default_supplier, p.parent_id, p.options,
  p.low_stock_threshold, p.notes, p.price, p.allow_backorder, p.status, p.created_at, p.updated_at`;
const ROW_COLS = `${COLS}, s.on_hand, s.reserved, s.value,
  (SELECT count(*) FROM products v WHERE v.parent_id = p.id) AS variant_count`;

type Raw = Record<string, unknown>;

export function toProduct(r: Raw): Product {
  return {
    id: r.id as string,
    sku: r.sku as string,
    name: r.name as string,
    localName: (r.local_name as string | null) ?? null,
    barcode: (r.barcode as string | null) ?? null,
    brand: (r.brand as string | null) ?? null,
    category: (r.category as string | null) ?? null,
    hsCode: (r.hs_code as string | null) ?? null,
    originCountry: (r.origin_country as string | null) ?? null,
    weightG: (r.weight_g as number | null) ?? null,
    lengthMm: (r.length_mm as number | null) ?? null,
    widthMm: (r.width_mm as number | null) ?? null,
    heightMm: (r.height_mm as number | null) ?? null,
    packSize: r.pack_size as number,
    defaultSupplier: (r.default_supplier as string | null) ?? null,
    parentId: (r.parent_id as string | null) ?? null,
    options: r.options ? (JSON.parse(r.options as string) as Record<string, string>) : null,
    lowStockThreshold: (r.low_stock_threshold as number | null) ?? null,
    notes: (r.notes as string | null) ?? null,
    price: (r.price as number | null) ?? null,
    allowBackorder: r.allow_backorder === 1,
    status: r.status as Product['status'],
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
}

function toRow(r: Raw): ProductRow {
  return {
    ...toProduct(r),
    onHand: (r.on_hand as number) ?? 0,
    reserved: (r.reserved as number) ?? 0,
    value: (r.value as number) ?? 0,
    variantCount: (r.variant_count as number) ?? 0,
  };
}

export function getProduct(db: Db, id: string): Product | null {
  const r = stmt(db, `SELECT ${COLS} FROM products p WHERE p.id = ?`).get(id) as Raw | undefined;
  return r ? toProduct(r) : null;
}

/** Just what posting a movement checks and records (the full row costs more at scale). */
export function productForPosting(db: Db, id: string): { sku: string; status: Product['status']; category: string | null } | null {
  return (stmt(db, 'SELECT sku, status, category FROM products WHERE id = ?').get(id) as { sku: string; status: Product['status']; category: string | null } | undefined) ?? null;
}

export function findProductBy(db: Db, field: 'sku' | 'barcode', value: string): Product | null {
  const r = stmt(db, `SELECT ${COLS} FROM products p WHERE p.${field} = ?`).get(value) as Raw | undefined;
  return r ? toProduct(r) : null;
}

/** Every product, by its SKU (lower case): for a bulk import, one read instead of one per row. */
export function productsBySku(db: Db): Map<string, Product> {
  const rows = stmt(db, `SELECT ${COLS} FROM products p`).all() as Raw[];
  return new Map(
    rows.map((r) => {
      const p = toProduct(r);
      return [p.sku.toLowerCase(), p];
    }),
  );
}

export function insertProduct(db: Db, p: Product): void {
  // bound by position: a bulk import inserts 100,000 of these
  stmt(
    db,
    `INSERT INTO products (id, sku, name, local_name, barcode, brand, category, hs_code, origin_country, weight_g,
      length_mm, width_mm, height_mm, pack_size, default_supplier, parent_id, options, low_stock_threshold, notes,
      price, allow_backorder, status, created_at, updated_at, initials)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    p.id, p.sku, p.name, p.localName, p.barcode, p.brand, p.category, p.hsCode, p.originCountry, p.weightG,
    p.lengthMm, p.widthMm, p.heightMm, p.packSize, p.defaultSupplier, p.parentId, p.options ? JSON.stringify(p.options) : null, p.lowStockThreshold, p.notes,
    p.price, p.allowBackorder ? 1 : 0, p.status, p.createdAt, p.updatedAt, pinyinInitials(p.localName, p.name),
  );
  stmt(db, 'INSERT INTO product_stock (product_id, low_stock_threshold, updated_at) VALUES (?, ?, ?)').run(p.id, p.lowStockThreshold, p.createdAt);
}

/** Updates a product and keeps what is stored beside it in step (its threshold, its category's total). */
export function updateProduct(db: Db, p: Product): void {
  const before = stmt(db, 'SELECT category, on_hand, value FROM products JOIN product_stock ON product_id = id WHERE id = ?').get(p.id) as
    | { category: string | null; on_hand: number; value: number }
    | undefined;
  if (before && (before.category ?? '') !== (p.category ?? '') && (before.on_hand !== 0 || before.value !== 0)) {
    addToCategory(db, before.category, -before.on_hand, -before.value);
    addToCategory(db, p.category, before.on_hand, before.value);
  }
  stmt(db, 'UPDATE product_stock SET low_stock_threshold = ? WHERE product_id = ?').run(p.lowStockThreshold, p.id);
  stmt(db, 'UPDATE balances SET sku = ? WHERE product_id = ? AND sku <> ?').run(p.sku, p.id, p.sku);
  stmt(
    db,
    `UPDATE products SET sku = @sku, name = @name, local_name = @localName, barcode = @barcode, brand = @brand,
      category = @category, hs_code = @hsCode, origin_country = @originCountry, weight_g = @weightG,
      length_mm = @lengthMm, width_mm = @widthMm, height_mm = @heightMm, pack_size = @packSize,
      default_supplier = @defaultSupplier, parent_id = @parentId, options = @options,
      low_stock_threshold = @lowStockThreshold, notes = @notes, price = @price, allow_backorder = @allowBackorder,
      status = @status, updated_at = @updatedAt, initials = @initials
     WHERE id = @id`,
  ).run({ ...bind(p), initials: pinyinInitials(p.localName, p.name) });
}

/** Fills the pinyin initials of products saved before they were kept (once: then none is NULL). */
export function backfillInitials(db: Db): number {
  const rows = stmt(db, 'SELECT id, name, local_name AS localName FROM products WHERE initials IS NULL').all() as { id: string; name: string; localName: string | null }[];
  if (!rows.length) return 0;
  const set = stmt(db, 'UPDATE products SET initials = ? WHERE id = ?');
  db.transaction(() => {
    for (const r of rows) set.run(pinyinInitials(r.localName, r.name), r.id);
  }).immediate();
  return rows.length;
}

function bind(p: Product): Record<string, unknown> {
  return { ...p, options: p.options ? JSON.stringify(p.options) : null, allowBackorder: p.allowBackorder ? 1 : 0 };
}

export interface ProductQuery {
  search?: string | undefined;
  category?: string | undefined;
  status: 'active' | 'archived' | 'all';
  parentId?: string | undefined;
  topLevel?: boolean | undefined;
  lowStock?: boolean | undefined;
  sort: 'sku' | 'name' | 'pinyin' | 'category' | 'onHand' | 'value' | 'updatedAt';
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/**
 * Each sort ends on a unique key so pages never overlap, chosen so that one index gives the
 * whole order: products by (sku, status), (name, sku, status), (category, sku), (updated_at,
 * rowid); stock totals by (on_hand or value, product_id).
 */
const SORT: Record<ProductQuery['sort'], { keys: string[]; byStock: boolean }> = {
  sku: { keys: ['p.sku'], byStock: false },
  name: { keys: ['p.name COLLATE NOCASE', 'p.sku'], byStock: false },
  // products without Chinese names ('' initials) come first, by name
  pinyin: { keys: ['p.initials', 'p.name COLLATE NOCASE', 'p.sku'], byStock: false },
  category: { keys: ['p.category', 'p.sku'], byStock: false },
  updatedAt: { keys: ['p.updated_at', 'p.rowid'], byStock: false },
  onHand: { keys: ['s.on_hand', 's.product_id'], byStock: true },
  value: { keys: ['s.value', 's.product_id'], byStock: true },
};

/** Builds the WHERE clause of a product search; shared by the list and the global search. */
function where(q: Pick<ProductQuery, 'search' | 'category' | 'status' | 'parentId' | 'topLevel' | 'lowStock'>) {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const text = q.search?.trim();
  if (text) {
    const f = productTextFilter(text);
    clauses.push(f.sql);
    params.push(...f.params);
  }
  if (q.category) {
    clauses.push('p.category = ?');
    params.push(q.category);
  }
  if (q.status !== 'all') {
    clauses.push('p.status = ?');
    params.push(q.status);
  }
  if (q.parentId) {
    clauses.push('p.parent_id = ?');
    params.push(q.parentId);
  }
  if (q.topLevel) clauses.push('p.parent_id IS NULL');
  if (q.lowStock) clauses.push('s.low_stock_threshold IS NOT NULL AND s.on_hand <= s.low_stock_threshold');
  return { sql: clauses.length ? 'WHERE ' + clauses.join(' AND ') : '', params };
}

/** Matches above which a search page walks the sort index (measured at 100k products). */
const WALK_INDEX_ABOVE = 2000;

export function listProducts(db: Db, q: ProductQuery): { rows: ProductRow[]; total: number } {
  const w = where(q);
  const sort = SORT[q.sort];
  // Every product has exactly one product_stock row (written with it), so the count joins it
  // only to filter on stock, and then starts from the partial index of low-stock products.
  const countFrom = q.lowStock ? 'product_stock s CROSS JOIN products p ON p.id = s.product_id' : 'products p';
  const total = (stmt(db, `SELECT count(*) AS n FROM ${countFrom} ${w.sql}`).get(...w.params) as { n: number }).n;
  const dir = q.dir === 'desc' ? 'DESC' : 'ASC';
  const order = sort.keys.map((k) => `${k} ${dir}`).join(', ');
  // Find the page's rowids first (on covering indexes, skipping `offset` index entries rather
  // than joined rows), then read just those rows. Stock sorts walk the stock index first.
  // CROSS JOIN keeps the page as the outer loop: otherwise SQLite may scan a whole index in the
  // final order and probe the page for each entry.
  const source = sort.byStock
    ? 'product_stock s CROSS JOIN products p ON p.id = s.product_id'
    : `products p ${q.lowStock ? 'JOIN product_stock s ON s.product_id = p.id' : ''}`;
  // A search matching many products is cheaper to page by walking the sort index and testing
  // each entry against the matches (a unary + stops SQLite from driving by the match list) than
  // by reading every match and sorting them; a rare match is cheaper the other way round.
  const walkIndex = !!q.search?.trim() && !sort.byStock && total > WALK_INDEX_ABOVE;
  const pageWhere = walkIndex ? w.sql.replace('p.rowid IN (', '+p.rowid IN (') : w.sql;
  const rows = stmt(
    db,
    `SELECT ${ROW_COLS} FROM (SELECT p.rowid AS rid FROM ${source} ${pageWhere} ORDER BY ${order} LIMIT ? OFFSET ?) page
     CROSS JOIN products p ON p.rowid = page.rid CROSS JOIN product_stock s ON s.product_id = p.id ORDER BY ${order}`,
  )
    .all(...w.params, q.limit, q.offset)
    .map((r) => toRow(r as Raw));
  return { rows, total };
}

export function listCategories(db: Db): string[] {
  return (stmt(db, 'SELECT DISTINCT category FROM products WHERE category IS NOT NULL ORDER BY category').all() as {
    category: string;
  }[]).map((r) => r.category);
}

/** Active products without a barcode that are not the parents of variants, by SKU. */
export function productsWithoutBarcode(db: Db): Product[] {
  const rows = stmt(
    db,
    `SELECT ${COLS} FROM products p WHERE p.barcode IS NULL AND p.status = 'active' AND NOT EXISTS (SELECT 1 FROM products v WHERE v.parent_id = p.id) ORDER BY p.sku`,
  ).all() as Raw[];
  return rows.map(toProduct);
}

/** The highest 13-digit barcode that starts with `prefix` (digits), if any. */
export function highestBarcodeUnder(db: Db, prefix: string): string | null {
  // a range over the barcode index: every code that starts with the prefix sorts between it and prefix + ':' (after '9')
  const r = stmt(db, "SELECT max(barcode) AS code FROM products WHERE barcode >= ? AND barcode < ? AND length(barcode) = 13").get(prefix, `${prefix}:`) as { code: string | null };
  return r.code;
}

export function countVariants(db: Db, parentId: string): number {
  return (stmt(db, 'SELECT count(*) AS n FROM products WHERE parent_id = ?').get(parentId) as { n: number }).n;
}

/** Indexes a bulk load of products never reads (the SKU, barcode and parent lookups stay). */
const REBUILT = ['products_category', 'products_updated', 'products_local_name', 'products_sku_status', 'products_name_sku_status', 'product_stock_on_hand', 'product_stock_value', 'product_stock_low'];

/**
 * For a bulk insert of products: the search index's insert trigger is taken off, and the function
 * returned indexes every product inserted since in one statement and puts the trigger back (the same
 * SQL). With `rebuildIndexes` (most of the table is new), the secondary indexes the load does not
 * read are dropped too and built again at the end — sorting once costs less than inserting into
 * each of them row by row. Run both in the same transaction: a rollback brings everything back.
 */
export function deferIndexes(db: Db, opts: { rebuildIndexes: boolean }): () => void {
  const names = ['products_fts_ai', ...(opts.rebuildIndexes ? REBUILT : [])];
  const dropped = db.prepare(`SELECT type, name, sql FROM sqlite_schema WHERE name IN (${names.map(() => '?').join(', ')})`).all(...names) as { type: 'trigger' | 'index'; name: string; sql: string }[];
  const from = (db.prepare('SELECT coalesce(max(rowid), 0) AS r FROM products').get() as { r: number }).r;
  for (const d of dropped) db.exec(`DROP ${d.type.toUpperCase()} ${d.name}`);
  return () => {
    if (dropped.some((d) => d.name === 'products_fts_ai')) {
      db.prepare('INSERT INTO products_fts (rowid, sku, name, local_name, barcode, brand) SELECT rowid, sku, name, local_name, barcode, brand FROM products WHERE rowid > ?').run(from);
    }
    for (const d of dropped) db.exec(d.sql);
  };
}
