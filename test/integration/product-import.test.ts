// Importing a catalogue (imports.products) into a real database. The fixtures follow the real
// export layouts: test/fixtures/shopify-products.csv has every column of Shopify's products export
// (variant rows that leave the product's own columns blank, an image-only row, a product with no SKU,
// a barcode Excel turned into 4.01235E+12, a price that is not one); woocommerce-products.csv has
// WooCommerce's exporter columns (variations pointing at their parent by SKU and by "id:N", weights
// in kg and sizes in cm, a grouped product, the same SKU twice).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../main/common/api';
import { writeXlsx } from '../../main/common/xlsx-write';
import { listBackups } from '../../main/db/backup';
import { tempApp, type TempApp } from '../helpers/temp-app';

let t: TempApp;
afterEach(() => t?.close());

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures', name)).toString('base64');
const b64 = (text: string) => Buffer.from(text).toString('base64');

async function product(sku: string) {
  const rows = (await t.client.call('products.list', { search: sku, status: 'all' })).rows;
  return rows.find((p) => p.sku === sku) ?? null;
}

describe('product import', () => {
  it("Shopify's products export: variants under their product, blank columns filled from it, problems by line and column, a dry run first", async () => {
    t = tempApp();
    const args = { fileName: 'products_export_1.csv', base64: fixture('shopify-products.csv') };
    const dry = await t.client.call('imports.products', { ...args, dryRun: true });
    expect(dry).toMatchObject({ format: 'shopify', dryRun: true, written: false, created: 5, updated: 0, skipped: 1, madeSkus: 2 });
    expect(dry.problems).toEqual([
      { line: 4, column: 'Variant Barcode', message: expect.stringMatching(/^Excel turned this into 4\.01235E\+12: the digits are lost/) },
      { line: 8, column: 'Variant SKU', message: 'must not contain spaces' },
      { line: 8, column: 'Variant Price', message: 'must be a number like 12.50' },
    ]);
    expect((await t.client.call('products.list', { status: 'all' })).total).toBe(0);
    expect(listBackups(path.join(t.dir, 'backups'))).toEqual([]);

    const r = await t.client.call('imports.products', args);
    expect(r).toMatchObject({ written: true, created: 5, problems: dry.problems });
    // backed up before
    expect(listBackups(path.join(t.dir, 'backups')).map((b) => b.reason)).toEqual(['import']);
    const kk = await product('KK-MATCHA-12');
    expect(kk).toMatchObject({ name: 'Kit Kat Matcha 12 pack', brand: 'Nestlé Japan', category: 'Snacks', weightG: 170, price: 599, barcode: '4902201178174', parentId: null });
    const tote = await product('LINEN-TOTE');
    expect(tote).toMatchObject({ name: 'Linen tote bag', brand: 'Hanbok Studio', category: 'Bags', options: null });
    // the variant rows left Title, Vendor and Type blank: filled from the product's first row
    expect(await product('TOTE-BLK-L')).toMatchObject({ name: 'Linen tote bag - Black / L', brand: 'Hanbok Studio', parentId: tote!.id, options: { Color: 'Black', Size: 'L' }, price: 2600, weightG: 260 });
    expect(await product('TOTE-NAT-M')).toMatchObject({ parentId: tote!.id, options: { Color: 'Natural', Size: 'M' } });
    // a product without a SKU gets one from its handle
    expect(await product('HAND-CREAM-SAMPLE')).toMatchObject({ name: 'Hand cream (sample)', price: 0 });

    // the same file again: found, not made twice, nothing changed
    const again = await t.client.call('imports.products', args);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect((await t.client.call('products.list', { status: 'all' })).total).toBe(5);
    // a price changed in the file: that product updated
    const changed = Buffer.from(args.base64, 'base64').toString('utf8').replace('"5.99"', '"6.49"').replace(',5.99,', ',6.49,');
    expect(await t.client.call('imports.products', { ...args, base64: b64(changed) })).toMatchObject({ created: 0, updated: 1, unchanged: 4 });
    expect((await product('KK-MATCHA-12'))!.price).toBe(649);
  });

  it("WooCommerce's products export: variations linked by parent SKU or id, kg and cm converted, grouped skipped, a SKU twice named", async () => {
    t = tempApp();
    const r = await t.client.call('imports.products', { fileName: 'wc-product-export.csv', base64: fixture('woocommerce-products.csv') });
    expect(r).toMatchObject({ format: 'woocommerce', created: 4, skipped: 1 });
    expect(r.problems).toEqual([{ line: 7, column: 'SKU', message: 'MASK-SNAIL-10 is also on line 2: each SKU once' }]);
    expect(await product('MASK-SNAIL-10')).toMatchObject({ name: 'Snail sheet mask (10 pack)', barcode: '7350000000016', brand: 'COSRX', category: 'Masks', weightG: 250, lengthMm: 200, widthMm: 150, heightMm: 35, price: 1250, lowStockThreshold: 5 });
    const tee = await product('TEE');
    expect(await product('TEE-S')).toMatchObject({ parentId: tee!.id, options: { Size: 'S' }, weightG: 170, price: 1500 });
    expect(await product('TEE-M')).toMatchObject({ parentId: tee!.id, options: { Size: 'M' } });
  });

  it("Crossdock's own export comes back as it went out", async () => {
    t = tempApp();
    await t.client.call('settings.update', { baseCurrency: 'EUR' });
    const parent = await t.client.call('products.create', { sku: 'MUG', name: 'Mug', brand: '=cmd', hsCode: '691200', originCountry: 'PT', price: '12.50' });
    await t.client.call('products.create', { sku: 'MUG-BLUE', name: 'Mug, blue', parentId: parent.id, options: { Colour: 'Blue' }, weightG: 350, barcode: '4012345678901' });
    const csv = await t.client.call('exports.list', { what: 'products', format: 'csv' });
    const xlsx = await t.client.call('exports.list', { what: 'products', format: 'xlsx' });
    const before = (await t.client.call('products.list', {})).rows.map(({ id: _i, createdAt: _c, updatedAt: _u, parentId, ...p }) => ({ ...p, parent: parentId ? 'MUG' : null }));
    for (const file of [csv, xlsx]) {
      const other = tempApp();
      try {
        await other.client.call('settings.update', { baseCurrency: 'EUR' });
        const r = await other.client.call('imports.products', { fileName: file.fileName, base64: file.base64 });
        expect(r).toMatchObject({ format: 'crossdock', created: 2, problems: [] });
        const after = (await other.client.call('products.list', {})).rows.map(({ id: _i, createdAt: _c, updatedAt: _u, parentId, ...p }) => ({ ...p, parent: parentId ? 'MUG' : null }));
        expect(after).toEqual(before);
      } finally {
        other.close();
      }
    }
  });

  it('any other file by its columns (guessed from Chinese headers, or mapped), in GB18030 with decimal commas; all-or-nothing', async () => {
    t = tempApp();
    // 货号;名称;售价;条码 — as a Chinese Excel saves a CSV (GB18030, semicolons, decimal commas)
    const text = '货号;名称;售价;条码\nTEA-01;龙井茶 250g;128,50;\nTEA-02;;88;\nTEA-03;铁观音;1.299,00;12345\n';
    const gb = new TextDecoder('utf-8').decode(new TextEncoder().encode(text));
    const bytes = encodeGb18030(gb);
    const dry = await t.client.call('imports.products', { fileName: 'tea.csv', base64: Buffer.from(bytes).toString('base64'), dryRun: true });
    expect(dry).toMatchObject({ format: 'mapped', mapping: { sku: '货号', name: '名称', price: '售价', barcode: '条码' }, created: 1 });
    expect(dry.problems.map((p) => [p.line, p.column])).toEqual([
      [3, '名称'],
      [4, '条码'],
    ]);
    // all-or-nothing: two bad rows, so nothing is saved
    const none = await t.client.call('imports.products', { fileName: 'tea.csv', base64: Buffer.from(bytes).toString('base64'), allOrNothing: true });
    expect(none).toMatchObject({ written: false, problems: dry.problems });
    expect((await t.client.call('products.list', {})).total).toBe(0);
    // the good rows, with the columns named by hand, from an XLSX
    const sheet = writeXlsx('Sheet1', ['Item', 'Description', 'Retail'], [['TEA-01', '龙井茶 250g', 128.5], ['TEA-04', 'Pu-erh', 45]]);
    const r = await t.client.call('imports.products', { fileName: 'tea.xlsx', base64: Buffer.from(sheet).toString('base64'), mapping: { sku: 'Item', name: 'Description', price: 'Retail' } });
    expect(r).toMatchObject({ format: 'mapped', created: 2, problems: [] });
    expect(await product('TEA-01')).toMatchObject({ name: '龙井茶 250g', price: 12850 });
  });

  it('refuses a file it cannot read, and a mapping without a SKU column, writing nothing', async () => {
    t = tempApp();
    await expect(t.client.call('imports.products', { fileName: 'photo.jpg', base64: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]).toString('base64') })).rejects.toMatchObject({ details: { field: 'base64' }, message: expect.stringMatching(/photo\.jpg cannot be read: it is not a CSV or XLSX file/) });
    const r = await t.client.call('imports.products', { fileName: 'x.csv', base64: b64('a,b\n1,2\n'), mapping: { name: 'b' } });
    expect(r).toMatchObject({ written: true, created: 0, problems: [{ line: 1, column: 'sku', message: 'choose the column that holds the SKU' }] });
    expect(listBackups(path.join(t.dir, 'backups'))).toEqual([]);
  });

  it('a file bigger than one chunk: progress chunk by chunk; a call made meanwhile waits and sees all of it; a service may not write into it', async () => {
    t = tempApp();
    const n = 5000;
    const base64 = b64(`SKU,Name,Price\n${Array.from({ length: n }, (_, i) => `BIG-${i},Big ${i},${i % 100}.50`).join('\n')}\n`);
    const seen: ImportProgress[] = [];
    let during: Promise<number> | null = null;
    let refused: unknown = null;
    const off = t.client.on('imports.progress', (p) => {
      seen.push(p);
      if (p.stage === 'saving' && p.done > 0 && !during) {
        during = t.client.call('products.list', { status: 'all' }).then((l) => l.total);
        try {
          t.app.dispatcher.transact(() => 1);
        } catch (e) {
          refused = e;
        }
      }
    });
    const r = await t.client.call('imports.products', { fileName: 'big.csv', base64 });
    off();
    expect(r).toMatchObject({ created: n, written: true, cancelled: false, problems: [] });
    // the list asked for half-way waited for the import, then saw every row
    expect(await during).toBe(n);
    expect(refused).toMatchObject({ code: 'conflict', message: 'An import is being saved; try again when it is done' });
    // the backup is made while the rows are checked, and waited for before anything is committed
    expect(seen.map((p) => `${p.stage} ${p.done}/${p.total}`)).toEqual(['reading 0/0', 'saving 0/5000', 'saving 2000/5000', 'saving 4000/5000', 'backup 0/0', 'finishing 5000/5000']);
    expect(listBackups(path.join(t.dir, 'backups')).map((b) => b.reason)).toEqual(['import']);
    // indexed for search at the end
    expect((await t.client.call('products.list', { search: 'Big 4999' })).rows.map((p) => p.sku)).toEqual(['BIG-4999']);
    expect(t.app.dispatcher.transact(() => 1)).toBe(1);
  });

  it('a big stock import cancelled half-way: nothing of it is saved, and the app goes on', async () => {
    t = tempApp();
    await t.client.call('locations.create', { code: 'HOME', name: 'Home', kind: 'own' });
    const n = 4500;
    await t.client.call('imports.products', { fileName: 'p.csv', base64: b64(`SKU,Name\n${Array.from({ length: n }, (_, i) => `S-${i},Thing ${i}`).join('\n')}\n`) });
    const stock = b64(`SKU,Location,Quantity,Unit cost\n${Array.from({ length: n }, (_, i) => `S-${i},HOME,${1 + (i % 9)},2.50`).join('\n')}\n`);
    const changed: unknown[] = [];
    const offChanged = t.client.on('stock.changed', (p) => changed.push(p));
    let cancel: Promise<{ cancelled: boolean }> | null = null;
    const off = t.client.on('imports.progress', (p) => {
      if (p.stage === 'saving' && p.done > 0) cancel ??= t.client.call('imports.cancel', {});
    });
    const r = await t.client.call('imports.stock', { fileName: 'stock.csv', base64: stock });
    off();
    offChanged();
    expect(await cancel).toEqual({ cancelled: true });
    expect(r).toMatchObject({ cancelled: true, written: false });
    expect(changed).toEqual([]);
    expect((await t.client.call('stock.balances', { nonZero: true })).total).toBe(0);
    // the same file again, left to finish
    expect(await t.client.call('imports.stock', { fileName: 'stock.csv', base64: stock })).toMatchObject({ created: n, written: true, cancelled: false });
    expect(await t.client.call('imports.cancel', {})).toEqual({ cancelled: false });
  });

  it('a CSV row pushed out of shape by an unquoted delimiter is named and left out; the rows around it come in', async () => {
    t = tempApp();
    const r = await t.client.call('imports.products', { fileName: 'shop.csv', base64: b64('SKU,Name,Price\nA-1,Lamp,12.50\nA-2,Lamp, brass,13.00\nA-3,Mug,4\n') });
    expect(r).toMatchObject({ created: 2, problems: [{ line: 3, column: 'Price', message: expect.stringMatching(/^has 4 cells but the header names 3 columns: a value with the delimiter in it, not quoted\?/) }] });
    expect(await product('A-3')).toMatchObject({ name: 'Mug', price: 400 });
  });
});

/** GB18030 bytes of a text of ASCII and the few Chinese characters above (Node has no GB18030 encoder). */
function encodeGb18030(text: string): Uint8Array {
  const table: Record<string, number[]> = {
    货: [0xbb, 0xf5], 号: [0xba, 0xc5], 名: [0xc3, 0xfb], 称: [0xb3, 0xc6], 售: [0xca, 0xdb], 价: [0xbc, 0xdb], 条: [0xcc, 0xf5], 码: [0xc2, 0xeb],
    龙: [0xc1, 0xfa], 井: [0xbe, 0xae], 茶: [0xb2, 0xe8], 铁: [0xcc, 0xfa], 观: [0xb9, 0xdb], 音: [0xd2, 0xf4],
  };
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else if (table[ch]) out.push(...table[ch]!);
    else throw new Error(`no GB18030 bytes for ${ch} in this test`);
  }
  // the decoder must agree that these bytes are this text
  expect(new TextDecoder('gb18030').decode(Uint8Array.from(out))).toBe(text);
  return Uint8Array.from(out);
}
