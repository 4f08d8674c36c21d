// Prepared statements are compiled once per connection and reused.
import type Database from 'better-sqlite3';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function stmt(db: Database.Database, sql: string): Database.Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

/** Escapes a user's text for an FTS5 phrase query. */
export function ftsPhrase(q: string): string {
  return `"${q.replace(/"/g, '""')}"`;
}

/** Escapes LIKE wildcards so a user's % or _ is matched literally (with ESCAPE '\\'). */
export function likePrefix(q: string): string {
  return q.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

/**
 * What a user typed into a search box, as a condition on products aliased `p`: from 3
 * characters a trigram-index substring match on SKU, names, barcode and brand; shorter text
 * matches the start of the SKU or name, or anywhere in the local name — a union of three index
 * searches, since SQLite can answer the equivalent OR only by reading every row.
 */
export function productTextFilter(text: string): { sql: string; params: unknown[] } {
  // letters alone may be the pinyin initials of a Chinese name ("mm" for 面膜): the start of them
  const initials = /^[a-z0-9]{2,20}$/i.test(text) ? { sql: ' UNION ALL SELECT rowid FROM products WHERE initials LIKE ?', params: [`${text.toLowerCase()}%`] } : { sql: '', params: [] };
  if ([...text].length >= 3) {
    return { sql: `p.rowid IN (SELECT rowid FROM products_fts WHERE products_fts MATCH ?${initials.sql})`, params: [ftsPhrase(text), ...initials.params] };
  }
  const like = likePrefix(text);
  return {
    sql: `p.rowid IN (SELECT rowid FROM products WHERE sku LIKE ? ESCAPE '\\'
      UNION ALL SELECT rowid FROM products WHERE name LIKE ? ESCAPE '\\'
      UNION ALL SELECT rowid FROM products WHERE local_name IS NOT NULL AND local_name LIKE ? ESCAPE '\\'${initials.sql})`,
    params: [like, like, '%' + like, ...initials.params],
  };
}
