import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DbOpenError } from '../../main/db/errors';
import { loadMigrations, migrate, migrationsDir } from '../../main/db/migrate';
import { APPLICATION_ID, openDatabase } from '../../main/db/open';
import { tempDir } from '../helpers/temp-app';

let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const refusal = (fn: () => unknown): DbOpenError => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DbOpenError);
    return e as DbOpenError;
  }
  throw new Error('expected the file to be refused');
};

describe('opening a database', () => {
  it('sets WAL, synchronous=FULL, foreign keys, busy timeout and our application_id', () => {
    const { db, migration } = openDatabase(path.join(dir, 'a.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(migration).toMatchObject({ from: 0, to: loadMigrations().length, backup: null });
    db.close();
  });

  it('opens an existing database again without re-applying migrations', () => {
    const file = path.join(dir, 'a.sqlite');
    openDatabase(file).db.close();
    const again = openDatabase(file);
    expect(again.migration?.applied).toEqual([]);
    again.db.close();
  });

  it('refuses another program’s SQLite file and leaves it untouched', () => {
    const file = path.join(dir, 'other.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (\'keep me\')');
    other.close();
    const before = fs.readFileSync(file);
    expect(refusal(() => openDatabase(file)).reason).toBe('foreign');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not SQLite at all', () => {
    const file = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(file, 'this is a shopping list, not a database'.repeat(200));
    const e = refusal(() => openDatabase(file));
    expect(e.reason).toBe('corrupt');
    expect(e.message).toMatch(/Restore a backup/);
  });

  it('refuses a damaged database (pages overwritten) with a clear message', () => {
    const file = path.join(dir, 'c.sqlite');
    const { db } = openDatabase(file);
    db.exec("CREATE TABLE filler (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 2000) INSERT INTO filler SELECT hex(randomblob(200)) FROM n");
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096 * 8, 0xab), 0, 4096 * 8, 4096 * 3);
    fs.closeSync(fd);
    expect(['corrupt', 'foreign']).toContain(refusal(() => openDatabase(file)).reason);
  });

  it('refuses a truncated database (a copy cut off half-way) with a clear message', () => {
    const file = path.join(dir, 't.sqlite');
    const { db } = openDatabase(file);
    db.exec("CREATE TABLE filler (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 2000) INSERT INTO filler SELECT hex(randomblob(200)) FROM n");
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const size = fs.statSync(file).size;
    fs.truncateSync(file, Math.floor(size / 2));
    const e = refusal(() => openDatabase(file));
    expect(e.reason).toBe('corrupt');
    expect(e.message).toMatch(/damaged|not a readable/);
    expect(e.message).toMatch(/Restore a backup/);
  });

  it('refuses a database written by a newer version of the app', () => {
    const file = path.join(dir, 'n.sqlite');
    const { db } = openDatabase(file);
    db.prepare("INSERT INTO schema_migrations VALUES (999, '0999_future.sql', 'x', '2030-01-01')").run();
    db.close();
    const e = refusal(() => openDatabase(file));
    expect(e.reason).toBe('newer');
    expect(e.message).toMatch(/newer version of Crossdock/);
  });

  it('refuses when an applied migration was edited (checksum mismatch)', () => {
    const file = path.join(dir, 'k.sqlite');
    const { db } = openDatabase(file);
    db.prepare("UPDATE schema_migrations SET checksum = 'tampered' WHERE version = 1").run();
    db.close();
    expect(refusal(() => openDatabase(file)).reason).toBe('checksum');
  });

  it('backs the file up before applying a new migration, each in its own transaction', () => {
    const file = path.join(dir, 'm.sqlite');
    const { db } = openDatabase(file);
    db.prepare("INSERT INTO settings VALUES ('base_currency', 'EUR', 'now', 'now')").run();
    const migDir = path.join(dir, 'migrations');
    fs.mkdirSync(migDir);
    for (const f of fs.readdirSync(migrationsDir())) fs.copyFileSync(path.join(migrationsDir(), f), path.join(migDir, f));
    const n = loadMigrations().length;
    const next = String(n + 1).padStart(4, '0');
    fs.writeFileSync(path.join(migDir, `${next}_add_colour.sql`), 'ALTER TABLE products ADD COLUMN colour TEXT;');
    fs.writeFileSync(path.join(migDir, `${String(n + 2).padStart(4, '0')}_broken.sql`), 'ALTER TABLE nowhere ADD COLUMN x TEXT;');
    expect(() => migrate(db, file, loadMigrations(migDir))).toThrow(/nowhere/);
    // the good migration stayed applied, the broken one left nothing behind
    const versions = (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version);
    expect(versions.at(-1)).toBe(n + 1);
    // into the backups folder next to the data, named as every backup is (listed, restorable)
    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups).toEqual([expect.stringMatching(/^crossdock-\d{8}T\d{9}Z-migration\.sqlite$/)]);
    const copy = new Database(path.join(dir, 'backups', backups[0]!), { readonly: true });
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'base_currency'").get()).toEqual({ value: 'EUR' });
    expect((copy.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(n);
    copy.close();
    db.close();
  });
});
