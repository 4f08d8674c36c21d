-- Crossdock schema 1: settings, products, locations, the stock ledger and its balances.
-- Frozen: never edit an applied migration; add a new numbered file instead.

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE products (
  id                  TEXT PRIMARY KEY,
  sku                 TEXT NOT NULL COLLATE NOCASE UNIQUE,
  name                TEXT NOT NULL,
  local_name          TEXT,
  barcode             TEXT UNIQUE,
  brand               TEXT,
  category            TEXT,
  hs_code             TEXT,
  origin_country      TEXT,
  weight_g            INTEGER,
  length_mm           INTEGER,
  width_mm            INTEGER,
  height_mm           INTEGER,
  pack_size           INTEGER NOT NULL DEFAULT 1 CHECK (pack_size >= 1),
  default_supplier    TEXT,
  parent_id           TEXT REFERENCES products(id),
  options             TEXT,
  low_stock_threshold INTEGER CHECK (low_stock_threshold >= 0),
  notes               TEXT,
  status              TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX products_name ON products(name COLLATE NOCASE);
CREATE INDEX products_category ON products(category, sku);
CREATE INDEX products_parent ON products(parent_id);
CREATE INDEX products_updated ON products(updated_at);
CREATE INDEX products_status_sku ON products(status, sku);

-- Substring search over the fields people type or scan (trigram: works for Chinese names too).
CREATE VIRTUAL TABLE products_fts USING fts5(
  sku, name, local_name, barcode, brand,
  content='products', content_rowid='rowid', tokenize='trigram'
);
CREATE TRIGGER products_fts_ai AFTER INSERT ON products BEGIN
  INSERT INTO products_fts(rowid, sku, name, local_name, barcode, brand)
  VALUES (new.rowid, new.sku, new.name, new.local_name, new.barcode, new.brand);
END;
CREATE TRIGGER products_fts_au AFTER UPDATE ON products BEGIN
  INSERT INTO products_fts(products_fts, rowid, sku, name, local_name, barcode, brand)
  VALUES ('delete', old.rowid, old.sku, old.name, old.local_name, old.barcode, old.brand);
  INSERT INTO products_fts(rowid, sku, name, local_name, barcode, brand)
  VALUES (new.rowid, new.sku, new.name, new.local_name, new.barcode, new.brand);
END;
CREATE TRIGGER products_no_delete BEFORE DELETE ON products BEGIN
  SELECT RAISE(ABORT, 'products are archived, never deleted');
END;

CREATE TABLE locations (
  id             TEXT PRIMARY KEY,
  code           TEXT NOT NULL COLLATE NOCASE UNIQUE,
  name           TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('own', 'overseas', 'bonded', '3pl', 'in_transit')),
  country        TEXT,
  allow_negative INTEGER NOT NULL DEFAULT 0 CHECK (allow_negative IN (0, 1)),
  notes          TEXT,
  status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;

-- The stock ledger: append-only. seq is the posting order and the order of the hash chain.
CREATE TABLE movements (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  id           TEXT NOT NULL UNIQUE,
  product_id   TEXT NOT NULL REFERENCES products(id),
  location_id  TEXT NOT NULL REFERENCES locations(id),
  kind         TEXT NOT NULL CHECK (kind IN ('receipt', 'sale', 'adjustment', 'transfer_out', 'transfer_in',
                                             'return', 'count', 'write_off', 'revaluation')),
  qty          INTEGER NOT NULL,
  value        INTEGER NOT NULL,
  avg_cost_e4  INTEGER NOT NULL,
  qty_after    INTEGER NOT NULL,
  occurred_at  TEXT NOT NULL,
  posted_at    TEXT NOT NULL,
  actor        TEXT NOT NULL,
  reason       TEXT,
  note         TEXT,
  doc_type     TEXT,
  doc_id       TEXT,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX movements_product_location_time ON movements(product_id, location_id, occurred_at);
CREATE INDEX movements_location_seq ON movements(location_id, seq);
CREATE INDEX movements_occurred ON movements(occurred_at);
CREATE INDEX movements_doc ON movements(doc_type, doc_id);
CREATE TRIGGER movements_no_update BEFORE UPDATE ON movements BEGIN
  SELECT RAISE(ABORT, 'stock movements are append-only');
END;
CREATE TRIGGER movements_no_delete BEFORE DELETE ON movements BEGIN
  SELECT RAISE(ABORT, 'stock movements are append-only');
END;

-- Maintained in the same transaction as each movement; rebuildable from the ledger.
CREATE TABLE balances (
  product_id  TEXT NOT NULL REFERENCES products(id),
  location_id TEXT NOT NULL REFERENCES locations(id),
  on_hand     INTEGER NOT NULL DEFAULT 0,
  reserved    INTEGER NOT NULL DEFAULT 0,
  avg_cost_e4 INTEGER NOT NULL DEFAULT 0,
  value       INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (product_id, location_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX balances_location ON balances(location_id, product_id);

-- Per-product totals over all locations, kept for list sorting and low-stock at scale.
CREATE TABLE product_stock (
  product_id TEXT PRIMARY KEY REFERENCES products(id),
  on_hand    INTEGER NOT NULL DEFAULT 0,
  reserved   INTEGER NOT NULL DEFAULT 0,
  value      INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX product_stock_on_hand ON product_stock(on_hand);
CREATE INDEX product_stock_value ON product_stock(value);

-- Daily movement aggregates per location and kind, kept as movements are written (dashboard).
CREATE TABLE movement_days (
  day         TEXT NOT NULL,
  location_id TEXT NOT NULL REFERENCES locations(id),
  kind        TEXT NOT NULL,
  qty_in      INTEGER NOT NULL DEFAULT 0,
  qty_out     INTEGER NOT NULL DEFAULT 0,
  value_in    INTEGER NOT NULL DEFAULT 0,
  value_out   INTEGER NOT NULL DEFAULT 0,
  count       INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, location_id, kind)
) STRICT, WITHOUT ROWID;
