// The full export (main/db/dump.ts): a living business (the demo: products, stock, purchases,
// landed costs, shipments, sales, live sessions, reorder rules) plus a supplier connection with an
// API key, exported to a folder of CSV files and imported into a new data file: every table holds
// exactly the same rows, the ledger checks out, API keys never leave; and a tampered, foreign or
// broken export is refused with nothing written.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../main/common/api/client';
import { seedDemo } from '../../main/core/demo/seed';
import { exportAll, importAll, type Manifest } from '../../main/db/dump';
import { openApp } from '../../main/server/app';
import { inProcessTransport } from '../../main/server/in-process';
import { tempApp, type TempApp } from '../helpers/temp-app';

let t: TempApp;
afterEach(() => t?.close());

/** every row of every table the export covers, in row order (and the search index's answers) */
function contents(file: string, m: Manifest) {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(m.tables.map((tb) => [tb.name, db.prepare(`SELECT ${tb.rowid ? 'rowid AS _rowid, ' : ''}* FROM "${tb.name}" ORDER BY ${tb.rowid ? 'rowid' : '1'}`).all()]));
  } finally {
    db.close();
  }
}

describe('full export', () => {
  it('a whole business goes out to CSV files and comes back identical, without its API keys', async () => {
    t = tempApp();
    await seedDemo(t.client);
    const supplier = (await t.client.call('suppliers.list', {}))[0]!;
    await t.client.call('sync.saveConnection', { supplierId: supplier.id, kind: 'open_protocol', endpoint: 'https://api.example.com', apiKey: 'sk_live_do_not_export', autoSync: false });

    const dir = path.join(t.dir, 'export');
    const m = exportAll(t.app.db, dir);
    expect(m).toMatchObject({ format: 'crossdock-export', version: 1, withheld: ['supplier_connections.secret'] });
    const byName = Object.fromEntries(m.tables.map((x) => [x.name, x]));
    expect(byName.products!.rows).toBeGreaterThanOrEqual(30);
    expect(byName.movements!.rows).toBeGreaterThan(100);
    expect(Object.keys(byName)).not.toContain('products_fts');
    expect(fs.readdirSync(dir).sort()).toEqual(['manifest.json', ...m.tables.map((x) => x.file)].sort());
    for (const f of fs.readdirSync(dir)) expect(fs.readFileSync(path.join(dir, f), 'utf8')).not.toContain('sk_live');
    // sealed or not, the key itself is not in the export
    const sealed = (t.app.db.prepare('SELECT secret FROM supplier_connections').get() as { secret: string }).secret;
    expect(sealed).toBeTruthy();
    for (const f of fs.readdirSync(dir)) expect(fs.readFileSync(path.join(dir, f), 'utf8')).not.toContain(sealed);

    const copy = path.join(t.dir, 'imported', 'crossdock.sqlite');
    const r = importAll(dir, copy);
    expect(r.rows).toBe(m.tables.reduce((n, x) => n + x.rows, 0));
    const before = contents(t.file, m);
    const after = contents(copy, m);
    (before.supplier_connections as { secret: string | null }[])[0]!.secret = null;
    expect(after).toEqual(before);

    // the imported file is a working Crossdock: ledger and balances check out, search finds products, numbering goes on
    const app = openApp(copy);
    try {
      const c = createClient(inProcessTransport(app.dispatcher));
      expect(await c.call('stock.check')).toMatchObject({ ok: true, chain: { ok: true }, balances: { ok: true } });
      const anyProduct = (await c.call('products.list', { limit: 1 })).rows[0]!;
      expect((await c.call('search.global', { q: anyProduct.sku })).map((h) => h.id)).toContain(anyProduct.id);
      const [loc] = await c.call('locations.list', {});
      await c.call('stock.adjust', { productId: anyProduct.id, locationId: loc!.id, qty: 1, unitCost: '1.00', reason: 'found' });
      expect((await c.call('stock.check')).ok).toBe(true);
      expect((await c.call('sync.connection', { supplierId: supplier.id }))?.hasKey).toBe(false);
    } finally {
      app.close();
    }
  }, 120_000);

  it('refuses an export changed by hand, a folder that is not one, and an existing data file, writing nothing', async () => {
    t = tempApp();
    await t.client.call('products.create', { sku: 'A', name: 'A' });
    const dir = path.join(t.dir, 'export');
    exportAll(t.app.db, dir);
    expect(() => exportAll(t.app.db, dir)).toThrow(/is not empty/);
    const target = path.join(t.dir, 'new.sqlite');

    expect(() => importAll(t.dir, target)).toThrow(/is not a Crossdock export \(manifest\.json/);
    expect(() => importAll(dir, t.file)).toThrow(/already exists/);
    fs.appendFileSync(path.join(dir, 'products.csv'), '"extra"\r\n');
    expect(() => importAll(dir, target)).toThrow(/products\.csv was changed after it was exported/);
    expect(fs.existsSync(target)).toBe(false);
  });
});
