// The full export: every table of the database as a CSV file in a folder, with manifest.json
// describing them (docs/export.md), and the import of such a folder into a new data file that holds
// exactly the same data. Generic over the schema: the tables are read from the database itself, so
// each feature's tables join as they land. Left out: SQLite's own tables, the search index (rebuilt
// as products are inserted), the migration log (a new file gets its own) and API keys (never
// exported: they are re-entered after an import).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readCsv, writeCsv, type Cell } from '../common/table-csv';
import { DbOpenError } from './errors';
import { loadMigrations, migrate } from './migrate';
import { APPLICATION_ID } from './format';
import { openDatabase, type Db } from './open';
import { allStoredHashes } from './repos/files';
import { FileStore, storeDirFor } from './store';

const EXPORT_FORMAT = 'crossdock-export';
const EXPORT_VERSION = 1;

/** Columns whose values never leave the computer (table → columns, exported as empty). */
const SECRET_COLUMNS: Record<string, string[]> = { supplier_connections: ['secret'] };
const SKIPPED_TABLES = new Set(['schema_migrations', 'sqlite_sequence']);

export interface ManifestTable {
  name: string;
  file: string;
  rows: number;
  columns: string[];
  /** `_rowid` is the first column: the table's own row ids, kept (a table whose key is an INTEGER PRIMARY KEY has them in that column) */
  rowid: boolean;
  sha256: string;
}

export interface Manifest {
  format: typeof EXPORT_FORMAT;
  version: number;
  /** the last migration applied to the exported data */
  schema: number;
  exportedAt: string;
  tables: ManifestTable[];
  /** AUTOINCREMENT counters (table → last value), so new rows continue the numbering */
  sequences: Record<string, number>;
  /** what was left out on purpose */
  withheld: string[];
  /** photos and attachments the data names that were not in the store when it was exported */
  missingFiles?: string[];
}

interface TableInfo {
  name: string;
  columns: string[];
  rowid: boolean;
}

function tables(db: Db): TableInfo[] {
  const all = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; sql: string }[];
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  return all
    .filter((t) => !SKIPPED_TABLES.has(t.name) && !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)))
    .map((t) => {
      const cols = db.prepare(`SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid`).all(t.name) as { name: string; type: string; pk: number }[];
      // an INTEGER PRIMARY KEY column is the row id itself; otherwise a rowid table's ids are kept in `_rowid`
      const aliased = cols.filter((c) => c.pk > 0).length === 1 && cols.some((c) => c.pk === 1 && c.type.toUpperCase() === 'INTEGER');
      return { name: t.name, columns: cols.map((c) => c.name), rowid: !aliased && !/WITHOUT\s+ROWID\s*;?\s*$/i.test(t.sql.trim()) };
    });
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Writes the full export of `db` into `dir` (which must be empty or not exist). Reads in one transaction: a consistent picture. */
export function exportAll(db: Db, dir: string, at = new Date(), store?: FileStore): Manifest {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length) throw new Error(`${dir} is not empty: choose a new folder for the export`);
  fs.mkdirSync(dir, { recursive: true });
  return db.transaction(() => {
    const schema = (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
    const list: ManifestTable[] = [];
    for (const t of tables(db)) {
      const secret = SECRET_COLUMNS[t.name] ?? [];
      const select = [...(t.rowid ? ['rowid'] : []), ...t.columns.map((c) => (secret.includes(c) ? `NULL AS ${quote(c)}` : quote(c)))].join(', ');
      const rows = db.prepare(`SELECT ${select} FROM ${quote(t.name)} ORDER BY ${t.rowid ? 'rowid' : '1'}`).raw().all() as Cell[][];
      const header = [...(t.rowid ? ['_rowid'] : []), ...t.columns];
      const text = writeCsv(header, rows);
      const file = `${t.name}.csv`;
      fs.writeFileSync(path.join(dir, file), text);
      list.push({ name: t.name, file, rows: rows.length, columns: t.columns, rowid: t.rowid, sha256: sha256(text) });
    }
    const hasSequences = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_sequence'").get();
    const sequences = hasSequences ? Object.fromEntries((db.prepare('SELECT name, seq FROM sqlite_sequence ORDER BY name').all() as { name: string; seq: number }[]).map((s) => [s.name, s.seq])) : {};
    const manifest: Manifest = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      schema,
      exportedAt: at.toISOString(),
      tables: list,
      sequences,
      withheld: Object.entries(SECRET_COLUMNS).map(([t, cs]) => cs.map((c) => `${t}.${c}`)).flat(),
    };
    // the photos and attachments, in a content store of the export's own (files/ab/<sha256>)
    if (store) {
      const { missing } = store.copyTo(new FileStore(path.join(dir, 'files')), allStoredHashes(db));
      if (missing.length) manifest.missingFiles = missing;
    }
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    return manifest;
  }).deferred();
}

export class ImportAllError extends Error {}

/**
 * Makes a new data file `file` from a full export in `dir`: the schema the export was made at, its
 * rows in one transaction (foreign keys checked at the end), then the migrations since. Refuses an
 * existing file, a folder that is not a Crossdock export, a file changed since it was exported
 * (its checksum) or rows that do not fit; on any failure the new file is removed.
 */
export function importAll(dir: string, file: string): { manifest: Manifest; rows: number; files: { missing: string[] } } {
  const manifest = readManifest(dir);
  const migrations = loadMigrations();
  if (manifest.schema > migrations.length) throw new ImportAllError(`The export was made by a newer version of Crossdock (schema ${manifest.schema}). Update Crossdock to import it.`);
  if (fs.existsSync(file)) throw new ImportAllError(`${file} already exists: a full export is imported into a new data file`);
  let rows = 0;
  let files = { missing: [] as string[] };
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // the schema the rows were written for
    const created = openDatabase(file, { migrate: false });
    const db = created.db;
    try {
      db.pragma(`application_id = ${APPLICATION_ID}`);
      migrate(db, file, migrations.slice(0, manifest.schema), null);
      db.transaction(() => {
        db.pragma('defer_foreign_keys = ON');
        for (const t of manifest.tables) rows += loadTable(db, dir, t);
        for (const [name, seq] of Object.entries(manifest.sequences)) {
          db.prepare('UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?').run(seq, name);
        }
      }).immediate();
      // and brought up to this version
      migrate(db, file, migrations, null);
      const fk = db.pragma('foreign_key_check') as unknown[];
      if (fk.length) throw new ImportAllError(`${fk.length} row(s) point to records missing from the export`);
      const { missing } = new FileStore(path.join(dir, 'files')).copyTo(new FileStore(storeDirFor(file)), allStoredHashes(db));
      files = { missing };
    } finally {
      db.close();
    }
    return { manifest, rows, files };
  } catch (e) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    if (e instanceof ImportAllError || e instanceof DbOpenError) throw e;
    throw new ImportAllError((e as Error).message);
  }
}

function readManifest(dir: string): Manifest {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch (e) {
    throw new ImportAllError(`${dir} is not a Crossdock export (manifest.json: ${(e as Error).message})`);
  }
  if (manifest.format !== EXPORT_FORMAT || !Array.isArray(manifest.tables)) throw new ImportAllError(`${dir} is not a Crossdock export (manifest.json has no "format": "${EXPORT_FORMAT}")`);
  if (manifest.version > EXPORT_VERSION) throw new ImportAllError(`The export's format (version ${manifest.version}) is newer than this Crossdock reads`);
  return manifest;
}

function loadTable(db: Db, dir: string, t: ManifestTable): number {
  if (!/^[a-z0-9_]+$/.test(t.name) || t.file !== `${t.name}.csv`) throw new ImportAllError(`manifest.json: table "${t.name}" is not a table name`);
  const existing = new Set((db.prepare('SELECT name FROM pragma_table_info(?)').all(t.name) as { name: string }[]).map((c) => c.name));
  if (!existing.size) throw new ImportAllError(`${t.file}: this version of Crossdock has no table ${t.name}`);
  const missing = t.columns.filter((c) => !existing.has(c));
  if (missing.length) throw new ImportAllError(`${t.file}: unknown column(s) ${missing.join(', ')}`);
  const text = fs.readFileSync(path.join(dir, t.file), 'utf8');
  if (sha256(text) !== t.sha256) throw new ImportAllError(`${t.file} was changed after it was exported (its checksum differs); nothing was imported`);
  let parsed: { header: string[]; rows: Cell[][] };
  try {
    parsed = readCsv(text);
  } catch (e) {
    throw new ImportAllError(`${t.file}: ${(e as Error).message}`);
  }
  const header = [...(t.rowid ? ['_rowid'] : []), ...t.columns];
  if (parsed.header.join(',') !== header.join(',')) throw new ImportAllError(`${t.file}: the header does not match manifest.json`);
  const cols = [...(t.rowid ? ['rowid'] : []), ...t.columns];
  const insert = db.prepare(`INSERT INTO ${quote(t.name)} (${cols.map(quote).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  parsed.rows.forEach((row, i) => {
    if (row.length !== cols.length) throw new ImportAllError(`${t.file} row ${i + 1}: ${row.length} cells, expected ${cols.length}`);
    try {
      insert.run(row);
    } catch (e) {
      throw new ImportAllError(`${t.file} row ${i + 1}: ${(e as Error).message}`);
    }
  });
  return parsed.rows.length;
}
