// Backups as the running app keeps them (main/core/backups/service.ts) on real files: through the
// API, a second folder, imports backed up first, the daily and quit backups, restore (a safety
// backup first, every other call waits, an older backup upgraded, a damaged one refused), the
// `restore` command, and one app per data file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import { backupName, listBackups } from '../../main/db/backup';
import { loadMigrations, migrate } from '../../main/db/migrate';
import { newestGoodBackup } from '../../main/db/restorable';
import { APPLICATION_ID } from '../../main/db/open';
import { openApp } from '../../main/server/app';
import { tempApp, tempDir, type TempApp } from '../helpers/temp-app';

let t: TempApp;
afterEach(() => t?.close());

const skus = async (c: TempApp['client']) => (await c.call('products.list', { limit: 100 })).rows.map((r) => r.sku).sort();
const io = () => {
  const lines: string[] = [];
  return { lines, io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) } };
};

describe('backups in the app', () => {
  it('makes a checked backup on demand, lists it with its size, and copies it to a second folder', async () => {
    t = tempApp();
    await t.client.call('products.create', { sku: 'A', name: 'A' });
    const second = path.join(t.dir, 'usb');
    await expect(t.client.call('backups.configure', { secondFolder: second })).rejects.toMatchObject({ code: 'invalid_input', details: { field: 'secondFolder' }, message: expect.stringMatching(/does not exist/) });
    await expect(t.client.call('backups.configure', { secondFolder: 'relative/folder' })).rejects.toMatchObject({ details: { field: 'secondFolder' } });
    fs.mkdirSync(second);
    expect(await t.client.call('backups.configure', { secondFolder: second })).toMatchObject({ secondFolder: second, backups: [] });

    const made = await t.client.call('backups.run', {});
    expect(made).toMatchObject({ folder: 'main', reason: 'manual', bytes: expect.any(Number) });
    const status = await t.client.call('backups.status', {});
    expect(status).toMatchObject({ folder: path.join(t.dir, 'backups'), running: null, lastError: null, secondFolderProblem: null, lastBackupAt: made.at });
    expect(status.backups.map((b) => [b.folder, b.name])).toEqual([
      ['main', made.name],
      ['second', made.name],
    ]);
    expect(fs.readFileSync(path.join(second, made.name)).equals(fs.readFileSync(path.join(t.dir, 'backups', made.name)))).toBe(true);

    // the drive is unplugged: the backup is still made, and the status says what happened to the copy
    fs.rmSync(second, { recursive: true });
    const next = await t.client.call('backups.run', {});
    const after = await t.client.call('backups.status', {});
    expect(after.backups.filter((b) => b.folder === 'main').map((b) => b.name)).toContain(next.name);
    expect(after.secondFolderProblem).toMatch(/second folder failed: .*usb is not available/);
    expect((await t.client.call('backups.configure', { secondFolder: null })).secondFolder).toBeNull();
  });

  it('backs up before an import (not a dry run), and refuses the import when that backup cannot be made', async () => {
    t = tempApp();
    const loc = await t.client.call('locations.create', { code: 'HOME', name: 'Home', kind: 'own' });
    await t.client.call('products.create', { sku: 'TEE', name: 'Tee' });
    const csv = 'order,date,sku,qty,unit_price,currency\nA-1,2026-11-01,TEE,1,10.00,USD\n';
    await t.client.call('sales.import', { text: csv, locationId: loc.id, dryRun: true });
    expect(listBackups(path.join(t.dir, 'backups'))).toEqual([]);
    const r = await t.client.call('sales.import', { text: csv, locationId: loc.id });
    expect(r.created).toBe(1);
    const [b] = listBackups(path.join(t.dir, 'backups'));
    expect(b?.reason).toBe('import');
    // the backup holds the data from before the import
    const copy = new Database(b!.file, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM sales_orders').get()).toEqual({ n: 0 });
    copy.close();

    // the backups folder cannot be made (a file is in its way): nothing is imported, and the reason says so
    fs.rmSync(path.join(t.dir, 'backups'), { recursive: true });
    fs.writeFileSync(path.join(t.dir, 'backups'), 'in the way');
    await expect(t.client.call('sales.import', { text: csv.replace('A-1', 'A-2'), locationId: loc.id })).rejects.toMatchObject({
      message: expect.stringMatching(/^The backup failed: .*backups.*nothing was imported\.$/s),
    });
    expect((await t.client.call('sales.list', {})).total).toBe(1);
    expect((await t.client.call('backups.status', {})).lastError).toMatchObject({ message: expect.stringMatching(/backups/) });

    // a file import, small or big (its backup is made while its rows are checked): the same
    for (const n of [3, 4500]) {
      const base64 = Buffer.from(`SKU,Name\n${Array.from({ length: n }, (_, i) => `F-${i},File ${i}`).join('\n')}\n`).toString('base64');
      await expect(t.client.call('imports.products', { fileName: 'p.csv', base64 })).rejects.toMatchObject({ message: expect.stringMatching(/^The backup failed: .*nothing was imported\.$/s) });
      expect((await t.client.call('products.list', { search: 'F-', status: 'all' })).total).toBe(0);
    }
    expect(t.app.dispatcher.transact(() => 'free')).toBe('free');
  });

  it('backs up daily when the newest backup is a day old, and when the app quits with changes', async () => {
    let now = new Date('2026-12-01T08:00:00Z');
    t = tempApp({ clock: () => now });
    const dir = path.join(t.dir, 'backups');
    const settle = async () => {
      for (let i = 0; i < 100 && t.app.backups.status().running; i++) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 20));
    };
    // no backup yet: one at start
    t.app.backups.startSchedule(25);
    await new Promise((r) => setTimeout(r, 60));
    await settle();
    expect(listBackups(dir).map((b) => b.reason)).toEqual(['daily']);
    // ticks within the day make none
    now = new Date('2026-12-02T07:59:00Z');
    await new Promise((r) => setTimeout(r, 80));
    await settle();
    expect(listBackups(dir)).toHaveLength(1);
    now = new Date('2026-12-02T08:00:00Z');
    await new Promise((r) => setTimeout(r, 80));
    await settle();
    expect(listBackups(dir).map((b) => b.at)).toEqual(['2026-12-02T08:00:00.000Z', '2026-12-01T08:00:00.000Z']);

    // quitting with nothing changed since: no backup; with a change: one
    await t.app.backups.stop({ quitting: true });
    expect(listBackups(dir)).toHaveLength(2);
    now = new Date('2026-12-02T09:00:00Z');
    await t.client.call('products.create', { sku: 'NEW', name: 'New' });
    expect((await t.client.call('backups.status', {})).changedSinceLast).toBe(true);
    await t.app.backups.stop({ quitting: true });
    expect(listBackups(dir).map((b) => b.reason)).toEqual(['quit', 'daily', 'daily']);
    expect((await t.client.call('backups.status', {})).changedSinceLast).toBe(false);
  });

  it('restores a backup: the current data is backed up first, calls made meanwhile wait, every window is told', async () => {
    t = tempApp();
    await t.client.call('products.create', { sku: 'KEPT', name: 'Kept' });
    const b = await t.client.call('backups.run', {});
    await t.client.call('products.create', { sku: 'LATER', name: 'Later' });
    const events: string[] = [];
    t.app.dispatcher.subscribe((e) => void events.push(e));

    const restoring = t.client.call('backups.restore', { name: b.name });
    // arrives while the restore runs (its safety backup is under way): waits, then lands on the restored data
    while (t.app.backups.status().running !== 'restore') await new Promise((r) => setImmediate(r));
    const during = t.client.call('products.create', { sku: 'DURING', name: 'During' });
    const r = await restoring;
    await during;
    expect(r).toMatchObject({ restored: { name: b.name, folder: 'main' }, safetyBackup: { reason: 'restore' }, upgradedFrom: null });
    expect(events).toContain('data.restored');
    expect(await skus(t.client)).toEqual(['DURING', 'KEPT']);
    expect((await t.client.call('stock.check')).ok).toBe(true);

    // the safety backup undoes the restore
    await t.client.call('backups.restore', { name: r.safetyBackup.name });
    expect(await skus(t.client)).toEqual(['KEPT', 'LATER']);
    // the restored data is the app's data from now on: it survives a restart
    t.reopen();
    expect(await skus(t.client)).toEqual(['KEPT', 'LATER']);
  });

  it('refuses a damaged backup or a name not in the list, and the data stays as it was', async () => {
    t = tempApp();
    for (let i = 0; i < 200; i++) await t.client.call('products.create', { sku: `P-${i}`, name: `Product ${i} ${'x'.repeat(180)}` });
    const b = await t.client.call('backups.run', {});
    const file = path.join(t.dir, 'backups', b.name);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 4096 * 3);
    fs.closeSync(fd);
    await expect(t.client.call('backups.restore', { name: b.name })).rejects.toMatchObject({ details: { field: 'name' }, message: expect.stringMatching(/cannot be restored: it is damaged \(.*\)\. Your data is as it was\.$/) });
    await expect(t.client.call('backups.restore', { name: '../crossdock.sqlite' })).rejects.toMatchObject({ code: 'invalid_input', details: { field: 'name' } });
    await expect(t.client.call('backups.restore', { name: backupName(new Date(), 'manual') })).rejects.toMatchObject({ code: 'not_found' });
    expect((await t.client.call('products.list', { limit: 1 })).total).toBe(200);
    // nothing was backed up for a restore that never started
    expect(listBackups(path.join(t.dir, 'backups'))).toHaveLength(1);
  });

  it('a backup from an older version is upgraded as it is restored', async () => {
    t = tempApp();
    await t.client.call('products.create', { sku: 'NOW', name: 'Now' });
    // a database at schema 10, with a product in it, as an older Crossdock left it
    const old = path.join(t.dir, 'backups', backupName(new Date('2026-06-01T00:00:00Z'), 'daily'));
    fs.mkdirSync(path.dirname(old), { recursive: true });
    const db = new Database(old);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, old, loadMigrations().slice(0, 10), null);
    db.prepare("INSERT INTO products (id, sku, name, created_at, updated_at) VALUES ('0190a000-0000-7000-8000-000000000001', 'OLD', 'Old', '2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z')").run();
    db.prepare("INSERT INTO product_stock (product_id, updated_at) VALUES ('0190a000-0000-7000-8000-000000000001', '2026-06-01T00:00:00Z')").run();
    db.close();
    const r = await t.client.call('backups.restore', { name: path.basename(old) });
    expect(r.upgradedFrom).toBe(10);
    expect(await skus(t.client)).toEqual(['OLD']);
    expect(t.app.db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: loadMigrations().length });
  });
});

describe('restore from the command line', () => {
  it('restores a backup file into closed data, and refuses while the app is open on it', async () => {
    t = tempApp();
    await t.client.call('products.create', { sku: 'IN-BACKUP', name: 'In the backup' });
    const b = await t.client.call('backups.run', {});
    await t.client.call('products.create', { sku: 'AFTER', name: 'After' });
    t.app.close();

    const running = openApp(t.file, { exclusive: true });
    const a = io();
    expect(await runCli(['restore', path.join(t.dir, 'backups', b.name), '--data', t.file], a.io)).toBe(2);
    expect(a.lines.join('\n')).toMatch(/ERR Crossdock is already open on .*crossdock\.sqlite \(process \d+, since/);
    running.close();

    const ok = io();
    expect(await runCli(['restore', path.join(t.dir, 'backups', b.name), '--data', t.file], ok.io)).toBe(0);
    expect(ok.lines.join('\n')).toMatch(/Restored .* into .*crossdock\.sqlite\.\nYour data as it was just before is kept as .*-restore\.sqlite\./);
    t.app = openApp(t.file);
    expect(t.app.db.prepare('SELECT sku FROM products ORDER BY sku').all()).toEqual([{ sku: 'IN-BACKUP' }]);
  });

  it('puts a backup in place of a damaged data file, keeping the damaged one beside it', async () => {
    t = tempApp();
    for (let i = 0; i < 100; i++) await t.client.call('products.create', { sku: `P-${i}`, name: `Product ${i} ${'x'.repeat(180)}` });
    const b = await t.client.call('backups.run', {});
    t.app.db.pragma('wal_checkpoint(TRUNCATE)');
    t.app.close();
    const fd = fs.openSync(t.file, 'r+');
    fs.writeSync(fd, Buffer.alloc(16384, 0xa5), 0, 16384, 4096 * 4);
    fs.closeSync(fd);
    expect(() => openApp(t.file)).toThrow(/damaged|not a readable/);

    // a backup from a newer version of the app is not put in its place (it could not be opened)
    const newer = path.join(t.dir, 'from-newer.sqlite');
    fs.copyFileSync(path.join(t.dir, 'backups', b.name), newer);
    new Database(newer).prepare("INSERT INTO schema_migrations VALUES (999, '0999_future.sql', 'x', '2027-01-01')").run();
    const refused = io();
    expect(await runCli(['restore', newer, '--data', t.file], refused.io)).toBe(1);
    expect(refused.lines.join('\n')).toMatch(/cannot be restored: it was made by a newer version of Crossdock \(schema 999\)\. Nothing was changed\./);
    expect(fs.readdirSync(t.dir).filter((f) => f.includes('.replaced-'))).toEqual([]);
    // nor offered at start-up: the newest that can be restored is
    fs.copyFileSync(newer, path.join(t.dir, 'backups', backupName(new Date(Date.now() + 60_000), 'manual')));
    expect((await newestGoodBackup(path.join(t.dir, 'backups')))?.name).toBe(b.name);

    const r = io();
    expect(await runCli(['restore', path.join(t.dir, 'backups', b.name), '--data', t.file], r.io)).toBe(0);
    expect(r.lines.join('\n')).toMatch(/The current data cannot be opened .*\nRestored .*The damaged file is kept as .*crossdock\.sqlite\.replaced-\d+/s);
    t.app = openApp(t.file);
    expect((t.app.db.prepare('SELECT count(*) AS n FROM products').get() as { n: number }).n).toBe(100);
    expect(fs.readdirSync(t.dir).filter((f) => f.includes('.replaced-'))).toHaveLength(1);
  });

  it('refuses a file that is not a Crossdock backup, changing nothing', async () => {
    t = tempApp();
    await t.client.call('products.create', { sku: 'MINE', name: 'Mine' });
    t.app.close();
    const foreign = path.join(t.dir, 'other.sqlite');
    new Database(foreign).exec('CREATE TABLE x (a); INSERT INTO x VALUES (1)');
    const text = path.join(t.dir, 'notes.txt');
    fs.writeFileSync(text, 'not a database at all '.repeat(100));
    for (const f of [foreign, text]) {
      const r = io();
      expect(await runCli(['restore', f, '--data', t.file], r.io)).toBe(1);
      expect(r.lines.join('\n')).toMatch(/cannot be restored: it is not (a Crossdock database|a readable database)/);
    }
    t.app = openApp(t.file);
    expect(t.app.db.prepare('SELECT sku FROM products').all()).toEqual([{ sku: 'MINE' }]);
    expect(listBackups(path.join(t.dir, 'backups'))).toEqual([]);
  });
});

describe('one app per data file', () => {
  it('a second app on the same file is refused, naming the first; a lock left by a crashed app is taken over', () => {
    const dir = tempDir();
    const file = path.join(dir, 'crossdock.sqlite');
    const first = openApp(file, { exclusive: true });
    expect(() => openApp(file, { exclusive: true })).toThrow(new RegExp(`Crossdock is already open on .*crossdock\\.sqlite \\(process ${process.pid}, since`));
    // the command line may still read beside it
    openApp(file).close();
    first.close();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
    // a lock whose process is gone (kill -9) does not keep the data shut
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), since: '2026-12-01T00:00:00Z' }));
    const again = openApp(file, { exclusive: true });
    again.close();
    // a database that failed to open releases its lock
    fs.writeFileSync(file, 'garbage'.repeat(1000));
    fs.rmSync(`${file}-wal`, { force: true });
    fs.rmSync(`${file}-shm`, { force: true });
    expect(() => openApp(file, { exclusive: true })).toThrow();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
