-- Crossdock schema 14: customers, sales orders, reservations and live selling sessions.
-- A confirmed order reserves its lines' units at the location it ships from; a live session holds
-- its products' units while it is on air and its buyers' claims come out of that hold. Every
-- reservation is a row here and balances.reserved (and product_stock.reserved) are their sums,
-- kept in the same transaction. Shipping an order posts 'sale' movements; what it earned and cost
-- is added to sales_days as it ships, for the dashboard and demand history. Frozen once applied.

-- a product's usual selling price (base currency, minor units) and whether it may be sold beyond stock
ALTER TABLE products ADD COLUMN price INTEGER CHECK (price >= 0);
ALTER TABLE products ADD COLUMN allow_backorder INTEGER NOT NULL DEFAULT 0 CHECK (allow_backorder IN (0, 1));

CREATE TABLE customers (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  -- the name they use on a live stream or in a chat, unique
  handle     TEXT COLLATE NOCASE UNIQUE,
  email      TEXT COLLATE NOCASE,
  phone      TEXT,
  country    TEXT,
  address    TEXT,
  notes      TEXT,
  status     TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX customers_name ON customers(name COLLATE NOCASE);
CREATE INDEX customers_email ON customers(email) WHERE email IS NOT NULL;

CREATE TABLE live_sessions (
  id                 TEXT PRIMARY KEY,
  number             TEXT NOT NULL UNIQUE,
  title              TEXT NOT NULL,
  platform           TEXT,
  location_id        TEXT NOT NULL REFERENCES locations(id),
  currency           TEXT NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('planned', 'live', 'closed', 'cancelled')),
  scheduled_at       TEXT,
  started_at         TEXT,
  ended_at           TEXT,
  -- units one buyer may claim of each product, unless the product says otherwise
  per_customer_limit INTEGER CHECK (per_customer_limit > 0),
  -- unpaid orders made from claims are released this many hours after the session closes (0: never)
  hold_hours         INTEGER NOT NULL DEFAULT 24 CHECK (hold_hours >= 0),
  notes              TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
) STRICT;
CREATE INDEX live_sessions_status ON live_sessions(status, number);

CREATE TABLE live_items (
  session_id         TEXT NOT NULL REFERENCES live_sessions(id),
  product_id         TEXT NOT NULL REFERENCES products(id),
  position           INTEGER NOT NULL,
  -- the live price, in the session's currency (minor units)
  price              INTEGER NOT NULL CHECK (price >= 0),
  -- units the session may sell
  cap                INTEGER NOT NULL CHECK (cap >= 0),
  per_customer_limit INTEGER CHECK (per_customer_limit > 0),
  -- units claimed and not undone (after closing: still on an order that was not cancelled)
  claimed            INTEGER NOT NULL DEFAULT 0 CHECK (claimed >= 0),
  -- the short code typed in the console ("A1")
  code               TEXT COLLATE NOCASE,
  PRIMARY KEY (session_id, product_id),
  UNIQUE (session_id, code)
) STRICT, WITHOUT ROWID;

CREATE TABLE sales_orders (
  id               TEXT PRIMARY KEY,
  number           TEXT NOT NULL UNIQUE,
  customer_id      TEXT REFERENCES customers(id),
  channel          TEXT NOT NULL CHECK (channel IN ('manual', 'live', 'import')),
  -- an import's format ('shopify', 'generic') with the platform's order name: re-importing finds it
  source           TEXT,
  external_ref     TEXT,
  live_session_id  TEXT REFERENCES live_sessions(id),
  location_id      TEXT NOT NULL REFERENCES locations(id),
  currency         TEXT NOT NULL,
  -- base per unit of the order's currency on the order date (null: none known yet)
  fx_rate          TEXT,
  fx_day           TEXT,
  order_date       TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('draft', 'confirmed', 'partly_shipped', 'shipped', 'completed', 'cancelled')),
  payment_status   TEXT NOT NULL DEFAULT 'unpaid' CHECK (payment_status IN ('unpaid', 'partly_paid', 'paid')),
  -- order currency, minor units: lines after their discounts, the order's discount, shipping charged
  subtotal         INTEGER NOT NULL DEFAULT 0,
  discount         INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),
  shipping         INTEGER NOT NULL DEFAULT 0 CHECK (shipping >= 0),
  total            INTEGER NOT NULL DEFAULT 0,
  paid             INTEGER NOT NULL DEFAULT 0 CHECK (paid >= 0),
  units            INTEGER NOT NULL DEFAULT 0,
  -- an unpaid confirmed order's reservation is released at this time (null: held until cancelled)
  expires_at       TEXT,
  ship_name        TEXT,
  ship_address     TEXT,
  ship_country     TEXT,
  notes            TEXT,
  cancel_reason    TEXT,
  confirmed_at     TEXT,
  shipped_at       TEXT,
  closed_at        TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX sales_orders_external ON sales_orders(source, external_ref) WHERE external_ref IS NOT NULL;
-- the list: newest first, and by status, channel or customer
CREATE INDEX sales_orders_status ON sales_orders(status, number);
CREATE INDEX sales_orders_channel ON sales_orders(channel, number);
CREATE INDEX sales_orders_customer ON sales_orders(customer_id, number);
CREATE INDEX sales_orders_session ON sales_orders(live_session_id) WHERE live_session_id IS NOT NULL;
CREATE INDEX sales_orders_expiry ON sales_orders(expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX sales_orders_date ON sales_orders(order_date);

CREATE TABLE sales_order_lines (
  id          TEXT PRIMARY KEY,
  order_id    TEXT NOT NULL REFERENCES sales_orders(id),
  position    INTEGER NOT NULL,
  product_id  TEXT NOT NULL REFERENCES products(id),
  qty         INTEGER NOT NULL CHECK (qty > 0),
  -- order currency, minor units
  unit_price  INTEGER NOT NULL CHECK (unit_price >= 0),
  discount    INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),
  -- qty × unit price − its discount − its share of the order's discount
  net         INTEGER NOT NULL,
  qty_shipped INTEGER NOT NULL DEFAULT 0 CHECK (qty_shipped >= 0 AND qty_shipped <= qty),
  -- base currency, minor units, of the units shipped: what they earned and what they cost
  revenue     INTEGER NOT NULL DEFAULT 0,
  cogs        INTEGER NOT NULL DEFAULT 0,
  UNIQUE (order_id, position)
) STRICT;
CREATE INDEX sales_order_lines_product ON sales_order_lines(product_id);

-- Units held back from everyone else: an order line's unshipped units, or a live session's hold.
CREATE TABLE reservations (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('order_line', 'live_hold')),
  -- the order line, or the live session
  ref_id      TEXT NOT NULL,
  product_id  TEXT NOT NULL REFERENCES products(id),
  location_id TEXT NOT NULL REFERENCES locations(id),
  qty         INTEGER NOT NULL CHECK (qty > 0),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  UNIQUE (kind, ref_id, product_id)
) STRICT;
CREATE INDEX reservations_balance ON reservations(product_id, location_id);

-- A viewer's claim in a live session. 'waiting' is the waitlist (first come, first promoted).
CREATE TABLE live_claims (
  id          TEXT PRIMARY KEY,
  session_id  TEXT NOT NULL REFERENCES live_sessions(id),
  seq         INTEGER NOT NULL,
  product_id  TEXT NOT NULL REFERENCES products(id),
  customer_id TEXT NOT NULL REFERENCES customers(id),
  qty         INTEGER NOT NULL CHECK (qty > 0),
  status      TEXT NOT NULL CHECK (status IN ('claimed', 'waiting', 'undone', 'lapsed', 'ordered')),
  -- the console's key for one key press: the same key again returns this claim
  client_key  TEXT,
  at          TEXT NOT NULL,
  promoted_at TEXT,
  order_id    TEXT REFERENCES sales_orders(id),
  UNIQUE (session_id, seq),
  UNIQUE (session_id, client_key)
) STRICT;
CREATE INDEX live_claims_product ON live_claims(session_id, product_id, status, seq);
CREATE INDEX live_claims_customer ON live_claims(session_id, customer_id, product_id);

-- One shipping of (part of) an order: through an outbound shipment, or handed over (no parcel).
CREATE TABLE sales_fulfilments (
  id          TEXT PRIMARY KEY,
  order_id    TEXT NOT NULL REFERENCES sales_orders(id),
  shipment_id TEXT REFERENCES shipments(id),
  shipped_at  TEXT NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX sales_fulfilments_order ON sales_fulfilments(order_id);

CREATE TABLE sales_fulfilment_lines (
  fulfilment_id TEXT NOT NULL REFERENCES sales_fulfilments(id),
  order_line_id TEXT NOT NULL REFERENCES sales_order_lines(id),
  qty           INTEGER NOT NULL CHECK (qty > 0),
  revenue       INTEGER NOT NULL,
  cogs          INTEGER NOT NULL,
  PRIMARY KEY (fulfilment_id, order_line_id)
) STRICT, WITHOUT ROWID;

-- an outbound shipment's line that ships an order line
ALTER TABLE shipment_lines ADD COLUMN sales_line_id TEXT REFERENCES sales_order_lines(id);

-- What shipped per day, product, location and channel (base currency), added to as orders ship.
CREATE TABLE sales_days (
  day         TEXT NOT NULL,
  product_id  TEXT NOT NULL REFERENCES products(id),
  location_id TEXT NOT NULL REFERENCES locations(id),
  channel     TEXT NOT NULL,
  qty         INTEGER NOT NULL DEFAULT 0,
  revenue     INTEGER NOT NULL DEFAULT 0,
  cogs        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, product_id, location_id, channel)
) STRICT, WITHOUT ROWID;
CREATE INDEX sales_days_product ON sales_days(product_id, day);
