// Backups of the open database with SQLite's online backup API: copied a hundred pages at a time
// (the app keeps working between steps) into a temporary file next to the target, checked (it must
// pass integrity_check and be a Crossdock file), flushed to disk, then renamed into place — so a
// backup that exists is whole, and one cut off (a crash, a full disk) leaves only its temporary file,
// removed. A backup is one self-contained file (rollback journal; the app turns WAL on again when it
// opens one). Names carry the time and why it was made; old ones go by the retention rule.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupsToKeep, DEFAULT_RETENTION, type RetentionRule } from '../common/calc/retention';
import { APPLICATION_ID, type Db } from './open';

export type BackupReason = 'manual' | 'daily' | 'quit' | 'migration' | 'import' | 'restore';

export interface BackupFile {
  name: string;
  file: string;
  /** when it was made (UTC, ISO) */
  at: string;
  reason: string;
  bytes: number;
}

const NAME = /^crossdock-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-([a-z]+)\.sqlite$/;

export function backupName(at: Date, reason: BackupReason): string {
  const iso = at.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `crossdock-${iso.slice(0, 15)}${iso.slice(15, 18)}Z-${reason}.sqlite`;
}

/** A backup file by its name, or null for any other file. */
function describe(dir: string, name: string): BackupFile | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const file = path.join(dir, name);
  return { name, file, at: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`, reason: m[8]!, bytes: fs.statSync(file).size };
}

/** The backups in a folder, newest first (other files are left alone). */
export function listBackups(dir: string): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((name) => describe(dir, name) ?? [])
    .sort((a, b) => (a.at < b.at ? 1 : -1));
}

export class BackupError extends Error {}

/**
 * Backs the database up into `dir`. Resolves with the finished file; rejects with a BackupError
 * saying why (no space, a copy that does not check out) and leaves nothing half written.
 */
export async function backupTo(db: Db, dir: string, opts: { reason: BackupReason; at?: Date; pagesPerStep?: number }): Promise<BackupFile> {
  const name = backupName(opts.at ?? new Date(), opts.reason);
  const file = path.join(dir, name);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    await db.backup(tmp, { progress: () => opts.pagesPerStep ?? 100 });
    const copy = new Database(tmp, { fileMustExist: true });
    try {
      // one self-contained file (the copy inherits the app's WAL mode, which would need its -wal beside it)
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new BackupError(`the copy did not pass its check (${String(check)})`);
      if (copy.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw new BackupError('the copy is not a Crossdock database');
    } finally {
      copy.close();
    }
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
    syncDir(dir);
    return describe(dir, name)!;
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // there was never a file to remove (the folder itself could not be made)
    }
    if (e instanceof BackupError) throw e;
    const code = (e as { code?: string }).code ?? '';
    throw new BackupError(code === 'ENOSPC' || code === 'SQLITE_FULL' ? `there is not enough space in ${dir}` : `it could not be written to ${dir}: ${(e as Error).message}`);
  }
}

/** Deletes the backups in `dir` the retention rule does not keep; returns their names. */
export function pruneBackups(dir: string, rule: RetentionRule = DEFAULT_RETENTION): string[] {
  const all = listBackups(dir);
  const keep = backupsToKeep(all, rule);
  const gone = all.filter((b) => !keep.has(b.name));
  for (const b of gone) fs.rmSync(b.file, { force: true });
  return gone.map((b) => b.name);
}

function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
