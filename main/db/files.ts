// Whole-file database work in a worker thread (./file-worker.mjs), so the app stays responsive
// meanwhile: copying a database with SQLite's backup API, and checking a file (is it a Crossdock
// file, does it pass SQLite's integrity check, which schema does it have).
import { Worker } from 'node:worker_threads';
import { APPLICATION_ID } from './format';

export interface FileCheck {
  ok: boolean;
  /** what is wrong, in words (null when ok) */
  problem: string | null;
  /** the last migration applied to it (0: none, or unreadable) */
  schema: number;
}

export interface VerifyOptions {
  /** integrity_check (every page and index) rather than quick_check */
  full?: boolean;
  /** our own fresh copy: made self-contained (rollback journal) before it is checked */
  standalone?: boolean;
  /** better-sqlite3 built for another runtime (Electron) */
  nativeBinding?: string;
}

/** A copy or a file the worker could not touch: the SQLite or system error code is kept (SQLITE_FULL, ENOSPC, …). */
export class FileWorkError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

function inWorker<T>(data: Record<string, unknown>): Promise<T & { error?: string; code?: string | null }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./file-worker.mjs', import.meta.url), { workerData: data });
    let answered = false;
    worker.once('message', (m: T) => {
      answered = true;
      resolve(m as T & { error?: string });
    });
    worker.once('error', (e) => {
      answered = true;
      reject(new FileWorkError(e.message, null));
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new FileWorkError(`the worker stopped with code ${code}`, null));
    });
  });
}

export async function verifyFile(file: string, opts: VerifyOptions = {}): Promise<FileCheck> {
  try {
    const r = await inWorker<FileCheck>({ op: 'check', file, applicationId: APPLICATION_ID, full: opts.full ?? false, standalone: opts.standalone ?? false, nativeBinding: opts.nativeBinding ?? null });
    return r.error !== undefined ? { ok: false, problem: r.error, schema: 0 } : r;
  } catch (e) {
    return { ok: false, problem: `it could not be checked: ${(e as Error).message}`, schema: 0 };
  }
}

/**
 * Copies the database `from` into `to` with SQLite's backup API, as it was when the copy began,
 * a few MiB a step, each flushed. `to` may be a database another connection has open (a restore,
 * `checkpoint: true`): it sees the copied data at its next read. Rejects with a FileWorkError.
 */
export async function copyDatabase(from: string, to: string, opts: { pagesPerStep?: number; checkpoint?: boolean; nativeBinding?: string } = {}): Promise<void> {
  const r = await inWorker<{ ok: boolean }>({ op: 'copy', from, to, pagesPerStep: opts.pagesPerStep ?? null, checkpoint: opts.checkpoint ?? false, nativeBinding: opts.nativeBinding ?? null });
  if (r.error !== undefined) throw new FileWorkError(r.error, r.code ?? null);
}
