import type { Db } from '../open';
import { stmt } from './statements';

export function getSettings(db: Db): Record<string, string> {
  const rows = stmt(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export function getSetting(db: Db, key: string): string | null {
  return (stmt(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
}

export function putSetting(db: Db, key: string, value: string, now: string): void {
  stmt(
    db,
    `INSERT INTO settings (key, value, created_at, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, value, now, now);
}

export function deleteSetting(db: Db, key: string): void {
  stmt(db, 'DELETE FROM settings WHERE key = ?').run(key);
}
