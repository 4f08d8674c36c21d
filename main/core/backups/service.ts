// Backups as the running app keeps them: one a day (when the newest is a day old), one when the app
// quits with changes since the last, one before every import and on demand; each also copied to a
// second folder when the merchant has chosen one; old ones pruned by the retention rule in each
// folder. One backup at a time. Restoring backs the current data up first, then copies the chosen
// backup over it while every other call waits, upgrades it if it came from an older version, and
// tells every window to load again.
import fs from 'node:fs';
import path from 'node:path';
import type { EventName, Events } from '../../common/api';
import type { BackupEntry, BackupFolder, BackupReason, BackupStatus, RestoreResult } from '../../common/api/backups-types';
import { ApiError } from '../../common/api/errors';
import { backupTo, copyBackup, defaultBackupDir, listBackups, pruneBackups, restoreInto, type BackupFile } from '../../db/backup';
import { loadMigrations, migrate } from '../../db/migrate';
import { backupStoreOf, hashesIn, mirrorFiles, pruneBackupFiles, restoreFiles } from '../../db/backup-files';
import type { Db } from '../../db/open';
import type { FileStore } from '../../db/store';
import { deleteSetting, getSettings, putSetting } from '../../db/repos/settings';
import { restorable } from '../../db/restorable';
import type { Transact } from '../sync/runner';

const DAY_MS = 86_400_000;
const SECOND_FOLDER = 'backup_second_folder';

export interface BackupServiceOptions {
  db: Db;
  /** the data file */
  file: string;
  /** the content store (photos, attachments): backed up beside the data */
  store: FileStore;
  transact: Transact;
  emit: <E extends EventName>(event: E, payload: Events[E]) => void;
  /** runs fn while every other API call waits */
  exclusive: <T>(fn: () => Promise<T>) => Promise<T>;
  /** stops supplier sync; the function it resolves to starts it again */
  pauseSync: () => Promise<() => void>;
  /** default: `backups` next to the data */
  dir?: string;
  clock?: () => Date;
  nativeBinding?: string;
  log?: (msg: string, err: unknown) => void;
}

export interface BackupService {
  status(): BackupStatus;
  /** a backup now; rejects with a clear message (and nothing half written) when it cannot be made */
  run(reason: BackupReason): Promise<BackupEntry>;
  /** the backup before an import; rejects saying the import is refused when it cannot be made */
  beforeImport(): Promise<void>;
  restore(name: string, folder: BackupFolder): Promise<RestoreResult>;
  /** restores any checked Crossdock file (a backup brought from another computer) */
  restoreFile(file: string): Promise<Omit<RestoreResult, 'restored'>>;
  configure(secondFolder: string | null): Promise<BackupStatus>;
  /** something was saved: the app backs up when it quits */
  changed(): void;
  /** checks every tick whether the daily backup is due */
  startSchedule(tickMs?: number): void;
  /** stops the schedule; with `quitting`, makes the quit backup if anything changed, then waits for the backup under way */
  stop(opts?: { quitting?: boolean }): Promise<void>;
}

export function createBackupService(o: BackupServiceOptions): BackupService {
  const dir = o.dir ?? defaultBackupDir(o.file);
  const clock = o.clock ?? (() => new Date());
  const log = o.log ?? ((msg, err) => console.error(msg, err));
  const binding = o.nativeBinding ? { nativeBinding: o.nativeBinding } : {};
  let running: BackupReason | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let lastError: BackupStatus['lastError'] = null;
  let secondFolderProblem: string | null = null;
  let changedSinceLast = false;
  let timer: NodeJS.Timeout | null = null;

  // the second folder is a setting in the data, read at the start (and again after a restore): a
  // backup under way never needs the database, which a big import may be holding
  const readSecondFolder = () => o.transact((ctx) => getSettings(ctx.db)[SECOND_FOLDER] ?? null, 'read');
  let secondSetting = readSecondFolder();
  const secondFolder = () => secondSetting;
  const entry = (b: BackupFile, folder: BackupFolder): BackupEntry => ({ name: b.name, folder, at: b.at, reason: b.reason, bytes: b.bytes });
  const changedEvent = () => o.emit('backups.changed', {});

  function status(): BackupStatus {
    const second = secondFolder();
    const backups = [...listBackups(dir).map((b) => entry(b, 'main')), ...(second ? listBackups(second).map((b) => entry(b, 'second')) : [])].sort((a, b) =>
      a.at < b.at ? 1 : a.at > b.at ? -1 : a.folder < b.folder ? -1 : 1,
    );
    return { folder: dir, secondFolder: second, backups, running, lastError, secondFolderProblem, lastBackupAt: backups[0]?.at ?? null, changedSinceLast };
  }

  /** one backup at a time: each waits for the one before */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  }

  /** `prune: false` keeps every older backup (a restore must not delete the backup it restores) */
  function run(reason: BackupReason, prune = true): Promise<BackupEntry> {
    return serial(async () => {
      running = reason;
      const wasChanged = changedSinceLast;
      changedSinceLast = false;
      changedEvent();
      try {
        const b = await backupTo(o.db, dir, { reason, at: clock(), ...binding });
        try {
          mirrorFiles(o.store, dir);
        } catch (e) {
          // a backup without its photos and attachments is not listed at all
          fs.rmSync(b.file, { force: true });
          throw new Error(`copying the photos and attachments failed (${(e as Error).message})`);
        }
        lastError = null;
        if (prune) {
          pruneBackups(dir);
          try {
            pruneBackupFiles(dir, o.nativeBinding);
          } catch (e) {
            log('pruning backed-up files failed', e);
          }
        }
        await copyToSecond(b, prune);
        return entry(b, 'main');
      } catch (e) {
        changedSinceLast ||= wasChanged;
        lastError = { at: clock().toISOString(), message: (e as Error).message };
        throw new ApiError('internal', `The backup failed: ${(e as Error).message}. Your data is as it was.`);
      } finally {
        running = null;
        changedEvent();
      }
    });
  }

  const hashesOf = (b: BackupFile) => hashesIn(b.file, o.nativeBinding);

  async function copyToSecond(b: BackupFile, prune: boolean): Promise<void> {
    const second = secondFolder();
    if (!second) return;
    try {
      if (!fs.existsSync(second)) throw new Error(`${second} is not available (a drive that is not connected?)`);
      // the files first: a backup listed in the second folder has its files there
      const { missing } = backupStoreOf(dir).copyTo(backupStoreOf(second), hashesOf(b));
      if (missing.length) throw new Error(`${missing.length} photo or attachment file(s) could not be copied`);
      await copyBackup(b, second, o.nativeBinding);
      if (prune) {
        pruneBackups(second);
        pruneBackupFiles(second, o.nativeBinding);
      }
      secondFolderProblem = null;
    } catch (e) {
      // the backup itself is made; the second copy waits for the folder to come back
      secondFolderProblem = `The copy to the second folder failed: ${(e as Error).message}`;
    }
  }

  async function restore(name: string, folder: BackupFolder): Promise<RestoreResult> {
    const from = folder === 'second' ? secondFolder() : dir;
    if (!from) throw ApiError.field('folder', 'No second folder is set', 'not_found');
    const chosen = listBackups(from).find((b) => b.name === name);
    if (!chosen) throw ApiError.field('name', `${name} is not in ${from}`, 'not_found');
    return { restored: entry(chosen, folder), ...(await restoreFile(chosen.file, 'name')) };
  }

  async function restoreFile(file: string, field = 'file'): Promise<Omit<RestoreResult, 'restored'>> {
    const check = await restorable(file, { full: true, ...binding });
    if (check.problem) throw ApiError.field(field, `${path.basename(file)} cannot be restored: ${check.problem}. Your data is as it was.`, 'conflict');

    return o.exclusive(async () => {
      const resumeSync = await o.pauseSync();
      try {
        const safety = await run('restore', false);
        await serial(async () => {
          running = 'restore';
          try {
            await restoreInto(o.db, file, o.nativeBinding);
            // a backup from an older version: brought up to this one (just backed up, so no second backup)
            migrate(o.db, o.file, loadMigrations(), null);
            // the photos and attachments the restored data names, from the backup's own folder; a
            // file that cannot be brought back leaves the data restored (db check names it)
            try {
              const { missing } = restoreFiles(o.db, o.store, path.dirname(file));
              if (missing.length) log(`restore: ${missing.length} photo or attachment file(s) were not in the backup's folder`, missing.slice(0, 5));
            } catch (e) {
              log('restore: bringing back photos and attachments failed', e);
            }
            secondSetting = readSecondFolder();
          } finally {
            running = null;
          }
        });
        changedSinceLast = false;
        o.emit('data.restored', { name: path.basename(file) });
        changedEvent();
        return { safetyBackup: safety, upgradedFrom: check.schema < loadMigrations().length ? check.schema : null };
      } finally {
        resumeSync();
      }
    });
  }

  async function configure(second: string | null): Promise<BackupStatus> {
    if (second !== null) {
      const resolved = path.resolve(second);
      if (path.resolve(resolved) === path.resolve(dir)) throw ApiError.field('secondFolder', 'must be another folder than the backups folder', 'invalid_input');
      try {
        if (!fs.statSync(resolved).isDirectory()) throw new Error('it is a file, not a folder');
        const probe = path.join(resolved, `.crossdock-write-test-${process.pid}`);
        fs.writeFileSync(probe, 'ok');
        fs.rmSync(probe);
      } catch (e) {
        const code = (e as { code?: string }).code;
        const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'cannot be written to' : (e as Error).message;
        throw ApiError.field('secondFolder', `${resolved} ${why}`, 'invalid_input');
      }
      o.transact((ctx) => putSetting(ctx.db, SECOND_FOLDER, resolved, ctx.now));
      secondSetting = resolved;
    } else {
      o.transact((ctx) => deleteSetting(ctx.db, SECOND_FOLDER));
      secondSetting = null;
    }
    secondFolderProblem = null;
    changedEvent();
    return status();
  }

  function dailyDue(): boolean {
    const newest = listBackups(dir)[0];
    return !newest || clock().getTime() - Date.parse(newest.at) >= DAY_MS;
  }

  function tick(): void {
    if (running || !dailyDue()) return;
    // a failure is kept in lastError and shown; the next tick tries again
    run('daily').catch((e: unknown) => log('daily backup failed', e));
  }

  return {
    status,
    run: (reason) => run(reason),
    async beforeImport() {
      try {
        await run('import');
      } catch (e) {
        throw new ApiError('internal', `${(e as Error).message} Crossdock backs your data up before every import, so nothing was imported.`);
      }
    },
    restore,
    restoreFile: (file) => restoreFile(file),
    configure,
    changed() {
      changedSinceLast = true;
    },
    startSchedule(tickMs = 60_000) {
      if (timer) return;
      timer = setInterval(tick, tickMs);
      timer.unref();
      setImmediate(tick);
    },
    async stop(opts = {}) {
      if (timer) clearInterval(timer);
      timer = null;
      if (opts.quitting && changedSinceLast) await run('quit').catch((e: unknown) => log('backup on quit failed', e));
      await queue;
    },
  };
}
