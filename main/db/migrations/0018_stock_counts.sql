-- Crossdock schema 18: stock counts. A count is taken at one location, of every product stocked
-- there or of a chosen set (a cycle count); each line keeps what was counted and when, so posting
-- compares the count with the book at that moment and movements made while the count was open
-- are kept, not overwritten. Frozen once applied.

CREATE TABLE stock_counts (
  id                 TEXT PRIMARY KEY,
  number             TEXT NOT NULL UNIQUE,
  location_id        TEXT NOT NULL REFERENCES locations(id),
  scope              TEXT NOT NULL CHECK (scope IN ('full', 'cycle')),
  -- JSON: how a cycle count chose its products (classes, category, due only), for the record
  selection          TEXT,
  blind              INTEGER NOT NULL DEFAULT 0 CHECK (blind IN (0, 1)),
  -- a difference above either threshold is counted again before posting (null: no recount)
  recount_units      INTEGER CHECK (recount_units >= 0),
  recount_percent    INTEGER CHECK (recount_percent >= 0),
  status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'posted', 'cancelled')),
  note               TEXT,
  opened_at          TEXT NOT NULL,
  opened_by          TEXT NOT NULL,
  closed_at          TEXT,
  closed_by          TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
) STRICT;
CREATE INDEX stock_counts_status ON stock_counts(status, created_at);
-- one open count per location: two would each post the same difference
CREATE UNIQUE INDEX stock_counts_one_open ON stock_counts(location_id) WHERE status = 'open';

CREATE TABLE stock_count_lines (
  count_id     TEXT NOT NULL REFERENCES stock_counts(id),
  product_id   TEXT NOT NULL REFERENCES products(id),
  -- the book quantity when the count was opened (0 for a product found by scanning)
  expected     INTEGER NOT NULL,
  -- what was counted (null: not yet), when it was last counted, and by whom
  counted      INTEGER CHECK (counted >= 0),
  counted_at   TEXT,
  counted_by   TEXT,
  -- the first count of a line sent for recount, and whether a recount is awaited
  first_count  INTEGER CHECK (first_count >= 0),
  recount      INTEGER NOT NULL DEFAULT 0 CHECK (recount IN (0, 1)),
  -- found by scanning, not on the list the count started with
  added        INTEGER NOT NULL DEFAULT 0 CHECK (added IN (0, 1)),
  -- filled at posting: the book at the moment of counting, and the difference posted
  book         INTEGER,
  posted_qty   INTEGER,
  posted_value INTEGER,
  position     INTEGER NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (count_id, product_id)
) STRICT, WITHOUT ROWID;
-- when each product was last counted at a location (cycle counts by ABC class are due by it)
CREATE INDEX stock_count_lines_product ON stock_count_lines(product_id, counted_at);

-- a scanned code is looked up as a supplier's SKU too, whichever supplier it belongs to
CREATE INDEX supplier_products_supplier_sku ON supplier_products(supplier_sku COLLATE NOCASE);
