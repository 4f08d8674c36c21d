-- Crossdock schema 12: what a shipment does to stock and cost, and returns.
-- A transfer or outbound shipment is dispatched (stock leaves; a transfer's waits in an in-transit
-- location) and a transfer or inbound one is received (an inbound one posts receipts of its PO
-- lines, linked here). Inbound shipments carry customs clearance and their costs (freight, duty
-- and taxes actually paid...), which become one landed-cost document over their receipts.
-- Returns (RMA) come back from customers or go back to suppliers; each unit that comes back is
-- restocked, quarantined or written off through the ledger. Frozen once applied.

ALTER TABLE shipments ADD COLUMN ship_to TEXT;
ALTER TABLE shipments ADD COLUMN ship_to_country TEXT;
ALTER TABLE shipments ADD COLUMN customs_status TEXT CHECK (customs_status IN ('not_started', 'submitted', 'held', 'cleared'));
ALTER TABLE shipments ADD COLUMN customs_broker TEXT;
ALTER TABLE shipments ADD COLUMN customs_entry TEXT;
ALTER TABLE shipments ADD COLUMN customs_cleared_on TEXT;
ALTER TABLE shipments ADD COLUMN transit_location_id TEXT REFERENCES locations(id);
ALTER TABLE shipments ADD COLUMN dispatched_at TEXT;
ALTER TABLE shipments ADD COLUMN received_at TEXT;
ALTER TABLE shipments ADD COLUMN landed_cost_id TEXT REFERENCES landed_costs(id);
-- expected arrivals: open shipments by ETA
CREATE INDEX shipments_open_eta ON shipments(received_at, eta);

-- what arrived of each line (null until the shipment is received)
ALTER TABLE shipment_lines ADD COLUMN qty_arrived INTEGER CHECK (qty_arrived >= 0);

CREATE TABLE shipment_costs (
  id              TEXT PRIMARY KEY,
  shipment_id     TEXT NOT NULL REFERENCES shipments(id),
  position        INTEGER NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('freight', 'insurance', 'brokerage', 'bank', 'duty', 'tax', 'other')),
  label           TEXT,
  -- minor units of `currency`
  amount          INTEGER NOT NULL CHECK (amount >= 0),
  currency        TEXT NOT NULL,
  split           TEXT NOT NULL CHECK (split IN ('value', 'quantity', 'weight', 'volume', 'equal')),
  in_customs_value INTEGER NOT NULL CHECK (in_customs_value IN (0, 1)),
  -- e.g. import VAT a registered business reclaims: paid, but not part of the goods' cost
  recoverable     INTEGER NOT NULL CHECK (recoverable IN (0, 1)),
  supplier_id     TEXT REFERENCES suppliers(id),
  reference       TEXT,
  UNIQUE (shipment_id, position)
) STRICT;

CREATE TABLE shipment_receipts (
  shipment_id TEXT NOT NULL REFERENCES shipments(id),
  receipt_id  TEXT NOT NULL UNIQUE REFERENCES receipts(id),
  PRIMARY KEY (shipment_id, receipt_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE returns (
  id           TEXT PRIMARY KEY,
  number       TEXT NOT NULL UNIQUE,
  direction    TEXT NOT NULL CHECK (direction IN ('from_customer', 'to_supplier')),
  status       TEXT NOT NULL CHECK (status IN ('open', 'shipped', 'received', 'closed', 'cancelled')),
  customer     TEXT,
  supplier_id  TEXT REFERENCES suppliers(id),
  -- from_customer: the outbound shipment the goods left on, if known
  shipment_id  TEXT REFERENCES shipments(id),
  -- to_supplier: where the goods leave from
  location_id  TEXT REFERENCES locations(id),
  carrier      TEXT,
  tracking     TEXT,
  notes        TEXT,
  shipped_at   TEXT,
  received_at  TEXT,
  closed_at    TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CHECK ((direction = 'to_supplier') = (supplier_id IS NOT NULL))
) STRICT;
CREATE INDEX returns_status ON returns(status, created_at);

CREATE TABLE return_lines (
  id                     TEXT PRIMARY KEY,
  return_id              TEXT NOT NULL REFERENCES returns(id),
  position               INTEGER NOT NULL,
  product_id             TEXT NOT NULL REFERENCES products(id),
  qty                    INTEGER NOT NULL CHECK (qty > 0),
  reason                 TEXT NOT NULL CHECK (reason IN ('damaged', 'defective', 'wrong_item', 'not_as_described', 'unwanted', 'undeliverable', 'other')),
  reason_note            TEXT,
  -- base minor units × 10^4 per unit, when given; else the cost it left with or the average
  unit_cost_e4           INTEGER CHECK (unit_cost_e4 >= 0),
  -- on arrival (from_customer): what became of each unit
  restock_qty            INTEGER CHECK (restock_qty >= 0),
  restock_location_id    TEXT REFERENCES locations(id),
  quarantine_qty         INTEGER CHECK (quarantine_qty >= 0),
  quarantine_location_id TEXT REFERENCES locations(id),
  write_off_qty          INTEGER CHECK (write_off_qty >= 0),
  UNIQUE (return_id, position)
) STRICT;
CREATE INDEX return_lines_product ON return_lines(product_id);

CREATE TABLE return_costs (
  id        TEXT PRIMARY KEY,
  return_id TEXT NOT NULL REFERENCES returns(id),
  position  INTEGER NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('shipping', 'duty', 'fees', 'refund', 'other')),
  label     TEXT,
  amount    INTEGER NOT NULL CHECK (amount >= 0),
  currency  TEXT NOT NULL,
  UNIQUE (return_id, position)
) STRICT;
