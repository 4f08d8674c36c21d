// The files of the content store in backups. Each backup folder keeps a content store of its own
// (`backups/files/`), shared by every backup in it: stored files never change, so a backup only
// adds the files it does not have yet, and a file stays there while any backup in the folder
// names it. A backup's database is taken first; every file it names is in the app's store then
// (files are only removed when the app opens), so copying the store afterwards makes the pair whole.
import Database from 'better-sqlite3';
import path from 'node:path';
import { listBackups } from './backup';
import type { Db } from './open';
import { allStoredHashes } from './repos/files';
import { FileStore } from './store';

export const backupStoreOf = (backupDir: string) => new FileStore(path.join(backupDir, 'files'));

/** The files a database file names (none for one from before photos and attachments). */
export function hashesIn(file: string, nativeBinding?: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stored_files'").get();
    return has ? (db.prepare('SELECT hash FROM stored_files').all() as { hash: string }[]).map((r) => r.hash) : [];
  } finally {
    db.close();
  }
}

/** Copies the store's files that a backup folder lacks into it. */
export function mirrorFiles(store: FileStore, backupDir: string): number {
  return store.copyTo(backupStoreOf(backupDir), store.list()).copied;
}

/**
 * Removes from a backup folder's store the files no backup left in the folder names. If a backup
 * cannot be read, nothing is removed this time (it may name any of them).
 */
export function pruneBackupFiles(backupDir: string, nativeBinding?: string): number {
  const kept = new Set<string>();
  for (const b of listBackups(backupDir)) {
    try {
      for (const h of hashesIn(b.file, nativeBinding)) kept.add(h);
    } catch {
      return 0;
    }
  }
  const files = backupStoreOf(backupDir);
  let removed = 0;
  for (const h of files.list()) {
    if (!kept.has(h)) {
      files.remove(h);
      removed++;
    }
  }
  return removed;
}

/** After a restore: brings back from the backup's folder the files the restored data names. */
export function restoreFiles(db: Db, store: FileStore, backupDir: string): { copied: number; missing: string[] } {
  return backupStoreOf(backupDir).copyTo(store, allStoredHashes(db));
}
