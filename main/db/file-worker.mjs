// Work on whole database files, off the main thread: copying a database with SQLite's backup API
// (the copy commits with a flush of the whole file, which would hold the app's event loop for
// seconds on a large one) and checking a file (a full integrity_check reads every page). Plain
// JavaScript so it runs as a worker as it is — under Node, the tests and Electron alike. Used by
// ./files.ts only.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { op, nativeBinding } = workerData;
const binding = nativeBinding ? { nativeBinding } : {};

/** 4 MiB of pages a step, each step flushed: the disk never holds much unwritten, or the app's own next write (which waits for its flush) would wait for all of it */
const STEP_PAGES = 1024;

async function copy({ from, to, pagesPerStep, checkpoint }) {
  // another connection to the file (the app's is on the main thread). One read transaction, held
  // across every step, pins one state of the data: in WAL mode the app goes on writing meanwhile,
  // and its writes neither show up half-way nor start the copy again
  const src = new Database(from, { fileMustExist: true, ...binding });
  src.pragma('busy_timeout = 5000');
  src.exec('BEGIN');
  src.prepare('SELECT count(*) FROM sqlite_schema').get();
  try {
    await src.backup(to, {
      progress: () => {
        // the copy goes into `to`, or into its -wal when `to` is a database in WAL mode (a restore)
        for (const f of [to, `${to}-wal`]) flush(f);
        return pagesPerStep ?? STEP_PAGES;
      },
    });
  } finally {
    src.exec('COMMIT');
    src.close();
  }
  if (checkpoint) {
    // a restore: the copied pages are moved from the -wal into the file here, not by the app's next write
    const dest = new Database(to, { fileMustExist: true, ...binding });
    try {
      dest.pragma('busy_timeout = 5000');
      dest.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      dest.close();
    }
  }
  return { ok: true };
}

function flush(file) {
  let fd;
  try {
    fd = fs.openSync(file, 'r+');
  } catch {
    return; // not there (yet)
  }
  try {
    fs.fdatasyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function check({ file, applicationId, full, standalone }) {
  const db = new Database(file, { fileMustExist: true, readonly: !standalone, ...binding });
  try {
    // a copy inherits the WAL flag of the file it came from: made self-contained, it needs no -wal beside it
    if (standalone) db.pragma('journal_mode = DELETE');
    if (db.pragma('application_id', { simple: true }) !== applicationId) return { ok: false, problem: 'it is not a Crossdock database', schema: 0 };
    const result = db.pragma(full ? 'integrity_check' : 'quick_check', { simple: true });
    const hasMigrations = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get();
    const schema = hasMigrations ? (db.prepare('SELECT max(version) AS v FROM schema_migrations').get().v ?? 0) : 0;
    if (result === 'ok') return { ok: true, problem: null, schema };
    // SQLite lists every broken page; the first few say enough
    const found = String(result).split('\n').filter((l) => l && !l.startsWith('***')).slice(0, 2).join('; ');
    return { ok: false, problem: `it is damaged (${found})`, schema };
  } catch (e) {
    return { ok: false, problem: /not a database|malformed|corrupt/i.test(e.message) ? `it is not a readable database (${e.message})` : e.message, schema: 0 };
  } finally {
    db.close();
  }
}

try {
  parentPort.postMessage(op === 'copy' ? await copy(workerData) : check(workerData));
} catch (e) {
  parentPort.postMessage({ ok: false, error: e.message, code: e.code ?? null });
}
