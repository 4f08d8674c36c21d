// Backups (main/db/backup.ts) of a real database file with SQLite's online backup API: a checked,
// whole copy even while the app writes; a failed one leaves nothing behind; old ones pruned by the
// retention rule; the `backup` command.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import { backupName, backupTo, listBackups, pruneBackups } from '../../main/db/backup';
import { tempApp, tempDir, type TempApp } from '../helpers/temp-app';

let t: TempApp;
afterEach(() => t?.close());

const count = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return { products: (db.prepare('SELECT count(*) AS n FROM products').get() as { n: number }).n, check: db.pragma('integrity_check', { simple: true }) };
  } finally {
    db.close();
  }
};

describe('backups', () => {
  it('copies the database whole and checked, as it was when the copy began, while the app goes on writing', async () => {
    t = tempApp();
    for (let i = 0; i < 300; i++) await t.client.call('products.create', { sku: `SKU-${i}`, name: `Product ${i} ${'x'.repeat(150)}` });
    const dir = path.join(t.dir, 'backups');
    // one page a step, so the writes below land while it copies
    let finished = false;
    const running = backupTo(t.app.db, dir, { reason: 'manual', pagesPerStep: 1 }).finally(() => (finished = true));
    for (let i = 0; i < 2000 && !(fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.endsWith('.tmp'))); i++) await new Promise((r) => setTimeout(r, 5));
    for (let i = 300; i < 320; i++) await t.client.call('products.create', { sku: `SKU-${i}`, name: `Product ${i}` });
    expect(finished).toBe(false);
    const b = await running;
    expect(b).toMatchObject({ reason: 'manual', name: expect.stringMatching(/^crossdock-\d{8}T\d{9}Z-manual\.sqlite$/) });
    // the writes went through meanwhile; the copy is the data as it stood when it began
    expect((await t.client.call('products.list', { limit: 1 })).total).toBe(320);
    expect(count(b.file)).toEqual({ products: 300, check: 'ok' });
    expect(fs.readdirSync(dir)).toEqual([b.name]);
  });

  it('a backup that cannot be written fails cleanly, naming where, and leaves nothing behind', async () => {
    t = tempApp();
    const notADir = path.join(t.dir, 'a-file');
    fs.writeFileSync(notADir, 'x');
    await expect(backupTo(t.app.db, notADir, { reason: 'manual' })).rejects.toThrow(/could not be written to .*a-file/);
    expect(fs.readdirSync(t.dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    // the app is untouched and the next backup works
    await t.client.call('products.create', { sku: 'AFTER', name: 'After' });
    expect(count((await backupTo(t.app.db, path.join(t.dir, 'ok'), { reason: 'manual' })).file).products).toBe(1);
  });

  it('keeps 7 daily, 4 weekly and 12 monthly backups and deletes the rest, touching no other file', () => {
    const dir = tempDir();
    for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(dir, backupName(new Date(Date.UTC(2026, 10, 25 - i, 2)), 'daily')), '');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const gone = pruneBackups(dir);
    const left = listBackups(dir).map((b) => b.at.slice(0, 10));
    // 19–25 Nov, the newest of the weeks of 9 and 2 Nov, the newest of October (the 31st) and of September (the 30th)
    expect(left).toEqual(['2026-11-25', '2026-11-24', '2026-11-23', '2026-11-22', '2026-11-21', '2026-11-20', '2026-11-19', '2026-11-15', '2026-11-08', '2026-10-31', '2026-09-30']);
    expect(gone).toHaveLength(60 - left.length);
    expect(fs.existsSync(path.join(dir, 'notes.txt'))).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('from the command line: backup into the folder next to the data, or --to a folder', async () => {
    t = tempApp();
    await t.client.call('products.create', { sku: 'ONE', name: 'One' });
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(`ERR ${l}`) };
    expect(await runCli(['backup', '--data', t.file], io)).toBe(0);
    expect(out[0]).toMatch(new RegExp(`^Backed up to ${path.join(t.dir, 'backups').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/crossdock-.*-manual\\.sqlite \\(.* MB, checked\\)`));
    const elsewhere = path.join(t.dir, 'usb');
    expect(await runCli(['backup', '--data', t.file, '--to', elsewhere], io)).toBe(0);
    expect(listBackups(elsewhere)).toHaveLength(1);
    expect(count(listBackups(elsewhere)[0]!.file).products).toBe(1);
  });
});
