// Backups of the open database with SQLite's online backup API, in a worker thread (./files.ts):
// copied as the data was when it began (in WAL mode the app goes on writing meanwhile) into a
// temporary file next to the target, checked there too (it must pass integrity_check and be a
// Crossdock file), flushed to disk, then renamed into place — so a backup that exists is whole, and one cut off (a crash, a full disk) leaves at
// most its temporary file, removed by the next backup. A backup is one self-contained file
// (rollback journal; the app turns WAL on again when it opens one). Names carry the time and why it
// was made; old ones go by the retention rule. Restoring copies a checked backup back the same way.
import fs from 'node:fs';
import path from 'node:path';
import { backupsToKeep, DEFAULT_RETENTION, type RetentionRule } from '../common/calc/retention';
import type { Db } from './open';
import { copyDatabase, verifyFile } from './files';

export type BackupReason = 'manual' | 'daily' | 'quit' | 'migration' | 'import' | 'restore';

export interface BackupFile {
  name: string;
  file: string;
  /** when it was made (UTC, ISO) */
  at: string;
  reason: BackupReason;
  bytes: number;
}

export interface BackupOptions {
  reason: BackupReason;
  at?: Date;
  /** pages copied per step (default 1,024: 4 MiB) */
  pagesPerStep?: number;
  /** better-sqlite3 built for another runtime (Electron), for the checking worker */
  nativeBinding?: string;
}

const NAME = /^crossdock-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-(manual|daily|quit|migration|import|restore)\.sqlite$/;
/** a temporary file of a backup under way: `<name>.<pid>.tmp`, and SQLite's journal beside it */
const TMP = /^crossdock-.+\.sqlite\.(\d+)\.tmp(-journal|-wal|-shm)?$/;

/** The folder automatic and command-line backups go to: `backups` next to the data. */
export const defaultBackupDir = (dataFile: string) => path.join(path.dirname(path.resolve(dataFile)), 'backups');

export function backupName(at: Date, reason: BackupReason): string {
  const iso = at.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `crossdock-${iso.slice(0, 15)}${iso.slice(15, 18)}Z-${reason}.sqlite`;
}

/** A backup file by its name, or null for any other file. */
function describe(dir: string, name: string): BackupFile | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const file = path.join(dir, name);
  try {
    const bytes = fs.statSync(file).size;
    return { name, file, at: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`, reason: m[8] as BackupReason, bytes };
  } catch {
    return null; // pruned by another process while we looked
  }
}

/** The backups in a folder, newest first (other files are left alone). */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => describe(dir, name) ?? []).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

export class BackupError extends Error {}

/**
 * Backs the database up into `dir`. Resolves with the finished file; rejects with a BackupError
 * saying why (no space, a copy that does not check out) and leaves nothing half written.
 */
export async function backupTo(db: Db, dir: string, opts: BackupOptions): Promise<BackupFile> {
  const name = backupName(opts.at ?? new Date(), opts.reason);
  return writeChecked(dir, name, opts.nativeBinding, (tmp) =>
    copyDatabase(db.name, tmp, { ...(opts.pagesPerStep ? { pagesPerStep: opts.pagesPerStep } : {}), ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) }),
  );
}

/** Copies a finished backup into another folder (a USB drive, a synced folder), checked the same way. */
export async function copyBackup(b: BackupFile, dir: string, nativeBinding?: string): Promise<BackupFile> {
  return writeChecked(dir, b.name, nativeBinding, (tmp) => fs.promises.copyFile(b.file, tmp));
}

async function writeChecked(dir: string, name: string, nativeBinding: string | undefined, write: (tmp: string) => Promise<void>): Promise<BackupFile> {
  const file = path.join(dir, name);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await fs.promises.mkdir(dir, { recursive: true });
    removeAbandoned(dir);
    await write(tmp);
    const check = await verifyFile(tmp, { full: true, standalone: true, ...(nativeBinding ? { nativeBinding } : {}) });
    if (!check.ok) throw new BackupError(`the copy did not pass its check: ${check.problem}`);
    // flushed and renamed on libuv's threads: a large file's fsync must not stall the app
    const fh = await fs.promises.open(tmp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.promises.rename(tmp, file);
    await syncDir(dir);
    return describe(dir, name)!;
  } catch (e) {
    for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) await fs.promises.rm(f, { force: true }).catch(() => undefined);
    if (e instanceof BackupError) throw e;
    throw new BackupError(writeProblem(e, dir));
  }
}

function writeProblem(e: unknown, dir: string): string {
  const code = (e as { code?: string }).code ?? '';
  if (['ENOSPC', 'EFBIG', 'EDQUOT', 'SQLITE_FULL'].includes(code) || code.startsWith('SQLITE_IOERR')) return `there is not enough space in ${dir}`;
  if (['EACCES', 'EPERM', 'EROFS', 'SQLITE_CANTOPEN', 'SQLITE_READONLY'].includes(code)) return `${dir} cannot be written to`;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `${dir} is not available (a drive that is not connected?)`;
  return `it could not be written to ${dir}: ${(e as Error).message}`;
}

/** Temporary files left by a backup that was cut off (its process is gone). */
function removeAbandoned(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    const m = TMP.exec(name);
    if (m && Number(m[1]) !== process.pid && !processAlive(Number(m[1]))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
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

/**
 * Copies a checked backup over the open database, in one write transaction through SQLite's backup
 * API (the open connection sees the restored data at its next read; a crash half-way leaves the old
 * data). The caller has made sure nothing else writes meanwhile, and migrates the result.
 */
export async function restoreInto(db: Db, backupFile: string, nativeBinding?: string): Promise<void> {
  await copyDatabase(backupFile, db.name, { checkpoint: true, ...(nativeBinding ? { nativeBinding } : {}) });
}

/**
 * Puts a backup in place of a database file that is not open (damaged, or on another computer):
 * the old file and its -wal/-shm are kept beside it as `<file>.replaced-<time>`, and the backup is
 * copied in through a temporary file. Returns where the old file went (null: there was none).
 */
export async function replaceFile(file: string, backupFile: string, at = new Date()): Promise<string | null> {
  const stamp = at.toISOString().replace(/[-:.]/g, '');
  const kept = `${file}.replaced-${stamp}`;
  const tmp = `${file}.${process.pid}.restoring`;
  await fs.promises.copyFile(backupFile, tmp);
  const fh = await fs.promises.open(tmp, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  let moved: string | null = null;
  for (const suffix of ['', '-wal', '-shm']) {
    if (!fs.existsSync(file + suffix)) continue;
    // a stale -wal left beside the new file would be replayed into it
    await fs.promises.rename(file + suffix, kept + suffix);
    if (suffix === '') moved = kept;
  }
  await fs.promises.rename(tmp, file);
  await syncDir(path.dirname(file));
  return moved;
}

async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await fs.promises.open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
