import type { Db } from '../open';
import type { Location } from '../../common/api/types';
import { stmt } from './statements';

const COLS = 'id, code, name, kind, country, allow_negative, notes, status, created_at, updated_at';

function toLocation(r: Record<string, unknown>): Location {
  return {
    id: r.id as string,
    code: r.code as string,
    name: r.name as string,
    kind: r.kind as Location['kind'],
    country: (r.country as string | null) ?? null,
    allowNegative: r.allow_negative === 1,
    notes: (r.notes as string | null) ?? null,
    status: r.status as Location['status'],
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
}

export function getLocation(db: Db, id: string): Location | null {
  const r = stmt(db, `SELECT ${COLS} FROM locations WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  return r ? toLocation(r) : null;
}

/** Just what posting a movement checks. */
export function locationForPosting(db: Db, id: string): { code: string; status: string; allowNegative: boolean } | null {
  const r = stmt(db, 'SELECT code, status, allow_negative AS allowNegative FROM locations WHERE id = ?').get(id) as { code: string; status: string; allowNegative: number } | undefined;
  return r ? { ...r, allowNegative: r.allowNegative === 1 } : null;
}

export function findLocationByCode(db: Db, code: string): Location | null {
  const r = stmt(db, `SELECT ${COLS} FROM locations WHERE code = ? COLLATE NOCASE`).get(code) as Record<string, unknown> | undefined;
  return r ? toLocation(r) : null;
}

export function listLocations(db: Db, includeArchived: boolean): Location[] {
  const sql = `SELECT ${COLS} FROM locations ${includeArchived ? '' : "WHERE status = 'active'"} ORDER BY code`;
  return stmt(db, sql).all().map((r) => toLocation(r as Record<string, unknown>));
}

export function insertLocation(db: Db, l: Location): void {
  stmt(
    db,
    `INSERT INTO locations (${COLS}) VALUES (@id, @code, @name, @kind, @country, @allowNegative, @notes, @status, @createdAt, @updatedAt)`,
  ).run({ ...l, allowNegative: l.allowNegative ? 1 : 0 });
}

export function updateLocation(db: Db, l: Location): void {
  stmt(
    db,
    `UPDATE locations SET code = @code, name = @name, kind = @kind, country = @country, allow_negative = @allowNegative,
       notes = @notes, status = @status, updated_at = @updatedAt WHERE id = @id`,
  ).run({ ...l, allowNegative: l.allowNegative ? 1 : 0 });
}

export function locationUnits(db: Db, id: string): number {
  return (stmt(db, 'SELECT coalesce(sum(abs(on_hand)), 0) AS n FROM balances WHERE location_id = ?').get(id) as { n: number }).n;
}
