-- Crossdock schema 10: shipments. Inbound (supplier → my location, over PO lines), transfers
-- (my location → my location) and outbound parcels (my location → a customer), each with its
-- tracking numbers (checked for format, a mistyped one is kept with its check error), parcels,
-- legs, lines and a timeline of tracking events. The shipment's status is that of its latest
-- event by time; an event heard twice is kept once (UNIQUE on its normalised key). Frozen once
-- applied.

CREATE TABLE shipments (
  id                 TEXT PRIMARY KEY,
  number             TEXT NOT NULL UNIQUE,
  direction          TEXT NOT NULL CHECK (direction IN ('inbound', 'transfer', 'outbound')),
  status             TEXT NOT NULL CHECK (status IN ('created', 'in_transit', 'at_customs', 'customs_held', 'out_for_delivery', 'delivered', 'exception', 'returned')),
  supplier_id        TEXT REFERENCES suppliers(id),
  from_location_id   TEXT REFERENCES locations(id),
  to_location_id     TEXT REFERENCES locations(id),
  customer           TEXT,
  carrier            TEXT,
  service            TEXT,
  incoterm           TEXT CHECK (incoterm IN ('EXW', 'FOB', 'CIF', 'DAP', 'DDP')),
  declared_value     INTEGER CHECK (declared_value >= 0),
  currency           TEXT,
  volumetric_divisor INTEGER NOT NULL CHECK (volumetric_divisor IN (5000, 6000)),
  shipped_on         TEXT,
  eta                TEXT,
  delivered_at       TEXT,
  notes              TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  CHECK (declared_value IS NULL OR currency IS NOT NULL)
) STRICT;
-- the board: by status and arrival, by direction and status
CREATE INDEX shipments_status_eta ON shipments(status, eta);
CREATE INDEX shipments_direction_status ON shipments(direction, status);
CREATE INDEX shipments_eta ON shipments(eta);
CREATE INDEX shipments_supplier ON shipments(supplier_id);

CREATE TABLE shipment_tracking_numbers (
  shipment_id TEXT NOT NULL REFERENCES shipments(id),
  position    INTEGER NOT NULL,
  -- upper case, without spaces or dashes
  number      TEXT NOT NULL UNIQUE,
  format      TEXT,
  check_error TEXT,
  PRIMARY KEY (shipment_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE shipment_parcels (
  id          TEXT PRIMARY KEY,
  shipment_id TEXT NOT NULL REFERENCES shipments(id),
  position    INTEGER NOT NULL,
  weight_g    INTEGER NOT NULL CHECK (weight_g >= 0),
  length_mm   INTEGER CHECK (length_mm >= 0),
  width_mm    INTEGER CHECK (width_mm >= 0),
  height_mm   INTEGER CHECK (height_mm >= 0),
  reference   TEXT,
  UNIQUE (shipment_id, position)
) STRICT;

CREATE TABLE shipment_legs (
  id          TEXT PRIMARY KEY,
  shipment_id TEXT NOT NULL REFERENCES shipments(id),
  position    INTEGER NOT NULL,
  from_place  TEXT NOT NULL,
  to_place    TEXT NOT NULL,
  mode        TEXT NOT NULL CHECK (mode IN ('air', 'sea', 'road', 'rail', 'courier', 'customs')),
  carrier     TEXT,
  eta         TEXT,
  UNIQUE (shipment_id, position)
) STRICT;

CREATE TABLE shipment_lines (
  id          TEXT PRIMARY KEY,
  shipment_id TEXT NOT NULL REFERENCES shipments(id),
  position    INTEGER NOT NULL,
  po_line_id  TEXT REFERENCES purchase_order_lines(id),
  product_id  TEXT NOT NULL REFERENCES products(id),
  qty         INTEGER NOT NULL CHECK (qty > 0),
  UNIQUE (shipment_id, position)
) STRICT;
CREATE INDEX shipment_lines_po_line ON shipment_lines(po_line_id);

CREATE TABLE shipment_events (
  id          TEXT PRIMARY KEY,
  shipment_id TEXT NOT NULL REFERENCES shipments(id),
  at          TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('created', 'in_transit', 'at_customs', 'customs_held', 'out_for_delivery', 'delivered', 'exception', 'returned')),
  place       TEXT,
  text        TEXT,
  source      TEXT NOT NULL CHECK (source IN ('manual', 'csv')),
  -- time, status, place and text, trimmed and lower-cased: the same event heard twice is one
  dedupe_key  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  UNIQUE (shipment_id, dedupe_key)
) STRICT;
CREATE INDEX shipment_events_timeline ON shipment_events(shipment_id, at);
