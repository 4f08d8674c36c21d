// The contract of backups (spread into the one table in ./index.ts): see them, make one, restore
// one, choose a second folder. Backups are files, so these are tasks (outside any transaction).
import { z } from './zod';
import { task } from './contract';
import type * as B from './backups-types';

/** a backup's file name as the app writes it: nothing else can be named (no paths) */
const backupName = z.string().regex(/^crossdock-\d{8}T\d{9}Z-(manual|daily|quit|migration|import|restore)\.sqlite$/, 'must be the name of a backup in the list');

export const backupsApi = {
  /** the backups in both folders, the one under way and what went wrong last */
  'backups.status': task<B.BackupStatus>()(z.object({}).default({})),
  /** a checked backup now (into the backups folder, copied to the second folder if one is set) */
  'backups.run': task<B.BackupEntry>()(z.object({}).default({})),
  /** puts a backup's data in place of the current data, after backing the current data up */
  'backups.restore': task<B.RestoreResult>()(z.object({ name: backupName, folder: z.enum(['main', 'second'], { message: 'must be main or second' }).default('main') })),
  /** a second folder every backup is copied to (null: none); it must exist and be writable */
  'backups.configure': task<B.BackupStatus>()(
    z.object({
      secondFolder: z
        .string()
        .trim()
        .min(1, 'is required')
        .max(1000, 'at most 1,000 characters')
        .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'must be a full folder path')
        .nullable(),
    }),
  ),
};
