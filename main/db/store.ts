// The content store: photos, thumbnails and attachments as files named by the SHA-256 of their
// bytes, in a folder of the data file's own next to it (`crossdock.files/ab/abcdef…` for
// `crossdock.sqlite`: the demo data beside it has its own). The same bytes are stored once; a file
// once written never changes, so a backup can share files with the last one. A name here is always
// a hash the app computed (checked), never anything a user typed. Writes go to a temporary file
// that is flushed and then renamed into place, so a file that exists is whole.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processAlive } from './backup';

const HASH = /^[0-9a-f]{64}$/;

export const sha256 = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');

/** The store's folder for a data file: `<name>.files` beside it, one per data file. */
export function storeDirFor(dataFile: string): string {
  const full = path.resolve(dataFile);
  return path.join(path.dirname(full), `${path.basename(full).replace(/\.(sqlite3?|db)$/i, '')}.files`);
}

export class FileStore {
  constructor(readonly dir: string) {}

  pathOf(hash: string): string {
    if (!HASH.test(hash)) throw new Error(`not a file hash: ${hash.slice(0, 80)}`);
    return path.join(this.dir, hash.slice(0, 2), hash);
  }

  has(hash: string): boolean {
    return fs.existsSync(this.pathOf(hash));
  }

  /** Stores the bytes (once) and gives their hash. */
  put(bytes: Uint8Array): string {
    const hash = sha256(bytes);
    const target = this.pathOf(hash);
    if (fs.existsSync(target)) return hash;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    const fd = fs.openSync(tmp, 'wx');
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
    return hash;
  }

  read(hash: string): Buffer {
    return fs.readFileSync(this.pathOf(hash));
  }

  /** Whether the stored bytes still hash to their name. */
  intact(hash: string): boolean {
    return sha256(this.read(hash)) === hash;
  }

  /**
   * A copy of a stored file under its own name, for the system's viewer: in a new private folder
   * in the temporary folder (made for this copy alone, so nothing else can be waiting there), the
   * name checked to be a plain file name that stays inside it.
   */
  copyOutTemp(hash: string, name: string): string {
    if (path.basename(name) !== name || name === '.' || name === '..') throw new Error(`not a plain file name: ${name}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossdock-open-'));
    const target = path.join(dir, name);
    fs.copyFileSync(this.pathOf(hash), target, fs.constants.COPYFILE_EXCL);
    return target;
  }

  remove(hash: string): void {
    fs.rmSync(this.pathOf(hash), { force: true });
  }

  /** Every hash in the store. */
  list(): string[] {
    return this.entries().filter((f) => HASH.test(f.name)).map((f) => f.name);
  }

  /** Removes the temporary files of writes cut off (their process is gone); others' are left alone. */
  removeAbandonedTemp(): number {
    let removed = 0;
    for (const f of this.entries()) {
      const pid = /\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(f.name)?.[1];
      if (pid && !processAlive(Number(pid))) {
        fs.rmSync(f.path, { force: true });
        removed++;
      }
    }
    return removed;
  }

  private entries(): { name: string; path: string }[] {
    if (!fs.existsSync(this.dir)) return [];
    const out: { name: string; path: string }[] = [];
    for (const sub of fs.readdirSync(this.dir, { withFileTypes: true })) {
      if (!sub.isDirectory() || !/^[0-9a-f]{2}$/.test(sub.name)) continue;
      for (const f of fs.readdirSync(path.join(this.dir, sub.name))) out.push({ name: f, path: path.join(this.dir, sub.name, f) });
    }
    return out;
  }

  /**
   * Copies the given files into another store that lacks them (a backup's, or back from one). A
   * file that is not here, or whose bytes no longer match its hash, is reported as missing.
   */
  copyTo(other: FileStore, hashes: Iterable<string>): { copied: number; missing: string[] } {
    let copied = 0;
    const missing: string[] = [];
    for (const h of hashes) {
      if (other.has(h)) continue;
      const bytes = this.has(h) ? this.read(h) : null;
      if (!bytes || sha256(bytes) !== h) {
        missing.push(h);
        continue;
      }
      other.put(bytes);
      copied++;
    }
    return { copied, missing };
  }
}
