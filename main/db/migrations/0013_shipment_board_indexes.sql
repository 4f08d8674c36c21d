-- Crossdock schema 13: the shipments board's sort (late first, then by ETA, then by number) read
-- from an index instead of the shipments' rows. The board picks a page's shipments on these
-- columns alone and only then looks up their names, tracking numbers and last event, so a page of
-- 200 out of 20,000 shipments (and a page at offset 10,000) reads this index, not the table.
-- Found by the shipments benchmark (test/bench/shipments.ts: 20,000 shipments, 500,000 tracking
-- events). Frozen once applied.

-- covering for the page's sort and for the late filter (ETA before today, not delivered/returned)
CREATE INDEX shipments_board ON shipments(eta, status, number);

-- the ETA index of schema 10 is a prefix of this one
DROP INDEX shipments_eta;
