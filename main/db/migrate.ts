// Numbered SQL migrations, each in its own transaction and recorded with a SHA-256 checksum.
// A backup of the file is taken before the first pending migration runs, into the backups folder
// (it is listed and restorable like any other backup).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { backupName, defaultBackupDir } from './backup';
import { DbOpenError } from './errors';

type Db = Database.Database;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateReport {
  from: number;
  to: number;
  applied: string[];
  backup: string | null;
}

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function migrationsDir(): string {
  return process.env.CROSSDOCK_MIGRATIONS ?? fileURLToPath(new URL('./migrations', import.meta.url));
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  const list = fs
    .readdirSync(dir)
    .filter((f) => FILE.test(f))
    .sort()
    .map((f) => {
      const m = FILE.exec(f)!;
      const sql = fs.readFileSync(path.join(dir, f), 'utf8');
      return { version: Number(m[1]), name: f, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} is out of sequence (expected ${i + 1})`);
  });
  return list;
}

/** `backupDir` null: no backup first (the caller has just made one, as a restore does). */
export function migrate(db: Db, file: string, migrations = loadMigrations(), backupDir: string | null = defaultBackupDir(file)): MigrateReport {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied = db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as {
    version: number;
    name: string;
    checksum: string;
  }[];
  const latest = migrations.length;
  const current = applied.length ? applied[applied.length - 1]!.version : 0;
  if (current > latest) {
    throw new DbOpenError(
      `This data was written by a newer version of Crossdock (schema ${current}; this app knows ${latest}). Update Crossdock to open it. Nothing was changed.`,
      'newer',
    );
  }
  for (const a of applied) {
    const m = migrations[a.version - 1];
    if (!m || m.checksum !== a.checksum) {
      throw new DbOpenError(`Migration ${a.name} differs from the one applied to this database (checksum mismatch).`, 'checksum');
    }
  }
  const pending = migrations.slice(current);
  const report: MigrateReport = { from: current, to: current, applied: [], backup: null };
  if (!pending.length) return report;

  if (current > 0 && file !== ':memory:' && backupDir) report.backup = backupBeforeMigrating(db, backupDir);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, m.checksum, new Date().toISOString());
    }).immediate();
    report.applied.push(m.name);
    report.to = m.version;
  }
  db.pragma(`user_version = ${report.to}`);
  return report;
}

/**
 * A consistent, compact copy made synchronously before anything changes (VACUUM INTO), written to
 * a temporary name and renamed, so a copy cut off by a crash is never taken for a backup.
 */
function backupBeforeMigrating(db: Db, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, backupName(new Date(), 'migration'));
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    db.exec(`VACUUM INTO '${tmp.replace(/'/g, "''")}'`);
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new DbOpenError(`Crossdock needs to upgrade this data and backs it up first, but the backup could not be written to ${dir} (${(e as Error).message}). Nothing was changed.`, 'io');
  }
  return file;
}
