// Checks a database file off the main thread (a full integrity_check of a large file takes seconds,
// and the app must stay responsive meanwhile). Plain JavaScript so it runs as a worker as it is —
// under Node, the tests and Electron alike. Used by ./verify.ts only.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, applicationId, nativeBinding, full, standalone } = workerData;
let db = null;
try {
  db = new Database(file, { fileMustExist: true, readonly: !standalone, ...(nativeBinding ? { nativeBinding } : {}) });
  // a copy inherits the WAL flag of the file it came from: made self-contained, it needs no -wal beside it
  if (standalone) db.pragma('journal_mode = DELETE');
  const id = db.pragma('application_id', { simple: true });
  if (id !== applicationId) {
    parentPort.postMessage({ ok: false, problem: 'it is not a Crossdock database', schema: 0 });
  } else {
    const check = db.pragma(full ? 'integrity_check' : 'quick_check', { simple: true });
    const hasMigrations = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get();
    const schema = hasMigrations ? (db.prepare('SELECT max(version) AS v FROM schema_migrations').get().v ?? 0) : 0;
    // SQLite lists every broken page; the first few say enough
    const found = String(check).split('\n').filter((l) => l && !l.startsWith('***')).slice(0, 2).join('; ');
    parentPort.postMessage(check === 'ok' ? { ok: true, problem: null, schema } : { ok: false, problem: `it is damaged (${found})`, schema });
  }
} catch (e) {
  parentPort.postMessage({ ok: false, problem: /not a database|malformed|corrupt/i.test(e.message) ? `it is not a readable database (${e.message})` : e.message, schema: 0 });
} finally {
  db?.close();
}
