import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../common/api/errors';
import { backupTo, BackupError, defaultBackupDir, pruneBackups, replaceFile } from '../db/backup';
import { mirrorFiles, pruneBackupFiles, restoreFiles } from '../db/backup-files';
import { FileStore, storeDirFor } from '../db/store';
import { DbOpenError } from '../db/errors';
import type { Db } from '../db/open';
import { restorable } from '../db/restorable';
import { openApp, type App } from '../server/app';
import type { CliIo } from './index';

/** `backup [--to DIR]`: a checked copy of the database; into the default folder, old ones pruned by the retention rule. */
export async function backupCommand(db: Db, dataFile: string, io: CliIo, to: string | undefined): Promise<number> {
  const dir = to ? path.resolve(to) : defaultBackupDir(dataFile);
  const t = performance.now();
  try {
    const b = await backupTo(db, dir, { reason: 'manual' });
    // the photos and attachments beside it, in the folder's own content store
    mirrorFiles(new FileStore(storeDirFor(dataFile)), dir);
    io.out(`Backed up to ${b.file} (${(b.bytes / 1024 / 1024).toFixed(1)} MB, checked) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    if (!to) {
      const gone = pruneBackups(dir);
      pruneBackupFiles(dir);
      if (gone.length) io.out(`Removed ${gone.length} older backup${gone.length === 1 ? '' : 's'} (kept: all of the last day, then one a day for 7 days, a week for 4 weeks, a month for 12 months)`);
    }
    return 0;
  } catch (e) {
    io.err(`The backup failed: ${e instanceof BackupError ? e.message : (e as Error).message}. Nothing else changed.`);
    return 1;
  }
}

/**
 * `restore FILE`: puts a backup's data in place of the current data. Refused while the app is open
 * on it. The current data is backed up first; a damaged data file that cannot be opened is kept
 * beside the restored one instead. A backup from an older version is upgraded.
 */
export async function restoreCommand(dataFile: string, backup: string | undefined, io: CliIo): Promise<number> {
  if (!backup) {
    io.err('Which backup? Usage: restore FILE (see the backups folder next to your data)');
    return 1;
  }
  const source = path.resolve(backup);
  if (!fs.existsSync(source)) {
    io.err(`${source} does not exist`);
    return 1;
  }
  let app: App;
  try {
    app = openApp(dataFile, { exclusive: true });
  } catch (e) {
    if (!(e instanceof DbOpenError) || !['corrupt', 'foreign', 'checksum'].includes(e.reason)) {
      io.err(e instanceof Error ? e.message : String(e));
      return 2;
    }
    return replaceDamaged(dataFile, source, e.message, io);
  }
  try {
    const r = await app.backups.restoreFile(source);
    io.out(`Restored ${source} into ${dataFile}.`);
    io.out(`Your data as it was just before is kept as ${path.join(defaultBackupDir(dataFile), r.safetyBackup.name)}.`);
    if (r.upgradedFrom !== null) io.out(`The backup was from an older version of Crossdock (schema ${r.upgradedFrom}) and has been upgraded.`);
    return 0;
  } catch (e) {
    io.err(e instanceof ApiError ? e.message : `The restore failed: ${(e as Error).message}. Your data is as it was.`);
    return 1;
  } finally {
    app.close();
  }
}

async function replaceDamaged(dataFile: string, source: string, why: string, io: CliIo): Promise<number> {
  const check = await restorable(source, { full: true });
  if (check.problem) {
    io.err(`${path.basename(source)} cannot be restored: ${check.problem}. Nothing was changed.`);
    return 1;
  }
  io.out(`The current data cannot be opened (${why})`);
  const kept = await replaceFile(dataFile, source);
  // opened once to bring an older backup up to this version, and checked
  try {
    const app = openApp(dataFile);
    try {
      const { missing } = restoreFiles(app.db, new FileStore(storeDirFor(dataFile)), path.dirname(path.resolve(source)));
      if (missing.length) io.err(`${missing.length} photo or attachment file(s) were not in the backup's folder: db check names them.`);
    } catch (e) {
      io.err(`The photos and attachments could not all be brought back (${(e as Error).message}): db check names what is missing.`);
    } finally {
      app.close();
    }
  } catch (e) {
    io.err(`The restored file does not open either: ${(e as Error).message}`);
    return 2;
  }
  io.out(`Restored ${source} into ${dataFile}.${kept ? ` The damaged file is kept as ${kept}.` : ''}`);
  return 0;
}
