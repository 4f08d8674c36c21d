import path from 'node:path';
import { backupTo, BackupError, pruneBackups } from '../db/backup';
import type { Db } from '../db/open';
import type { CliIo } from './index';

/** The folder automatic and command-line backups go to: `backups` next to the data. */
export const defaultBackupDir = (dataFile: string) => path.join(path.dirname(path.resolve(dataFile)), 'backups');

/** `backup [--to DIR]`: a checked copy of the database; into the default folder, old ones pruned by the retention rule. */
export async function backupCommand(db: Db, dataFile: string, io: CliIo, to: string | undefined): Promise<number> {
  const dir = to ? path.resolve(to) : defaultBackupDir(dataFile);
  const t = performance.now();
  try {
    const b = await backupTo(db, dir, { reason: 'manual' });
    io.out(`Backed up to ${b.file} (${(b.bytes / 1024 / 1024).toFixed(1)} MB, checked) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    if (!to) {
      const gone = pruneBackups(dir);
      if (gone.length) io.out(`Removed ${gone.length} older backup${gone.length === 1 ? '' : 's'} (kept: the last 7 days, 4 weeks and 12 months)`);
    }
    return 0;
  } catch (e) {
    io.err(`The backup failed: ${e instanceof BackupError ? e.message : (e as Error).message}. Nothing else changed.`);
    return 1;
  }
}
