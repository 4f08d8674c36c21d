-- Crossdock schema 16: supplier sync (DESIGN.md §6). A supplier's connection (its API key only
-- ever encrypted); a log of sync runs; the cursor of every pull, saved with the page it came with;
-- a mirror of each supplier's catalogue, prices and availability; catalogue changes that touch
-- the merchant's own supplier terms, kept for review; the outbox of orders to send, in order per
-- supplier; what suppliers answered about our orders; and which of our shipments each of their
-- shipment notices became. Shipment events gain the source 'supplier'. Frozen once applied.

CREATE TABLE supplier_connections (
  supplier_id      TEXT PRIMARY KEY REFERENCES suppliers(id),
  kind             TEXT NOT NULL CHECK (kind IN ('open_protocol', 'price_list', 'cj')),
  -- the API's base URL, or the price list's URL or file path
  endpoint         TEXT NOT NULL,
  -- "<scheme>:<ciphertext>" (scheme: safe = the OS keychain, file = the app's key file); never plain text
  secret           TEXT,
  -- the connector's own settings as JSON (a price list's column mapping, ...)
  settings         TEXT NOT NULL DEFAULT '{}',
  auto_sync        INTEGER NOT NULL DEFAULT 1 CHECK (auto_sync IN (0, 1)),
  interval_minutes INTEGER NOT NULL DEFAULT 60 CHECK (interval_minutes BETWEEN 5 AND 10080),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;

CREATE TABLE sync_runs (
  id          TEXT PRIMARY KEY,
  supplier_id TEXT NOT NULL REFERENCES suppliers(id),
  trigger     TEXT NOT NULL CHECK (trigger IN ('manual', 'interval', 'cli')),
  -- everything, or only the orders waiting to go (sent as soon as they are queued)
  scope       TEXT NOT NULL DEFAULT 'all' CHECK (scope IN ('all', 'orders')),
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  result      TEXT NOT NULL CHECK (result IN ('running', 'ok', 'partial', 'failed', 'cancelled')),
  -- counts as JSON: {"catalog": 120, "ordersSent": 2, ...}
  counts      TEXT NOT NULL DEFAULT '{}',
  message     TEXT
) STRICT;
CREATE INDEX sync_runs_supplier ON sync_runs(supplier_id, started_at);

-- Where each pull stands: the cursor of the next page while a pull is under way (null between
-- pulls), and the newest change already held, asked for as updated_since by the next pull.
CREATE TABLE sync_cursors (
  supplier_id TEXT NOT NULL REFERENCES suppliers(id),
  stream      TEXT NOT NULL CHECK (stream IN ('catalog', 'prices', 'availability', 'orders', 'shipments')),
  cursor      TEXT,
  since       TEXT,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (supplier_id, stream)
) STRICT, WITHOUT ROWID;

-- The supplier's catalogue as they last said it; prices as the decimal they sent.
CREATE TABLE supplier_catalog (
  supplier_id     TEXT NOT NULL REFERENCES suppliers(id),
  sku             TEXT NOT NULL,
  name            TEXT,
  barcode         TEXT,
  hs_code         TEXT,
  origin_country  TEXT,
  moq             INTEGER,
  order_multiple  INTEGER,
  lead_time_days  INTEGER,
  status          TEXT CHECK (status IN ('active', 'discontinued')),
  currency        TEXT,
  unit_price      TEXT,
  -- [{"minQty": 10, "unitPrice": "4.10"}]
  price_breaks    TEXT,
  available       INTEGER,
  restock_date    TEXT,
  item_updated_at TEXT,
  price_updated_at TEXT,
  stock_updated_at TEXT,
  seen_at         TEXT NOT NULL,
  PRIMARY KEY (supplier_id, sku)
) STRICT, WITHOUT ROWID;

-- A difference between the supplier's catalogue and the merchant's own terms for a product they
-- buy from them; one pending change per term, updated while it waits.
CREATE TABLE catalog_changes (
  id                  TEXT PRIMARY KEY,
  supplier_id         TEXT NOT NULL REFERENCES suppliers(id),
  supplier_product_id TEXT NOT NULL REFERENCES supplier_products(id),
  sku                 TEXT NOT NULL,
  kind                TEXT NOT NULL CHECK (kind IN ('price', 'discontinued', 'moq', 'order_multiple', 'lead_time')),
  -- as text: a price "12.50 USD" with its breaks as JSON, a number, or "discontinued"
  old_value           TEXT,
  new_value           TEXT,
  status              TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied', 'dismissed')),
  detected_at         TEXT NOT NULL,
  decided_at          TEXT,
  decided_by          TEXT
) STRICT;
CREATE UNIQUE INDEX catalog_changes_pending ON catalog_changes(supplier_product_id, kind) WHERE status = 'pending';
CREATE INDEX catalog_changes_supplier ON catalog_changes(supplier_id, status);

-- Documents to send, in seq order per supplier. state: queued (send at next_at), lookup (ask for it
-- by its key at next_at before sending again), sending (on the wire: if the app dies now, it is
-- looked up on restart), done, rejected (shown to the user), cancelled.
CREATE TABLE outbox (
  seq         INTEGER PRIMARY KEY,
  key         TEXT NOT NULL UNIQUE,
  supplier_id TEXT NOT NULL REFERENCES suppliers(id),
  kind        TEXT NOT NULL CHECK (kind IN ('order')),
  po_id       TEXT NOT NULL REFERENCES purchase_orders(id),
  -- what is sent, fixed when queued (a sent PO cannot change)
  payload     TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('queued', 'lookup', 'sending', 'done', 'rejected', 'cancelled')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  next_at     TEXT,
  last_error  TEXT,
  remote_id   TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  done_at     TEXT
) STRICT;
CREATE INDEX outbox_waiting ON outbox(supplier_id, seq) WHERE state IN ('queued', 'lookup', 'sending');
CREATE INDEX outbox_po ON outbox(po_id);

-- What a supplier says about one of our orders (one per order: the latest they reported): its
-- status and, once acknowledged, each line's accepted quantity and price.
CREATE TABLE supplier_orders (
  po_id            TEXT PRIMARY KEY REFERENCES purchase_orders(id),
  supplier_id      TEXT NOT NULL REFERENCES suppliers(id),
  remote_id        TEXT NOT NULL,
  status           TEXT NOT NULL,
  -- [{"sku", "qty", "acceptedQty", "unitPrice", "reason"}]
  lines            TEXT NOT NULL,
  reasons          TEXT NOT NULL DEFAULT '[]',
  remote_updated_at TEXT NOT NULL,
  synced_at        TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX supplier_orders_remote ON supplier_orders(supplier_id, remote_id);

-- Which inbound shipment a supplier's shipment notice became.
CREATE TABLE supplier_shipments (
  supplier_id       TEXT NOT NULL REFERENCES suppliers(id),
  remote_id         TEXT NOT NULL,
  shipment_id       TEXT NOT NULL UNIQUE REFERENCES shipments(id),
  remote_updated_at TEXT NOT NULL,
  PRIMARY KEY (supplier_id, remote_id)
) STRICT, WITHOUT ROWID;

-- Tracking events can now come from the supplier: the table is rebuilt with the wider check.
CREATE TABLE shipment_events_v16 (
  id          TEXT PRIMARY KEY,
  shipment_id TEXT NOT NULL REFERENCES shipments(id),
  at          TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('created', 'in_transit', 'at_customs', 'customs_held', 'out_for_delivery', 'delivered', 'exception', 'returned')),
  place       TEXT,
  text        TEXT,
  source      TEXT NOT NULL CHECK (source IN ('manual', 'csv', 'supplier')),
  dedupe_key  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  UNIQUE (shipment_id, dedupe_key)
) STRICT;
INSERT INTO shipment_events_v16 SELECT id, shipment_id, at, status, place, text, source, dedupe_key, created_at FROM shipment_events;
DROP TABLE shipment_events;
ALTER TABLE shipment_events_v16 RENAME TO shipment_events;
CREATE INDEX shipment_events_timeline ON shipment_events(shipment_id, at);
