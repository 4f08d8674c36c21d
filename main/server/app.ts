// Opens the app's backend on a data file: database (checked and migrated), reference data and the
// dispatcher. Shared by the Electron shell, the standalone host, the CLI and the tests.
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../db/open';
import type { MigrateReport } from '../db/migrate';
import { loadHs, type HsReference } from '../core/reference/hs';
import { createDispatcher, type Dispatcher, type DispatcherOptions } from './dispatch';

export interface App {
  db: Db;
  file: string;
  dispatcher: Dispatcher;
  migration: MigrateReport | null;
  close(): void;
}

let hsCache: HsReference | null = null;

export function openApp(file: string, opts: { nativeBinding?: string; actor?: string; clock?: DispatcherOptions['clock'] } = {}): App {
  const { db, migration } = openDatabase(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  hsCache ??= loadHs();
  const dispatcher = createDispatcher({ db, hs: hsCache, actor: opts.actor ?? osUser(), ...(opts.clock ? { clock: opts.clock } : {}) });
  return { db, file, dispatcher, migration, close: () => db.close() };
}

/**
 * What a running app does by itself: confirmed orders left unpaid past their expiry (e.g. claims
 * from a live session) are released at start-up and then every minute. Returns how to stop it.
 */
export function startChores(app: Pick<App, 'dispatcher'>, everyMs = 60_000): () => void {
  const run = () => void app.dispatcher.dispatch('sales.releaseExpired', {});
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
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
