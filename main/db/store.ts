// The content store: photos, thumbnails and attachments as files named by the SHA-256 of their
// bytes, in `files/` next to the data (`files/ab/abcdef…`). The same bytes are stored once; a file
// once written never changes, so a backup can share files with the last one. A name here is always
// a hash the app computed (checked), never anything a user typed. Writes go to a temporary file
// that is flushed and then renamed into place, so a file that exists is whole.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const HASH = /^[0-9a-f]{64}$/;

export const sha256 = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');

/** The store's folder for a data file: `files` beside it. */
export const storeDirFor = (dataFile: string) => path.join(path.dirname(path.resolve(dataFile)), 'files');

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
   * A copy of a stored file under its own name in a folder of its own (for the system's viewer),
   * the name checked to be a plain file name that stays inside that folder.
   */
  copyOut(hash: string, dir: string, name: string): string {
    const target = path.resolve(dir, name);
    if (path.basename(name) !== name || path.dirname(target) !== path.resolve(dir)) throw new Error(`not a plain file name: ${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(this.pathOf(hash), target);
    return target;
  }

  remove(hash: string): void {
    fs.rmSync(this.pathOf(hash), { force: true });
  }

  /** Every hash in the store (leftover temporary files are removed on the way). */
  list(): string[] {
    if (!fs.existsSync(this.dir)) return [];
    const out: string[] = [];
    for (const sub of fs.readdirSync(this.dir, { withFileTypes: true })) {
      if (!sub.isDirectory() || !/^[0-9a-f]{2}$/.test(sub.name)) continue;
      for (const f of fs.readdirSync(path.join(this.dir, sub.name))) {
        if (HASH.test(f)) out.push(f);
        else if (f.endsWith('.tmp')) fs.rmSync(path.join(this.dir, sub.name, f), { force: true });
      }
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
