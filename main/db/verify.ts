// Checks a database file in a worker thread (./verify-worker.mjs): whether it is a Crossdock file,
// passes SQLite's integrity check, and which schema it has — without stalling the app meanwhile.
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
  nativeBinding?: string;
}

export function verifyFile(file: string, opts: VerifyOptions = {}): Promise<FileCheck> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./verify-worker.mjs', import.meta.url), {
      workerData: { file, applicationId: APPLICATION_ID, full: opts.full ?? false, standalone: opts.standalone ?? false, nativeBinding: opts.nativeBinding ?? null },
    });
    let answered = false;
    worker.once('message', (m: FileCheck) => {
      answered = true;
      resolve(m);
    });
    worker.once('error', (e) => {
      answered = true;
      resolve({ ok: false, problem: `it could not be checked: ${e.message}`, schema: 0 });
    });
    worker.once('exit', (code) => {
      if (!answered) resolve({ ok: false, problem: `it could not be checked (the checker stopped with code ${code})`, schema: 0 });
    });
  });
}
