import type { Db } from '../open';
import { stmt } from './statements';

export interface TemplateRow {
  kind: string;
  name: string;
  mapping: Record<string, string>;
  updatedAt: string;
}

export function listTemplates(db: Db, kind: string | null): TemplateRow[] {
  const rows = (
    kind === null
      ? stmt(db, 'SELECT kind, name, mapping, updated_at FROM import_templates ORDER BY kind, name').all()
      : stmt(db, 'SELECT kind, name, mapping, updated_at FROM import_templates WHERE kind = ? ORDER BY name').all(kind)
  ) as { kind: string; name: string; mapping: string; updated_at: string }[];
  return rows.map((r) => ({ kind: r.kind, name: r.name, mapping: JSON.parse(r.mapping) as Record<string, string>, updatedAt: r.updated_at }));
}

export function saveTemplate(db: Db, t: { kind: string; name: string; mapping: Record<string, string> }, now: string): void {
  stmt(
    db,
    `INSERT INTO import_templates (kind, name, mapping, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kind, name) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
  ).run(t.kind, t.name, JSON.stringify(t.mapping), now, now);
}

export function deleteTemplate(db: Db, kind: string, name: string): boolean {
  return stmt(db, 'DELETE FROM import_templates WHERE kind = ? AND name = ?').run(kind, name).changes > 0;
}
