// Fault tests (DESIGN.md §8): a crash mid-write, mid-backup or mid-import and a full disk (during a
// write or a backup) end with nothing lost, nothing half-written, and a clear message.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempApp, tempDir } from '../helpers/temp-app';
import { openApp } from '../../main/server/app';
import { createClient } from '../../main/common/api/client';
import { inProcessTransport } from '../../main/server/in-process';
import fs from 'node:fs';
import { listBackups } from '../../main/db/backup';

const root = path.resolve(__dirname, '../..');
let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function writer(file: string, mode: string, shellPrefix = '') {
  // `node --import tsx` runs the TypeScript in this one process (the tsx CLI would fork a child
  // that a SIGKILL of the parent leaves running), and `exec` puts node in the shell's place.
  const cmd = `${shellPrefix} exec "${process.execPath}" --import tsx "${path.join(root, 'test/fixtures/writer.ts')}" "${file}" ${mode}`;
  const child = spawn('bash', ['-c', cmd], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  const waiters: [(l: Record<string, unknown>) => boolean, () => void][] = [];
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    const msg = JSON.parse(line) as Record<string, unknown>;
    lines.push(msg);
    for (const [pred, done] of waiters) if (pred(msg)) done();
  });
  const until = (pred: (l: Record<string, unknown>) => boolean) => new Promise<void>((resolve) => waiters.push([pred, resolve]));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, lines, until, exited };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function checkFile(file: string) {
  const app = openApp(file);
  try {
    const c = createClient(inProcessTransport(app.dispatcher));
    return { check: await c.call('stock.check'), movements: (await c.call('stock.movements', { limit: 1 })).total };
  } finally {
    app.close();
  }
}

describe('faults', () => {
  it('kill -9 in the middle of writing loses nothing that was committed and leaves the ledger consistent', async () => {
    const file = path.join(dir, 'crash.sqlite');
    const w = writer(file, 'forever');
    await w.until((l) => typeof l.ok === 'number' && (l.ok as number) >= 300);
    w.child.kill('SIGKILL');
    await w.exited;
    expect(processAlive(w.child.pid!)).toBe(false);
    const reported = Math.max(...w.lines.map((l) => (typeof l.ok === 'number' ? l.ok : 0)));
    const { check, movements } = await checkFile(file);
    expect(check).toMatchObject({ ok: true, chain: { ok: true }, balances: { ok: true } });
    // every post the writer saw succeed is there (and maybe a few more it had no time to report)
    expect(movements).toBeGreaterThanOrEqual(reported);
  });

  it('a full disk fails the write with a clear message, keeps the app usable, and loses nothing saved', async () => {
    const file = path.join(dir, 'full.sqlite');
    // File-size limit of ~1.5 MB for the writer process; SIGXFSZ ignored so writes fail with EFBIG.
    const w = writer(file, 'disk-full', "trap '' XFSZ; ulimit -f 1500;");
    const code = await w.exited;
    const failure = w.lines.find((l) => l.error) as { ok: number; error: { code: string; message: string } } | undefined;
    expect(code).toBe(0);
    expect(failure?.error.message).toMatch(/disk is full|nothing was saved/i);
    expect(w.lines.find((l) => 'readAfterError' in l)).toMatchObject({ readAfterError: true });
    const { check, movements } = await checkFile(file);
    expect(check.ok).toBe(true);
    expect(movements).toBe(failure!.ok);
  });

  it('a write refused half-way through a transfer leaves neither half', async () => {
    const t = tempApp();
    try {
      const a = await t.client.call('locations.create', { code: 'A', name: 'A', kind: 'own' });
      const b = await t.client.call('locations.create', { code: 'B', name: 'B', kind: 'own' });
      const p = await t.client.call('products.create', { sku: 'P', name: 'P' });
      await t.client.call('stock.adjust', { productId: p.id, locationId: a.id, qty: 5, unitCost: '1', reason: 'opening' });
      await t.client.call('locations.archive', { id: b.id }).catch(() => undefined);
      // the out-movement succeeds, then the in-movement is refused (archived target): all rolled back
      await expect(t.client.call('stock.transfer', { productId: p.id, fromLocationId: a.id, toLocationId: b.id, qty: 2 })).rejects.toMatchObject({ code: 'conflict', details: { field: 'toLocationId' } });
      expect((await t.client.call('stock.balances', { productId: p.id })).rows.map((r) => [r.locationCode, r.onHand])).toEqual([['A', 5]]);
      expect((await t.client.call('stock.check')).ok).toBe(true);
    } finally {
      t.close();
    }
  });
});

const QUOTES = ['USD', 'JPY', 'GBP', 'CNY', 'KRW', 'AUD', 'CAD', 'CHF', 'HKD', 'SGD'];

describe('backup and import faults', () => {
  function run(file: string, mode: string, arg = '', shellPrefix = '') {
    const cmd = `${shellPrefix} exec "${process.execPath}" --import tsx "${path.join(root, 'test/fixtures/backup-worker.ts')}" "${file}" ${mode} ${arg}`;
    const child = spawn('bash', ['-c', cmd], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: Record<string, unknown>[] = [];
    readline.createInterface({ input: child.stdout! }).on('line', (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, lines, exited };
  }

  /** a data file of `products` products (made through the API) and, with `padding`, ~25 MB of history beside them */
  async function filled(products: number, padding = false): Promise<string> {
    const t = tempApp();
    const file = path.join(dir, 'data.sqlite');
    for (let i = 0; i < products; i++) await t.client.call('products.create', { sku: `P-${i}`, name: `Product ${i} ${'x'.repeat(180)}` });
    if (padding) {
      // years of exchange rates: a big file in a second, without going through an import
      const add = t.app.db.prepare("INSERT INTO fx_rates (base, quote, day, rate, source, created_at, updated_at) VALUES ('EUR', ?, ?, ?, 'manual', 'x', 'x')");
      t.app.db.transaction(() => {
        for (let d = 0; d < 20_000; d++) for (const q of QUOTES) add.run(q, new Date(Date.UTC(1970, 0, 1 + d)).toISOString().slice(0, 10), (1 + d / 1e5).toFixed(8));
      })();
    }
    t.app.db.pragma('wal_checkpoint(TRUNCATE)');
    t.app.close();
    fs.copyFileSync(t.file, file);
    t.close();
    return file;
  }

  const waitFor = async (what: () => boolean, ms = 20_000) => {
    for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) if (what()) return;
    throw new Error('timed out');
  };
  const count = (file: string, table: string) => {
    const app = openApp(file);
    try {
      return { n: (app.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, check: app.db.pragma('integrity_check', { simple: true }) };
    } finally {
      app.close();
    }
  };

  it('kill -9 half-way through a backup: the data is whole, no backup is listed, and the next backup works and clears the leftover', async () => {
    const file = await filled(3000, true);
    const backups = path.join(dir, 'backups');
    const w = run(file, 'backup-slow');
    await waitFor(() => fs.existsSync(backups) && fs.readdirSync(backups).some((f) => f.endsWith('.tmp') && fs.statSync(path.join(backups, f)).size > 200_000));
    w.child.kill('SIGKILL');
    await w.exited;
    expect(w.lines).toEqual([{ started: true }]);
    // what it left: its temporary file (and the journal of the copy), never a backup
    expect(fs.readdirSync(backups).every((f) => /\.tmp(-journal)?$/.test(f))).toBe(true);
    expect(listBackups(backups)).toEqual([]);

    expect(count(file, 'products')).toEqual({ n: 3000, check: 'ok' });
    const app = openApp(file);
    try {
      const b = await app.backups.run('manual');
      expect(fs.readdirSync(backups)).toEqual([b.name]);
    } finally {
      app.close();
    }
  });

  it('kill -9 during an import: nothing of it is written, the backup made before it is whole, and the next backup works', async () => {
    const file = await filled(10);
    const csv = path.join(dir, 'rates.csv');
    const rows = ['date,base,quote,rate'];
    for (let d = 0; d < 20_000; d++) for (const q of QUOTES) rows.push(`${new Date(Date.UTC(1970, 0, 1 + d)).toISOString().slice(0, 10)},EUR,${q},${(1 + d / 1e5).toFixed(8)}`);
    fs.writeFileSync(csv, rows.join('\n'));
    const before = count(file, 'fx_rates').n;
    const backups = path.join(dir, 'backups');
    const w = run(file, 'import', csv);
    // the backup before the import is made, then the import's transaction is under way
    await waitFor(() => listBackups(backups).length === 1);
    await waitFor(() => fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 64 * 1024);
    w.child.kill('SIGKILL');
    await w.exited;
    expect(w.lines).toEqual([{ importing: true }]);

    expect(count(file, 'fx_rates')).toEqual({ n: before, check: 'ok' });
    const [b] = listBackups(backups);
    expect(b!.reason).toBe('import');
    expect(count(b!.file, 'products')).toEqual({ n: 10, check: 'ok' });
    const app = openApp(file);
    try {
      expect((await app.backups.run('manual')).reason).toBe('manual');
    } finally {
      app.close();
    }
  });

  it('a full disk during a backup: a clear message, nothing left behind, the app goes on, and the data is whole', async () => {
    const file = await filled(3000);
    // a file-size limit (1 MiB) smaller than the backup; SIGXFSZ ignored so writes fail with EFBIG
    const w = run(file, 'backup', '', "trap '' XFSZ; ulimit -f 1024;");
    expect(await w.exited).toBe(0);
    expect(w.lines[0]).toEqual({ error: expect.stringMatching(/^The backup failed: there is not enough space in .*backups\. Your data is as it was\.$/) });
    expect(w.lines[1]).toEqual({ readAfter: true, writeAfter: true });
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([]);
    expect(count(file, 'products')).toEqual({ n: 3000, check: 'ok' });
  });
});
