-- Crossdock schema 3: indexes that let list pages be found without reading the rows they skip,
-- and two more aggregates kept as stock moves, so the dashboard reads a few rows, not 100k.
-- Found by npm run bench (100,000 products, 1,000,000 movements). Frozen once applied.

-- The status-only index misled the planner into sorting every product; sorted pages now come from
-- covering indexes that carry status, so deep pages skip index entries instead of table rows.
DROP INDEX products_status_sku;
DROP INDEX products_name;
CREATE INDEX products_sku_status ON products(sku, status);
CREATE INDEX products_name_sku_status ON products(name COLLATE NOCASE, sku, status);

-- The journal of one location, newest first.
DROP INDEX movements_location_seq;
CREATE INDEX movements_location_time ON movements(location_id, occurred_at, seq);

-- Low stock compares a product's total with its threshold: keep the threshold beside the total
-- so a partial index holds exactly the products that are low.
ALTER TABLE product_stock ADD COLUMN low_stock_threshold INTEGER;
UPDATE product_stock SET low_stock_threshold =
  (SELECT p.low_stock_threshold FROM products p WHERE p.id = product_stock.product_id);
CREATE INDEX product_stock_low ON product_stock(on_hand, product_id)
  WHERE low_stock_threshold IS NOT NULL AND on_hand <= low_stock_threshold;

-- Stock per location and per category, maintained with every movement (and, for categories,
-- when a product changes category). Both are rebuilt and compared by `db check`.
CREATE TABLE location_stock (
  location_id TEXT PRIMARY KEY REFERENCES locations(id),
  on_hand     INTEGER NOT NULL DEFAULT 0,
  value       INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;
INSERT INTO location_stock (location_id, on_hand, value)
  SELECT location_id, sum(on_hand), sum(value) FROM balances GROUP BY location_id;

CREATE TABLE category_stock (
  category TEXT PRIMARY KEY,
  on_hand  INTEGER NOT NULL DEFAULT 0,
  value    INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;
INSERT INTO category_stock (category, on_hand, value)
  SELECT coalesce(p.category, ''), sum(s.on_hand), sum(s.value)
  FROM product_stock s JOIN products p ON p.id = s.product_id GROUP BY coalesce(p.category, '');
