-- Crossdock schema 20: the pinyin initials of a product's Chinese names (面膜补水 → "mmbs"), so a
-- search for "mm" finds it. Filled by the app as products are saved; rows from before this
-- version are filled when the app next opens (NULL: not yet; '': no Chinese to take them from).
ALTER TABLE products ADD COLUMN initials TEXT COLLATE NOCASE;
CREATE INDEX products_initials ON products(initials);
