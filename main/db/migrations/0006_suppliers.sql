-- Crossdock schema 6: suppliers and what each sells (their SKU, price in their currency with
-- quantity breaks, minimum order, case pack, lead time). Frozen once applied.

CREATE TABLE suppliers (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL COLLATE NOCASE UNIQUE,
  country        TEXT,
  currency       TEXT NOT NULL,
  contact_name   TEXT,
  email          TEXT,
  phone          TEXT,
  payment_terms  TEXT,
  lead_time_days INTEGER NOT NULL DEFAULT 14 CHECK (lead_time_days >= 0),
  notes          TEXT,
  status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;

CREATE TABLE supplier_products (
  id             TEXT PRIMARY KEY,
  supplier_id    TEXT NOT NULL REFERENCES suppliers(id),
  supplier_sku   TEXT NOT NULL,
  product_id     TEXT REFERENCES products(id),
  unit_price     INTEGER NOT NULL CHECK (unit_price >= 0),
  price_breaks   TEXT NOT NULL DEFAULT '[]',
  moq            INTEGER NOT NULL DEFAULT 1 CHECK (moq >= 1),
  order_multiple INTEGER NOT NULL DEFAULT 1 CHECK (order_multiple >= 1),
  lead_time_days INTEGER CHECK (lead_time_days >= 0),
  price_date     TEXT NOT NULL,
  status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  UNIQUE (supplier_id, supplier_sku)
) STRICT;
CREATE INDEX supplier_products_product ON supplier_products(product_id);
