-- Crossdock schema 17: the column mappings of imported files, saved by name for each kind of import,
-- so next month's file from the same supplier or system is read the same way.
CREATE TABLE import_templates (
  kind       TEXT NOT NULL CHECK (kind IN ('products', 'stock', 'suppliers', 'prices')),
  name       TEXT NOT NULL COLLATE NOCASE,
  -- JSON: each field to the file's column that holds it
  mapping    TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (kind, name)
) STRICT;
