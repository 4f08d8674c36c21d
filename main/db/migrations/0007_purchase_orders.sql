-- Crossdock schema 7: purchase orders in the supplier's currency, with the exchange rate of the
-- order date stored on the order (so its base-currency total can always be explained).
-- Frozen once applied.

CREATE TABLE purchase_orders (
  id            TEXT PRIMARY KEY,
  number        TEXT NOT NULL UNIQUE,
  supplier_id   TEXT NOT NULL REFERENCES suppliers(id),
  status        TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'partially_received', 'received', 'closed', 'cancelled')),
  currency      TEXT NOT NULL,
  base_currency TEXT NOT NULL,
  order_date    TEXT NOT NULL,
  expected_date TEXT,
  fx_rate       TEXT,
  fx_day        TEXT,
  notes         TEXT,
  sent_at       TEXT,
  closed_at     TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX purchase_orders_supplier ON purchase_orders(supplier_id, order_date);
CREATE INDEX purchase_orders_status ON purchase_orders(status, order_date);

CREATE TABLE purchase_order_lines (
  id                  TEXT PRIMARY KEY,
  po_id               TEXT NOT NULL REFERENCES purchase_orders(id),
  line_no             INTEGER NOT NULL,
  product_id          TEXT NOT NULL REFERENCES products(id),
  supplier_product_id TEXT REFERENCES supplier_products(id),
  qty_ordered         INTEGER NOT NULL CHECK (qty_ordered > 0),
  unit_price          INTEGER NOT NULL CHECK (unit_price >= 0),
  expected_date       TEXT,
  qty_received        INTEGER NOT NULL DEFAULT 0,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  UNIQUE (po_id, line_no)
) STRICT;
CREATE INDEX purchase_order_lines_product ON purchase_order_lines(product_id);
