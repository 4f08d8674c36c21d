import type { Db } from './open';

/** Full SQLite integrity and foreign-key check; returns the problems found (empty = ok). */
export function integrityCheck(db: Db): string[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
  const fk = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const f of fk) problems.push(`row ${f.rowid} of ${f.table} points to a missing ${f.parent}`);
  return problems;
}
