// Opens the app's backend on a data file: database (checked and migrated), reference data and the
// dispatcher. Shared by the Electron shell, the standalone host, the CLI and the tests.
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../db/open';
import type { MigrateReport } from '../db/migrate';
import { loadHs, type HsReference } from '../core/reference/hs';
import { fileKeySecrets, type Secrets } from '../core/secrets';
import { createSyncRunner, type SyncRunner, type SyncRunnerOptions } from '../core/sync/runner';
import { createBackupService, type BackupService } from '../core/backups/service';
import { acquireLock } from '../db/lock';
import { sweepStore } from '../db/repos/files';
import { backfillInitials } from '../db/repos/products';
import { FileStore, storeDirFor } from '../db/store';
import { createDispatcher, type Dispatcher, type DispatcherOptions } from './dispatch';

export interface App {
  db: Db;
  file: string;
  dispatcher: Dispatcher;
  /** supplier sync: runs, the schedule, cancelling */
  sync: SyncRunner;
  /** automatic and manual backups, restore */
  backups: BackupService;
  migration: MigrateReport | null;
  close(): void;
}

export interface OpenOptions {
  nativeBinding?: string;
  actor?: string;
  clock?: DispatcherOptions['clock'];
  /** the OS keychain in the desktop app; by default a key file next to the data */
  secrets?: Secrets;
  /** how supplier sync reaches the network and knows whether it is online */
  sync?: Pick<SyncRunnerOptions, 'fetch' | 'isOnline' | 'timeoutMs' | 'random' | 'pageSize' | 'inFlight' | 'cjSpacingMs'>;
  /** the app itself (desktop or standalone host): no second app may open the same file */
  exclusive?: boolean;
  /**
   * remove the stored files no record uses (default: when exclusive). Only an app that is alone on
   * the data may: a command run beside the app could take a file the app has just written.
   */
  tidyFiles?: boolean;
  /** opens a file with the system's viewer, resolving to '' or what went wrong (Electron's shell.openPath) */
  openFile?: (file: string) => Promise<string>;
}

let hsCache: HsReference | null = null;

export function openApp(file: string, opts: OpenOptions = {}): App {
  const release = opts.exclusive ? acquireLock(file) : () => undefined;
  let opened;
  try {
    opened = openDatabase(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  } catch (e) {
    release();
    throw e;
  }
  const { db, migration } = opened;
  hsCache ??= loadHs();
  const secrets = opts.secrets ?? fileKeySecrets(path.dirname(path.resolve(file)));
  backfillInitials(db);
  const store = new FileStore(storeDirFor(file));
  if (opts.tidyFiles ?? opts.exclusive ?? false) sweepStore(db, store);
  let sync: SyncRunner | null = null;
  let backups: BackupService | null = null;
  const dispatcher = createDispatcher({
    db,
    hs: hsCache,
    actor: opts.actor ?? osUser(),
    secrets,
    store,
    ...(opts.clock ? { clock: opts.clock } : {}),
    services: (d) => {
      sync = createSyncRunner({ transact: d.transact, emit: d.emit, secrets, isOnline: hasNetwork, ...(opts.clock ? { clock: opts.clock } : {}), ...opts.sync });
      const runner = sync;
      backups = createBackupService({
        db,
        file,
        store,
        transact: d.transact,
        emit: d.emit,
        exclusive: d.exclusive,
        pauseSync: () => runner.pause(),
        ...(opts.clock ? { clock: opts.clock } : {}),
        ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
      });
      return {
        sync,
        backups,
        store,
        openFile: opts.openFile ?? null,
        transact: d.transact,
        async transactLong(fn, o) {
          if (!o?.big) return d.transactLong(fn);
          const resume = await runner.pause();
          try {
            return await d.transactLong(fn);
          } finally {
            resume();
          }
        },
        cancelLong: d.cancelLong,
        emit: d.emit,
      };
    },
  });
  dispatcher.subscribe((event) => {
    // an order queued or retried goes out within a moment when the schedule is running
    if (event === 'sync.changed') sync!.nudge();
    // every other event but progress follows a committed change: the app backs up when it quits
    if (event !== 'sync.progress' && event !== 'imports.progress' && event !== 'backups.changed' && event !== 'data.restored') backups!.changed();
  });
  return {
    db,
    file,
    dispatcher,
    sync: sync!,
    backups: backups!,
    migration,
    close: () => {
      db.close();
      release();
    },
  };
}

/** Whether any network interface other than loopback is up (what "online" can mean without a browser). */
export function hasNetwork(): boolean {
  return Object.values(os.networkInterfaces()).some((list) => list?.some((i) => !i.internal));
}

/**
 * What a running app does by itself: confirmed orders left unpaid past their expiry (e.g. claims
 * from a live session) are released at start-up and then every minute, connected suppliers sync on
 * their schedule, and the data is backed up daily. Returns how to stop it when the app quits:
 * syncs under way end, and the data is backed up if anything changed since the last backup.
 */
export function startChores(app: Pick<App, 'dispatcher' | 'sync' | 'backups'>, everyMs = 60_000): () => Promise<void> {
  const run = () => void app.dispatcher.dispatch('sales.releaseExpired', {});
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  app.sync.startSchedule(everyMs);
  app.backups.startSchedule(everyMs);
  return async () => {
    clearInterval(timer);
    await app.sync.stop();
    await app.backups.stop({ quitting: true });
  };
}

export function osUser(): string {
  try {
    return os.userInfo().username || 'local user';
  } catch {
    return 'local user';
  }
}

/** The OS user-data folder Electron would use for an app named Crossdock. */
export function userDataDir(): string {
  if (process.env.CROSSDOCK_DATA_DIR) return process.env.CROSSDOCK_DATA_DIR;
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Crossdock');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Crossdock');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Crossdock');
}

export function dataFile(demo = false): string {
  return path.join(userDataDir(), demo ? 'crossdock-demo.sqlite' : 'crossdock.sqlite');
}
