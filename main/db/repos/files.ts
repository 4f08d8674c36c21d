import type { Db } from '../open';
import type { FileStore } from '../store';
import type { Attachment, AttachmentOwner } from '../../common/api/files-types';
import { stmt } from './statements';

export interface StoredFile {
  hash: string;
  bytes: number;
  mime: string;
  width: number | null;
  height: number | null;
  thumbHash: string | null;
  sourceHash: string | null;
}

const FILE = 'SELECT hash, bytes, mime, width, height, thumb_hash AS thumbHash, source_hash AS sourceHash FROM stored_files';

export function storedFile(db: Db, hash: string): StoredFile | null {
  return (stmt(db, `${FILE} WHERE hash = ?`).get(hash) as StoredFile | undefined) ?? null;
}

/** A photo made before from the same uploaded bytes (a photo added twice is stored once). */
export function photoFromSource(db: Db, sourceHash: string): StoredFile | null {
  return (stmt(db, `${FILE} WHERE source_hash = ? AND thumb_hash IS NOT NULL LIMIT 1`).get(sourceHash) as StoredFile | undefined) ?? null;
}

export function saveStoredFile(db: Db, f: StoredFile, now: string): void {
  stmt(
    db,
    `INSERT INTO stored_files (hash, bytes, mime, width, height, thumb_hash, source_hash, created_at, updated_at)
     VALUES (@hash, @bytes, @mime, @width, @height, @thumbHash, @sourceHash, @now, @now) ON CONFLICT (hash) DO NOTHING`,
  ).run({ ...f, now });
}

export interface PhotoRow extends StoredFile {
  id: string;
  productId: string;
  position: number;
  createdAt: string;
}

const PHOTO = `SELECT ph.id, ph.product_id AS productId, ph.position, ph.created_at AS createdAt, f.hash, f.bytes, f.mime, f.width, f.height,
    f.thumb_hash AS thumbHash, f.source_hash AS sourceHash
  FROM product_photos ph JOIN stored_files f ON f.hash = ph.hash`;

export function photosOf(db: Db, productId: string): PhotoRow[] {
  return stmt(db, `${PHOTO} WHERE ph.product_id = ? ORDER BY ph.position, ph.created_at`).all(productId) as PhotoRow[];
}

export function photo(db: Db, id: string): PhotoRow | null {
  return (stmt(db, `${PHOTO} WHERE ph.id = ?`).get(id) as PhotoRow | undefined) ?? null;
}

/** The primary photo's thumbnail hash of each product given that has one. */
export function primaryThumbs(db: Db, productIds: string[]): { productId: string; thumbHash: string }[] {
  if (!productIds.length) return [];
  return stmt(
    db,
    `SELECT ph.product_id AS productId, f.thumb_hash AS thumbHash FROM product_photos ph JOIN stored_files f ON f.hash = ph.hash
     WHERE ph.position = 0 AND f.thumb_hash IS NOT NULL AND ph.product_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(productIds)) as { productId: string; thumbHash: string }[];
}

export function insertPhoto(db: Db, p: { id: string; productId: string; hash: string; position: number }, now: string): void {
  stmt(db, 'INSERT INTO product_photos (id, product_id, hash, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(p.id, p.productId, p.hash, p.position, now, now);
}

export function setPhotoPosition(db: Db, id: string, position: number, now: string): void {
  stmt(db, 'UPDATE product_photos SET position = ?, updated_at = ? WHERE id = ?').run(position, now, id);
}

export function deletePhoto(db: Db, id: string): void {
  stmt(db, 'DELETE FROM product_photos WHERE id = ?').run(id);
}

const ATTACHMENT = `SELECT a.id, a.owner_type AS ownerType, a.owner_id AS ownerId, a.file_name AS fileName, a.note, a.attached_on AS attachedOn,
    f.bytes, f.mime, a.created_by AS createdBy, a.created_at AS createdAt, a.hash
  FROM attachments a JOIN stored_files f ON f.hash = a.hash`;

export function attachmentsOf(db: Db, ownerType: AttachmentOwner, ownerId: string): Attachment[] {
  return (stmt(db, `${ATTACHMENT} WHERE a.owner_type = ? AND a.owner_id = ? ORDER BY a.attached_on DESC, a.created_at DESC`).all(ownerType, ownerId) as (Attachment & { hash: string })[]).map(
    ({ hash: _h, ...a }) => a,
  );
}

export function attachment(db: Db, id: string): (Attachment & { hash: string }) | null {
  return (stmt(db, `${ATTACHMENT} WHERE a.id = ?`).get(id) as (Attachment & { hash: string }) | undefined) ?? null;
}

export function insertAttachment(db: Db, a: { id: string; ownerType: AttachmentOwner; ownerId: string; hash: string; fileName: string; note: string | null; attachedOn: string; createdBy: string }, now: string): void {
  stmt(
    db,
    `INSERT INTO attachments (id, owner_type, owner_id, hash, file_name, note, attached_on, created_by, created_at, updated_at)
     VALUES (@id, @ownerType, @ownerId, @hash, @fileName, @note, @attachedOn, @createdBy, @now, @now)`,
  ).run({ ...a, now });
}

export function updateAttachment(db: Db, id: string, a: { note: string | null; attachedOn: string }, now: string): void {
  stmt(db, 'UPDATE attachments SET note = ?, attached_on = ?, updated_at = ? WHERE id = ?').run(a.note, a.attachedOn, now, id);
}

export function deleteAttachment(db: Db, id: string): void {
  stmt(db, 'DELETE FROM attachments WHERE id = ?').run(id);
}

const OWNER_TABLE: Record<AttachmentOwner, string> = {
  supplier: 'suppliers',
  purchase_order: 'purchase_orders',
  receipt: 'receipts',
  landed_cost: 'landed_costs',
  shipment: 'shipments',
  return: 'returns',
  sales_order: 'sales_orders',
};

export function ownerExists(db: Db, type: AttachmentOwner, id: string): boolean {
  return stmt(db, `SELECT 1 FROM ${OWNER_TABLE[type]} WHERE id = ?`).get(id) !== undefined;
}

/** Every stored file a record uses: photos, attachments, and the thumbnails of those. */
export function referencedHashes(db: Db): Set<string> {
  const rows = stmt(
    db,
    `WITH used(hash) AS (SELECT hash FROM product_photos UNION SELECT hash FROM attachments)
     SELECT hash FROM used UNION SELECT f.thumb_hash FROM stored_files f JOIN used u ON u.hash = f.hash WHERE f.thumb_hash IS NOT NULL`,
  ).all() as { hash: string }[];
  return new Set(rows.map((r) => r.hash));
}

export function allStoredHashes(db: Db): string[] {
  return (stmt(db, 'SELECT hash FROM stored_files').all() as { hash: string }[]).map((r) => r.hash);
}

/**
 * Removes the files no record uses any more (a photo or attachment deleted, or a file written for
 * a call that then failed): their rows, then their bytes. Run when the app opens, before any call.
 */
export function sweepStore(db: Db, store: FileStore): { removed: number } {
  const used = referencedHashes(db);
  const unused = allStoredHashes(db).filter((h) => !used.has(h));
  if (unused.length) {
    const del = stmt(db, 'DELETE FROM stored_files WHERE hash = ?');
    // thumbnails point at their own rows: clear those links first
    db.transaction(() => {
      const clear = stmt(db, 'UPDATE stored_files SET thumb_hash = NULL WHERE hash = ?');
      for (const h of unused) clear.run(h);
      for (const h of unused) del.run(h);
    }).immediate();
  }
  const known = new Set(allStoredHashes(db));
  let removed = store.removeAbandonedTemp();
  for (const h of store.list()) {
    if (!known.has(h)) {
      store.remove(h);
      removed++;
    }
  }
  return { removed };
}

export interface StoreCheck {
  files: number;
  /** files a record names that are not in the store */
  missing: { hash: string; usedBy: string }[];
  /** files whose bytes no longer match their hash (damaged on disk) */
  damaged: { hash: string; usedBy: string }[];
  /** files in the store no record uses (removed when the app next opens) */
  orphaned: string[];
}

/** What uses a file, in words: "photo of LAMP-1", "attachment invoice.pdf (supplier …)". */
function usersOf(db: Db, hash: string): string {
  const photos = stmt(db, 'SELECT p.sku FROM product_photos ph JOIN products p ON p.id = ph.product_id WHERE ph.hash = ? OR ph.hash IN (SELECT hash FROM stored_files WHERE thumb_hash = ?)').all(hash, hash) as { sku: string }[];
  const docs = stmt(db, 'SELECT file_name AS name, owner_type AS type, owner_id AS id FROM attachments WHERE hash = ?').all(hash) as { name: string; type: string; id: string }[];
  return [...photos.map((p) => `photo of ${p.sku}`), ...docs.map((d) => `attachment ${d.name} (${d.type} ${d.id})`)].join(', ') || 'no record';
}

/** Every file the data names against the store: missing, damaged, and files nothing names. */
export function checkStore(db: Db, store: FileStore): StoreCheck {
  const named = allStoredHashes(db);
  const known = new Set(named);
  const used = referencedHashes(db);
  const out: StoreCheck = { files: named.length, missing: [], damaged: [], orphaned: [] };
  for (const h of named) {
    if (!store.has(h)) out.missing.push({ hash: h, usedBy: usersOf(db, h) });
    else if (!store.intact(h)) out.damaged.push({ hash: h, usedBy: usersOf(db, h) });
    else if (!used.has(h)) out.orphaned.push(h);
  }
  for (const h of store.list()) if (!known.has(h)) out.orphaned.push(h);
  return out;
}
