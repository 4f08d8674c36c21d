-- Crossdock schema 15: reorder planning. Weekly demand per product and location, kept as orders
-- ship (weeks start on Monday); promotional periods and live sessions, whose units are kept apart
-- in promo_days so a spike is not mistaken for the normal rate; each product's planning rule; and
-- per supplier the cost of placing an order and a budget cap. Frozen once applied.

CREATE TABLE demand_weeks (
  product_id  TEXT NOT NULL REFERENCES products(id),
  week        TEXT NOT NULL,
  location_id TEXT NOT NULL REFERENCES locations(id),
  qty         INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (product_id, week, location_id)
) STRICT, WITHOUT ROWID;

-- what has shipped so far, by the Monday of its week
INSERT INTO demand_weeks (product_id, week, location_id, qty)
SELECT product_id, date(day, 'weekday 0', '-6 days'), location_id, sum(qty) FROM sales_days GROUP BY 1, 2, 3;

-- A promotional period: every product's sales in it (or one product's) are promotional.
CREATE TABLE promotions (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  from_day   TEXT NOT NULL,
  to_day     TEXT NOT NULL CHECK (to_day >= from_day),
  product_id TEXT REFERENCES products(id),
  status     TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX promotions_days ON promotions(status, from_day);

-- a live session whose sales were a promotion, not the normal rate
ALTER TABLE live_sessions ADD COLUMN promotional INTEGER NOT NULL DEFAULT 0 CHECK (promotional IN (0, 1));

-- Units shipped that were promotional (in a promotional period, or sold in a promotional live
-- session), per day. Added to as orders ship; rebuilt from the shipped orders when a marking
-- changes.
CREATE TABLE promo_days (
  product_id  TEXT NOT NULL REFERENCES products(id),
  day         TEXT NOT NULL,
  location_id TEXT NOT NULL REFERENCES locations(id),
  qty         INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (product_id, day, location_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX promo_days_day ON promo_days(day);

-- How one product is planned. Null columns take the defaults in settings ('reorder').
CREATE TABLE reorder_rules (
  product_id    TEXT PRIMARY KEY REFERENCES products(id),
  -- the supplier to order from (default: the product's default supplier, else its cheapest)
  supplier_id   TEXT REFERENCES suppliers(id),
  -- 'none': never suggested
  policy        TEXT NOT NULL DEFAULT 'rop' CHECK (policy IN ('rop', 'minmax', 'level', 'none')),
  method        TEXT CHECK (method IN ('auto', 'mean', 'ses', 'croston', 'sba', 'tsb')),
  service_level REAL CHECK (service_level > 0 AND service_level < 1),
  min_qty       INTEGER CHECK (min_qty >= 0),
  max_qty       INTEGER CHECK (max_qty >= 0),
  reorder_level INTEGER CHECK (reorder_level >= 0),
  reorder_qty   INTEGER CHECK (reorder_qty >= 0),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

-- Per supplier, in its currency's minor units: what placing one order costs (for EOQ; null: the
-- default) and the most one order may come to (null: no cap).
CREATE TABLE reorder_suppliers (
  supplier_id TEXT PRIMARY KEY REFERENCES suppliers(id),
  order_cost  INTEGER CHECK (order_cost >= 0),
  budget      INTEGER CHECK (budget > 0),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

-- a product's receipts, for the lead times its plan observes
CREATE INDEX receipt_lines_product ON receipt_lines(product_id);
