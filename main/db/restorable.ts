// Whether a file can be put in place of the data: a Crossdock database that passes SQLite's check,
// made by this version of the app or an older one (an older one is upgraded as it is restored).
// The one rule for the restore in the app, the restore command and the offer made at start-up
// when the data file is damaged.
import { listBackups, type BackupFile } from './backup';
import { verifyFile } from './files';
import { loadMigrations } from './migrate';

export interface Restorable {
  /** why it cannot be restored (null: it can) */
  problem: string | null;
  /** the last migration applied to it */
  schema: number;
}

export async function restorable(file: string, opts: { full?: boolean; nativeBinding?: string } = {}): Promise<Restorable> {
  const check = await verifyFile(file, opts);
  if (!check.ok) return { problem: check.problem, schema: check.schema };
  if (check.schema > loadMigrations().length) return { problem: `it was made by a newer version of Crossdock (schema ${check.schema})`, schema: check.schema };
  return { problem: null, schema: check.schema };
}

/** The newest backup in `dir` that can be restored (what to offer when the data file is damaged). */
export async function newestGoodBackup(dir: string, nativeBinding?: string): Promise<BackupFile | null> {
  for (const b of listBackups(dir)) {
    if ((await restorable(b.file, nativeBinding ? { nativeBinding } : {})).problem === null) return b;
  }
  return null;
}
