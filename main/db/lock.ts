// One app on one data file: the app takes `<file>.lock` (written whole, then linked into place —
// which fails if it exists — holding its process id, computer and start time) and removes it when it closes. A lock whose process is gone (a crash, a
// kill -9) is taken over. SQLite itself keeps concurrent writers safe; the lock keeps two windows
// from working on the same stock at once, and keeps a restore from pulling the file away from a
// running app. Command-line commands other than restore may run beside the app.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processAlive } from './backup';
import { DbOpenError } from './errors';

interface Holder {
  pid: number;
  host: string;
  since: string;
}

export const lockFile = (file: string) => `${file}.lock`;

/** files this process holds (its own pid in a lock file is otherwise a crashed process whose pid came back) */
const held = new Set<string>();

/** Who holds the file, or null when it is free (no lock, or one left by a process that is gone). */
function lockHolder(file: string): Holder | null {
  let holder: Holder;
  try {
    holder = JSON.parse(fs.readFileSync(lockFile(file), 'utf8')) as Holder;
  } catch (e) {
    // no lock; or an unreadable one (it is linked in only once written, so not one being made)
    return (e as { code?: string }).code === 'ENOENT' ? null : stale(file);
  }
  // on another computer (a shared folder) we cannot tell whether it still runs: it holds
  if (holder.host === os.hostname() && (holder.pid === process.pid ? !held.has(lockFile(file)) : !processAlive(holder.pid))) return stale(file);
  return holder;
}

function stale(file: string): null {
  fs.rmSync(lockFile(file), { force: true });
  return null;
}

/** Takes the file for this process; throws DbOpenError('locked') naming who has it. Returns the release. */
export function acquireLock(file: string, now = new Date()): () => void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    const holder = lockHolder(file);
    if (holder) throw lockedError(file, holder);
    const mine = `${lockFile(file)}.${process.pid}`;
    try {
      fs.writeFileSync(mine, JSON.stringify({ pid: process.pid, host: os.hostname(), since: now.toISOString() } satisfies Holder), { mode: 0o600 });
      try {
        fs.linkSync(mine, lockFile(file));
      } catch (e) {
        // a drive without hard links (FAT): an exclusive create, then the content
        if ((e as { code?: string }).code === 'EEXIST') throw e;
        fs.copyFileSync(mine, lockFile(file), fs.constants.COPYFILE_EXCL);
      }
      const key = lockFile(file);
      held.add(key);
      return () => {
        if (held.delete(key)) fs.rmSync(key, { force: true });
      };
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw new DbOpenError(`Cannot lock ${file}: ${(e as Error).message}`, 'io');
      // another instance took it between our look and our link: look again
    } finally {
      fs.rmSync(mine, { force: true });
    }
  }
  throw lockedError(file, lockHolder(file) ?? { pid: 0, host: '?', since: '?' });
}

function lockedError(file: string, h: Holder): DbOpenError {
  const where = h.host === os.hostname() ? `process ${h.pid}` : `process ${h.pid} on ${h.host}`;
  return new DbOpenError(`Crossdock is already open on ${file} (${where}, since ${h.since}). Switch to that window, or close it first.`, 'locked');
}
