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
