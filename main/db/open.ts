// Opening a Crossdock database: the pragmas every connection needs, the checks that refuse a
// wrong or damaged file, and the migrations. Only this folder talks SQL.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DbOpenError } from './errors';
import { migrate, type MigrateReport } from './migrate';

export type Db = Database.Database;

import { APPLICATION_ID } from './format';

export { APPLICATION_ID };

export { DbOpenError };

export interface OpenOptions {
  /** better-sqlite3 native module built for another runtime (Electron). */
  nativeBinding?: string;
  readonly?: boolean;
  /** skip migrations (tools that only read) */
  migrate?: boolean;
}

export interface Opened {
  db: Db;
  file: string;
  migration: MigrateReport | null;
}

export function openDatabase(file: string, opts: OpenOptions = {}): Opened {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, {
      readonly: opts.readonly ?? false,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
  } catch (e) {
    throw new DbOpenError(`Cannot open ${file}: ${(e as Error).message}`, 'io');
  }
  try {
    checkIdentity(db, file);
    applyPragmas(db, opts.readonly ?? false);
    const ok = db.pragma('quick_check', { simple: true });
    if (ok !== 'ok') throw new DbOpenError(`${file} is damaged (quick_check: ${String(ok)}). Restore a backup.`, 'corrupt');
    const migration = opts.migrate === false || opts.readonly ? null : migrate(db, file);
    return { db, file, migration };
  } catch (e) {
    db.close();
    if (e instanceof DbOpenError) throw e;
    const msg = (e as Error).message;
    if (/not a database|malformed|corrupt/i.test(msg)) {
      throw new DbOpenError(`${file} is not a readable SQLite database (${msg}). Restore a backup.`, 'corrupt');
    }
    throw e;
  }
}

function checkIdentity(db: Db, file: string): void {
  // Reading the header is the first thing that fails on a file that is not SQLite at all.
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId === APPLICATION_ID) return;
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
  if (appId === 0 && tables.n === 0) {
    if (!db.readonly) db.pragma(`application_id = ${APPLICATION_ID}`);
    return;
  }
  throw new DbOpenError(`${file} is not a Crossdock database (it belongs to another program). Nothing was changed.`, 'foreign');
}

function applyPragmas(db: Db, readonly: boolean): void {
  if (!readonly) db.pragma('journal_mode = WAL');
  // better-sqlite3 reopens WAL databases at NORMAL unless told; FULL survives power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (the default is 2 MiB): a posting that touches a thousand balances at a
  // million movements otherwise reads most index pages back from the OS on every call.
  db.pragma('cache_size = -65536');
}
