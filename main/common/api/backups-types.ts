// What the backup methods return (./backups.ts).

export type BackupReason = 'manual' | 'daily' | 'quit' | 'migration' | 'import' | 'restore';
/** the backups folder next to the data, or the second folder the merchant chose (a USB drive, a synced folder) */
export type BackupFolder = 'main' | 'second';

export interface BackupEntry {
  name: string;
  folder: BackupFolder;
  /** when it was made (UTC, ISO) */
  at: string;
  reason: BackupReason;
  bytes: number;
}

export interface BackupStatus {
  /** where backups go: `backups` next to the data */
  folder: string;
  secondFolder: string | null;
  /** both folders, newest first */
  backups: BackupEntry[];
  /** a backup under way, and why */
  running: BackupReason | null;
  /** the last backup that failed, if none has worked since */
  lastError: { at: string; message: string } | null;
  /** why the last copy to the second folder failed (it is unplugged, full, …), if it did */
  secondFolderProblem: string | null;
  /** the last successful backup (null: never) */
  lastBackupAt: string | null;
  /** a change has been saved since the last backup */
  changedSinceLast: boolean;
}

export interface RestoreResult {
  restored: BackupEntry;
  /** the backup of the data as it was just before, to undo the restore */
  safetyBackup: BackupEntry;
  /** the restored data was from an older version of the app and was upgraded to this one */
  upgradedFrom: number | null;
}
