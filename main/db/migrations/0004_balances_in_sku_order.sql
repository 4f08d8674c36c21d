-- Crossdock schema 4: balances carry their product's SKU (kept in step when a SKU is renamed),
-- so a location's stock is paged in SKU order from one covering index, deep pages included,
-- instead of joining and sorting every balance of the location. Frozen once applied.

ALTER TABLE balances ADD COLUMN sku TEXT NOT NULL DEFAULT '' COLLATE NOCASE;
UPDATE balances SET sku = (SELECT p.sku FROM products p WHERE p.id = balances.product_id);

DROP INDEX balances_location_held;
CREATE INDEX balances_location_sku ON balances(location_id, sku, on_hand, reserved)
  WHERE on_hand <> 0 OR reserved <> 0;
CREATE INDEX balances_sku ON balances(sku, location_id, on_hand, reserved)
  WHERE on_hand <> 0 OR reserved <> 0;
