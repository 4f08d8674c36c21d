-- Crossdock schema 19: product photos and document attachments. The bytes live in the content
-- store (`files/` beside the data, named by their SHA-256); these tables say what each file is and
-- which records use it. A file no record uses is removed when the app next starts.

CREATE TABLE stored_files (
  hash        TEXT PRIMARY KEY CHECK (length(hash) = 64),
  bytes       INTEGER NOT NULL CHECK (bytes >= 0),
  -- what the bytes are, sniffed from them (never from a name)
  mime        TEXT NOT NULL,
  width       INTEGER,
  height      INTEGER,
  -- a photo's thumbnail, itself a stored file
  thumb_hash  TEXT REFERENCES stored_files(hash),
  -- the SHA-256 of the bytes as they were added (a photo is re-encoded): the same upload twice is one file
  source_hash TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX stored_files_source ON stored_files(source_hash);
CREATE INDEX stored_files_thumb ON stored_files(thumb_hash);

-- A product's photos in order: the first is its primary photo.
CREATE TABLE product_photos (
  id         TEXT PRIMARY KEY,
  product_id TEXT NOT NULL REFERENCES products(id),
  hash       TEXT NOT NULL REFERENCES stored_files(hash),
  position   INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX product_photos_product ON product_photos(product_id, position);
CREATE INDEX product_photos_hash ON product_photos(hash);

-- A document's paper trail: the supplier's invoice, the customs entry, a photo of a damaged carton.
CREATE TABLE attachments (
  id          TEXT PRIMARY KEY,
  owner_type  TEXT NOT NULL CHECK (owner_type IN ('supplier', 'purchase_order', 'receipt', 'landed_cost', 'shipment', 'return', 'sales_order')),
  owner_id    TEXT NOT NULL,
  hash        TEXT NOT NULL REFERENCES stored_files(hash),
  -- the name it came with: shown and offered on download, never used as a path
  file_name   TEXT NOT NULL,
  note        TEXT,
  attached_on TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX attachments_owner ON attachments(owner_type, owner_id, created_at);
CREATE INDEX attachments_hash ON attachments(hash);
