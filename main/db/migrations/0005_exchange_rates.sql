-- Crossdock schema 5: dated exchange rates. One row per currency pair and day: `rate` units of
-- `quote` buy one `base`, as an exact decimal string. ECB reference rates are kept as they are
-- published (base EUR); other pairs are derived through EUR when no direct rate is entered.
-- Frozen once applied.

CREATE TABLE fx_rates (
  base       TEXT NOT NULL,
  quote      TEXT NOT NULL,
  day        TEXT NOT NULL,
  rate       TEXT NOT NULL,
  source     TEXT NOT NULL CHECK (source IN ('ecb', 'csv', 'manual')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (base, quote, day),
  CHECK (base <> quote)
) STRICT, WITHOUT ROWID;
