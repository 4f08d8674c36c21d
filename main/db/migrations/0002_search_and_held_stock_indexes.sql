-- Crossdock schema 2: two indexes found necessary by the benchmark (test/bench, 100,000 products
-- and 1,000,000 movements). Indexes only: no data changes.
-- Frozen: never edit an applied migration; add a new numbered file instead.

-- One- and two-character searches match the local name anywhere in it (too short for the
-- trigram index). Scanning this narrow index instead of the wide product rows keeps a keystroke
-- fast; products without a local name are left out.
CREATE INDEX products_local_name ON products(local_name) WHERE local_name IS NOT NULL;

-- The stock a location holds: only non-zero balances, with the quantities the filter reads, so
-- counting and paging one location's stock never visits the many balances that went back to zero
-- (most of an in-transit location's) nor the balance rows themselves.
CREATE INDEX balances_location_held ON balances(location_id, product_id, on_hand, reserved)
  WHERE on_hand <> 0 OR reserved <> 0;
