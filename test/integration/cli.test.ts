import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import { tempApp, type TempApp } from '../helpers/temp-app';

let t: TempApp;
beforeEach(async () => {
  t = tempApp();
  await t.client.call('settings.update', { baseCurrency: 'JPY' });
  const home = await t.client.call('locations.create', { code: 'HOME', name: 'Home', kind: 'own' });
  const p = await t.client.call('products.create', { sku: 'KIT-KAT', name: 'Kit Kat Matcha' });
  await t.client.call('stock.adjust', { productId: p.id, locationId: home.id, qty: 1200, unitCost: '45', reason: 'opening' });
  t.app.close();
});
afterEach(() => t.close());

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('crossdock CLI', () => {
  it('help lists the commands', async () => {
    const r = await cli('help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/stock/);
    expect(r.out).toMatch(/db check/);
  });

  it('stock prints balances as a table with the base currency', async () => {
    const r = await cli('stock', '--data', t.file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/KIT-KAT\s+Kit Kat Matcha\s+HOME\s+1200\s+0\s+1200\s+45\s+54,000/);
    expect(r.out).toMatch(/total value 54,000 JPY/);
  });

  it('stock --json gives machine-readable balances', async () => {
    const r = await cli('stock', '--json', '--location', 'home', '--data', t.file);
    expect(JSON.parse(r.out)).toEqual({
      baseCurrency: 'JPY',
      balances: [{ sku: 'KIT-KAT', name: 'Kit Kat Matcha', location: 'HOME', onHand: 1200, reserved: 0, available: 1200, avgCost: '45', value: '54000' }],
    });
    expect((await cli('stock', '--location', 'NOPE', '--data', t.file)).err).toMatch(/No location with code NOPE/);
  });

  it('db check passes on a healthy file and names the first broken link of a tampered one', async () => {
    expect((await cli('db', 'check', '--data', t.file)).out).toMatch(/All checks passed/);
    const raw = new Database(t.file);
    raw.exec('DROP TRIGGER movements_no_update');
    raw.prepare("UPDATE movements SET actor = 'someone else' WHERE seq = 1").run();
    raw.close();
    const r = await cli('db', 'check', '--data', t.file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/BROKEN at movement #1: movement #1 was changed after it was posted/);
  });

  it('refuses a file that is not a Crossdock database with exit code 2', async () => {
    const other = path.join(t.dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE x (y)');
    db.close();
    const r = await cli('stock', '--data', other);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a Crossdock database/);
  });

  it('fx import reads the ECB zip or a CSV, and fx rate prints what a currency is worth in the base', async () => {
    const csv = path.join(t.dir, 'rates.csv');
    fs.writeFileSync(csv, 'date,base,quote,rate\n2026-11-20,USD,JPY,155.5\n2026-11-20,USD,JPY,x\n');
    const imported = await cli('fx', 'import', csv, '--data', t.file);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/Imported 1 rates for 1 days \(2026-11-20 to 2026-11-20\)/);
    expect(imported.out).toMatch(/line 3: rate: "x" is not a decimal number/);
    const rate = await cli('fx', 'rate', 'usd', '2026-11-21', '--data', t.file);
    expect(rate.out).toMatch(/^1 USD = 155.5 JPY {3}\(direct, csv, rate of 2026-11-20\)$/m);
    const ecb = await cli('fx', 'import', path.resolve(__dirname, '../../main/core/fx/data/eurofxref-hist.zip'), '--data', t.file);
    expect(ecb.out).toMatch(/for 6983 days \(1999-01-04 to 2026-04-13\)/);
    const json = JSON.parse((await cli('fx', 'rate', 'EUR', '2026-04-13', '--json', '--data', t.file)).out);
    expect(json).toMatchObject({ from: 'EUR', to: 'JPY', rate: '186.75', via: 'direct', source: 'ecb' });
    expect((await cli('fx', 'rate', '--data', t.file)).err).toMatch(/Usage: fx rate CUR/);
  });

  it('po list and po show print purchase orders, their lines and receipts', async () => {
    t.reopen();
    const c = t.client;
    const supplier = await c.call('suppliers.create', { name: 'Osaka Drug Wholesale', currency: 'JPY' });
    const product = (await c.call('products.list', {})).rows[0]!;
    const po = await c.call('purchasing.create', { supplierId: supplier.id, orderDate: '2026-11-10', notes: 'restock', lines: [{ productId: product.id, qty: 24, unitPrice: '42' }] });
    await c.call('purchasing.send', { id: po.order.id });
    const home = (await c.call('locations.list'))[0]!;
    await c.call('purchasing.receive', { poId: po.order.id, locationId: home.id, receivedAt: '2026-11-12', lines: [{ lineId: po.lines[0]!.id, qty: 10 }] });
    t.app.close();
    const list = await cli('po', 'list', '--status', 'open', '--data', t.file);
    expect(list.out).toMatch(/PO-000001\s+Osaka Drug Wholesale\s+partially received\s+2026-11-10\s+1\s+1,008 JPY\s+1,008 JPY/);
    const show = await cli('po', 'show', 'po-000001', '--data', t.file);
    expect(show.out).toMatch(/PO-000001 {2}Osaka Drug Wholesale {2}partially received/);
    expect(show.out).toMatch(/1\s+KIT-KAT\s+Kit Kat Matcha\s+24\s+10\s+42\s+1,008/);
    expect(show.out).toMatch(/Receipt GR-000001 2026-11-12: 10 units at 1 JPY = 1 JPY/);
    expect(JSON.parse((await cli('po', 'show', 'PO-000001', '--json', '--data', t.file)).out).receipts).toHaveLength(1);
    expect((await cli('po', 'show', 'PO-999999', '--data', t.file)).err).toMatch(/No purchase order PO-999999/);
  });

  it('shipments list --json gives the board, and tracking import reports good and bad rows', async () => {
    t.reopen();
    const c = t.client;
    const home = (await c.call('locations.list'))[0]!;
    const product = (await c.call('products.list', {})).rows[0]!;
    const late = await c.call('shipments.create', { direction: 'outbound', fromLocationId: home.id, customer: 'Ana Silva', carrier: 'Japan Post', eta: '2020-01-10', trackingNumbers: ['EE123456785JP'], lines: [{ productId: product.id, qty: 2 }] });
    await c.call('shipments.create', { direction: 'outbound', fromLocationId: home.id, customer: 'Ben Ito', eta: '2999-01-01' });
    const tokyo = await c.call('locations.create', { code: 'TYO-2', name: 'Tokyo overflow', kind: 'overseas' });
    await c.call('shipments.create', { direction: 'transfer', fromLocationId: tokyo.id, toLocationId: home.id, eta: '2020-02-01' });
    t.app.close();
    const list = await cli('shipments', 'list', '--json', '--data', t.file);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out).map((r: { number: string; late: boolean }) => [r.number, r.late])).toEqual([
      ['SH-000001', true],
      ['SH-000003', true],
      ['SH-000002', false],
    ]);
    const onlyLate = JSON.parse((await cli('shipments', 'list', '--late', '--json', '--data', t.file)).out) as { id: string; trackingNumbers: string[] }[];
    expect(onlyLate.map((r) => [r.id, r.trackingNumbers])).toEqual([
      [late.shipment.id, ['EE123456785JP']],
      [expect.any(String), []],
    ]);
    // expected arrivals: the overdue transfer, not the parcels going out
    expect((await cli('shipments', 'list', '--arriving', '--data', t.file)).out).toMatch(/^Number.*\n.*\nSH-000003\s+transfer\s+TYO-2 → HOME\s+—\s+—\s+created\s+2020-02-01\s+LATE$/);
    expect((await cli('shipments', 'list', '--data', t.file)).out).toMatch(/SH-000001\s+outbound\s+HOME → Ana Silva\s+Japan Post\s+EE123456785JP\s+created\s+2020-01-10\s+LATE/);
    const file = path.join(t.dir, 'tracking.csv');
    fs.writeFileSync(file, 'tracking_number,time,status,place,text\nEE 123456785 JP,2020-01-05T03:00:00Z,In transit,Tokyo,Accepted\nEE123456785JP,2020-01-05T03:00:00Z,in transit,Tokyo,Accepted\nZZ1,2020-01-06,delivered,,\n');
    const r = await cli('tracking', 'import', file, '--data', t.file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Added 1 tracking events to 1 shipments; 1 already known/);
    expect(r.out).toMatch(/line 4: unknown tracking number ZZ1/);
    expect((await cli('shipments', 'list', '--data', t.file)).out).toMatch(/SH-000001 .* in transit/);
    expect((await cli('tracking', 'import', '--data', t.file)).err).toMatch(/Usage: tracking import/);
  });

  it('orders import, orders list and live report', async () => {
    const file = path.join(t.dir, 'orders.csv');
    fs.writeFileSync(file, 'order,date,customer,currency,sku,qty,unit_price,paid\nW-1,2026-11-20,Ana Silva,JPY,KIT-KAT,3,120,yes\nW-2,2026-11-21,Ben Ode,JPY,NOPE,1,120,\n');
    const dry = await cli('orders', 'import', file, '--dry-run', '--data', t.file);
    expect(dry.out).toMatch(/^Dry run, nothing saved: would import 1 orders \(generic format\); 0 imported before; 0 skipped; 1 with errors\./);
    expect(dry.out).toMatch(/line 3, sku: no product has the SKU NOPE/);
    expect(dry.code).toBe(1);
    expect((await cli('orders', 'import', file, '--data', t.file)).out).toMatch(/^Imported 1 orders/);
    expect((await cli('orders', 'import', file, '--data', t.file)).out).toMatch(/^Imported 0 orders \(generic format\); 1 imported before/);
    const list = await cli('orders', 'list', '--data', t.file);
    expect(list.out).toMatch(/SO-000001\s+2026-11-20\s+Ana Silva\s+import\s+confirmed\s+paid\s+3\s+360 JPY/);
    expect(JSON.parse((await cli('orders', 'list', '--status', 'to-ship', '--json', '--data', t.file)).out)).toHaveLength(1);
    expect((await cli('orders', 'import', '--data', t.file)).err).toMatch(/Usage: orders import/);

    t.reopen();
    const home = (await t.client.call('locations.list', {}))[0]!;
    const product = (await t.client.call('products.list', {})).rows[0]!;
    const s = await t.client.call('live.create', { title: 'Snack night', locationId: home.id, items: [{ productId: product.id, price: '150', cap: 10, code: 'K' }] });
    await t.client.call('live.start', { id: s.session.id });
    await t.client.call('live.claim', { sessionId: s.session.id, product: 'K', customer: 'mia', qty: 4 });
    await t.client.call('live.close', { id: s.session.id });
    t.app.close();
    const report = await cli('live', 'report', 'live-000001', '--data', t.file);
    expect(report.code).toBe(0);
    expect(report.out).toMatch(/LIVE-000001 Snack night \(closed\) at HOME/);
    expect(report.out).toMatch(/1 claims, 4 units, 1 buyers/);
    expect(report.out).toMatch(/Revenue 600 JPY, cost 180 JPY, margin 420 JPY \(70.0%\)/);
    expect(report.out).toMatch(/KIT-KAT\s+Kit Kat Matcha\s+10\s+4\s+40.0%\s+0\s+600 JPY\s+420 JPY/);
    expect(report.out).toMatch(/To pack: SO-000002 \(@mia, 4\)/);
    expect(JSON.parse((await cli('live', 'report', 'LIVE-000001', '--json', '--data', t.file)).out).totals.units).toBe(4);
    expect((await cli('live', 'report', 'LIVE-9', '--data', t.file)).err).toMatch(/No live session LIVE-9/);
  });

  it('unknown commands get a pointer to help', async () => {
    const r = await cli('frobnicate');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Unknown command "frobnicate"/);
  });

  it('runs as `npm run -s cli -- stock --json`', () => {
    const out = execFileSync('npm', ['run', '-s', 'cli', '--', 'stock', '--json', '--data', t.file], {
      cwd: path.resolve(__dirname, '../..'),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    expect(JSON.parse(out).balances[0].onHand).toBe(1200);
    expect(fs.existsSync(t.file)).toBe(true);
  });

  it('export: a list to CSV or Excel, everything to a folder, and that folder back into a new data file', async () => {
    const csv = path.join(t.dir, 'stock.csv');
    let r = await cli('export', 'stock', '--data', t.file, '--out', csv);
    expect(r).toMatchObject({ code: 0, out: `Exported 1 rows to ${csv}` });
    expect(fs.readFileSync(csv, 'utf8')).toMatch(/^\uFEFF"SKU","Name","Location".*\r\n"KIT-KAT","Kit Kat Matcha","HOME","Home",1200,0,1200,45,54000,/s);
    r = await cli('export', 'products', '--data', t.file, '--out', path.join(t.dir, 'p.xlsx'));
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(t.dir, 'p.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect((await cli('export', 'everything', '--data', t.file)).err).toMatch(/One of: products, stock/);

    const dir = path.join(t.dir, 'full');
    r = await cli('export', 'all', '--data', t.file, '--out', dir);
    expect(r.out).toMatch(/^Exported \d+ rows of \d+ tables to .*full, photos and attachments in files\/ \(manifest\.json lists them; API keys are not exported\)\.$/);
    const copy = path.join(t.dir, 'copy.sqlite');
    r = await cli('import', 'all', dir, '--data', copy);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Imported \d+ rows of \d+ tables/);
    expect((await cli('stock', '--data', copy)).out).toContain('KIT-KAT');
    // never over an existing file
    r = await cli('import', 'all', dir, '--data', copy);
    expect(r).toMatchObject({ code: 1, err: expect.stringMatching(/already exists.*Nothing was written\.$/) });
  });

  it('import products: a dry run lists the problems by line and column, then the good rows are saved', async () => {
    const file = path.join(t.dir, 'catalog.csv');
    fs.writeFileSync(file, 'Item code;Description;Retail\nTEA-01;Longjing;1280\nTEA 02;Bad sku;1\n');
    const map = path.join(t.dir, 'template.json');
    fs.writeFileSync(map, JSON.stringify({ sku: 'Item code', name: 'Description', price: 'Retail' }));
    let r = await cli('import', 'products', file, '--data', t.file, '--map', map, '--dry-run');
    expect(r).toMatchObject({ code: 1 });
    expect(r.out).toBe(['catalog.csv (columns: sku=Item code, name=Description, price=Retail): 2 products — 1 new, 0 updated, 0 unchanged.', '  line 3, Item code: must not contain spaces', 'Dry run: nothing was saved.'].join('\n'));
    r = await cli('import', 'products', file, '--data', t.file, '--map', map);
    expect(r.out).toMatch(/Saved, except the 1 rows above\.$/);
    const out = path.join(t.dir, 'products.csv');
    await cli('export', 'products', '--data', t.file, '--out', out);
    expect(fs.readFileSync(out, 'utf8')).toContain('"TEA-01","Longjing"');
    // a big file says how far it has got, on stderr
    fs.writeFileSync(file, `SKU,Name\n${Array.from({ length: 21_000 }, (_, i) => `BULK-${i},Bulk ${i}`).join('\n')}\n`);
    r = await cli('import', 'products', file, '--data', t.file);
    expect(r).toMatchObject({ code: 0, err: '  10000 of 21000 rows…\n  20000 of 21000 rows…' });
    expect(r.out).toMatch(/21000 products — 21000 new.*\nSaved\.$/s);
  });
});
