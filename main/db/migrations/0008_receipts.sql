-- Crossdock schema 8: goods receipts against purchase orders. A receipt keeps the exchange rate
-- it was valued at; its lines say what was counted in, what was damaged and where that went, and
-- the base-currency value posted to the ledger. Frozen once applied.

CREATE TABLE receipts (
  id          TEXT PRIMARY KEY,
  number      TEXT NOT NULL UNIQUE,
  po_id       TEXT NOT NULL REFERENCES purchase_orders(id),
  location_id TEXT NOT NULL REFERENCES locations(id),
  received_at TEXT NOT NULL,
  fx_rate     TEXT NOT NULL,
  fx_day      TEXT NOT NULL,
  fx_source   TEXT NOT NULL,
  notes       TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX receipts_po ON receipts(po_id, received_at);

CREATE TABLE receipt_lines (
  id                     TEXT PRIMARY KEY,
  receipt_id             TEXT NOT NULL REFERENCES receipts(id),
  po_line_id             TEXT NOT NULL REFERENCES purchase_order_lines(id),
  product_id             TEXT NOT NULL REFERENCES products(id),
  qty                    INTEGER NOT NULL CHECK (qty >= 0),
  damaged_qty            INTEGER NOT NULL DEFAULT 0 CHECK (damaged_qty >= 0),
  damaged_action         TEXT CHECK (damaged_action IN ('quarantine', 'write_off')),
  quarantine_location_id TEXT REFERENCES locations(id),
  unit_price             INTEGER NOT NULL,
  value_base             INTEGER NOT NULL,
  reason                 TEXT,
  created_at             TEXT NOT NULL
) STRICT;
CREATE INDEX receipt_lines_receipt ON receipt_lines(receipt_id);
CREATE INDEX receipt_lines_po_line ON receipt_lines(po_line_id);
