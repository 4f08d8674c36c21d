-- Crossdock schema 11: how many units a posted landed-cost document covered in stock and how many
-- of them were still on hand, as counted when it was posted (the share of the extra cost that went
-- into stock value follows from these). Frozen once applied.

ALTER TABLE landed_costs ADD COLUMN units INTEGER;
ALTER TABLE landed_costs ADD COLUMN units_on_hand INTEGER;
