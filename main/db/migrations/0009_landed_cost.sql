-- Crossdock schema 9: landed cost. Documents attach charges, duty and taxes to one or more
-- receipts; posting stores the exact engine input and result beside the per-line outcome, so a
-- past unit cost can always be explained. Customs profiles ship with the app; this file keeps
-- only the user's own profiles and edited versions. Frozen once applied.

CREATE TABLE customs_profiles (
  code       TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  body       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (code, valid_from)
) STRICT, WITHOUT ROWID;

CREATE TABLE product_duty_rates (
  product_id   TEXT NOT NULL REFERENCES products(id),
  profile_code TEXT NOT NULL,
  duty_rate    TEXT NOT NULL,
  excise_rate  TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (product_id, profile_code)
) STRICT, WITHOUT ROWID;

CREATE TABLE landed_calculations (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  input      TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX landed_calculations_updated ON landed_calculations(updated_at);

CREATE TABLE landed_costs (
  id          TEXT PRIMARY KEY,
  number      TEXT NOT NULL UNIQUE,
  status      TEXT NOT NULL CHECK (status IN ('draft', 'posted', 'cancelled')),
  doc_date    TEXT NOT NULL,
  currency    TEXT NOT NULL,
  customs     TEXT,
  notes       TEXT,
  reverses_id TEXT REFERENCES landed_costs(id),
  input       TEXT,
  result      TEXT,
  extra       INTEGER,
  capitalised INTEGER,
  expensed    INTEGER,
  posted_at   TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX landed_costs_status ON landed_costs(status, doc_date);
CREATE INDEX landed_costs_reverses ON landed_costs(reverses_id);

CREATE TABLE landed_cost_receipts (
  doc_id     TEXT NOT NULL REFERENCES landed_costs(id),
  receipt_id TEXT NOT NULL REFERENCES receipts(id),
  PRIMARY KEY (doc_id, receipt_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX landed_cost_receipts_receipt ON landed_cost_receipts(receipt_id);

CREATE TABLE landed_cost_charges (
  id               TEXT PRIMARY KEY,
  doc_id           TEXT NOT NULL REFERENCES landed_costs(id),
  position         INTEGER NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('freight', 'insurance', 'brokerage', 'bank', 'duty', 'tax', 'other')),
  label            TEXT,
  amount           INTEGER NOT NULL CHECK (amount >= 0),
  currency         TEXT NOT NULL,
  fx_rate          TEXT NOT NULL,
  fx_day           TEXT NOT NULL,
  fx_source        TEXT NOT NULL,
  split            TEXT NOT NULL CHECK (split IN ('value', 'quantity', 'weight', 'volume', 'equal', 'manual')),
  manual           TEXT,
  in_customs_value INTEGER NOT NULL,
  in_vat_base      INTEGER NOT NULL,
  supplier_id      TEXT REFERENCES suppliers(id),
  reference        TEXT,
  created_at       TEXT NOT NULL
) STRICT;
CREATE INDEX landed_cost_charges_doc ON landed_cost_charges(doc_id, position);

-- One row per receipt line of the document: the user's rate overrides, then what posting did.
CREATE TABLE landed_cost_lines (
  doc_id          TEXT NOT NULL REFERENCES landed_costs(id),
  receipt_line_id TEXT NOT NULL REFERENCES receipt_lines(id),
  hs_code         TEXT,
  duty_rate       TEXT,
  excise_rate     TEXT,
  goods           INTEGER,
  extra           INTEGER,
  capitalised     INTEGER,
  expensed        INTEGER,
  PRIMARY KEY (doc_id, receipt_line_id)
) STRICT, WITHOUT ROWID;
