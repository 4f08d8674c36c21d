// List exports (exports.list) on a real database: every row of the list, not one page, filtered as
// the screen filters; CSV with a BOM, formula-looking text neutralised and amounts as numbers; the
// same as an Excel workbook; a bad filter named by its field.
import { readSheet } from 'read-excel-file/node';
import { afterEach, describe, expect, it } from 'vitest';
import { readCsv } from '../../main/common/table-csv';
import { tempApp, type TempApp } from '../helpers/temp-app';

let t: TempApp;
afterEach(() => t?.close());

const text = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');

describe('list exports', () => {
  it('exports every product, CSV and Excel, with stock values and formula-looking text neutralised', async () => {
    t = tempApp();
    await t.client.call('settings.update', { baseCurrency: 'CNY' });
    const home = await t.client.call('locations.create', { code: 'HOME', name: 'Home', kind: 'own' });
    const lamp = await t.client.call('products.create', { sku: 'LAMP', name: '台灯 Brass lamp', price: '129.50', brand: '=HYPERLINK("http://evil.example","click")' });
    await t.client.call('stock.adjust', { productId: lamp.id, locationId: home.id, qty: 3, unitCost: '40.25', reason: 'opening' });
    for (let i = 0; i < 1204; i++) await t.client.call('products.create', { sku: `BULK-${String(i).padStart(4, '0')}`, name: `Bulk item ${i}` });

    const csv = await t.client.call('exports.list', { what: 'products', format: 'csv' });
    expect(csv).toMatchObject({ fileName: expect.stringMatching(/^products-\d{4}-\d{2}-\d{2}\.csv$/), mimeType: 'text/csv', rows: 1205 });
    const raw = text(csv.base64);
    expect(raw.startsWith('\uFEFF"SKU","Name"')).toBe(true);
    // in the file, the brand begins with an apostrophe: a spreadsheet shows it as text and runs nothing
    expect(raw).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    const { header, rows } = readCsv(raw);
    const row = Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === 'LAMP')![i]]));
    expect(row).toMatchObject({ SKU: 'LAMP', Name: '台灯 Brass lamp', Brand: '=HYPERLINK("http://evil.example","click")', 'Price (CNY)': 129.5, 'On hand': 3, 'Value (CNY)': 120.75, Status: 'active' });

    const xlsx = await t.client.call('exports.list', { what: 'products', format: 'xlsx' });
    expect(xlsx.fileName).toMatch(/\.xlsx$/);
    const sheet = await readSheet(Buffer.from(xlsx.base64, 'base64'));
    expect(sheet).toHaveLength(1206);
    expect(sheet[0]!.slice(0, 2)).toEqual(['SKU', 'Name']);
    const lampRow = sheet.find((r) => r[0] === 'LAMP')!;
    expect(lampRow[header.indexOf('Brand')]).toBe('=HYPERLINK("http://evil.example","click")');
    expect(lampRow[header.indexOf('Value (CNY)')]).toBe(120.75);
  });

  it('exports what the screen filters: stock at one location, open purchase orders', async () => {
    t = tempApp();
    const home = await t.client.call('locations.create', { code: 'HOME', name: 'Home', kind: 'own' });
    const tyo = await t.client.call('locations.create', { code: 'TYO', name: 'Tokyo', kind: 'overseas' });
    const p = await t.client.call('products.create', { sku: 'P', name: 'P' });
    await t.client.call('stock.adjust', { productId: p.id, locationId: home.id, qty: 5, unitCost: '2', reason: 'opening' });
    await t.client.call('stock.adjust', { productId: p.id, locationId: tyo.id, qty: 7, unitCost: '3', reason: 'opening' });
    const tokyo = readCsv(text((await t.client.call('exports.list', { what: 'stock', filter: { locationId: tyo.id } })).base64));
    expect(tokyo.rows.map((r) => [r[0], r[2], r[4]])).toEqual([['P', 'TYO', 7]]);
    expect(readCsv(text((await t.client.call('exports.list', { what: 'movements' })).base64)).rows).toHaveLength(2);

    await expect(t.client.call('exports.list', { what: 'stock', filter: { locationId: 'not-an-id' } })).rejects.toMatchObject({ code: 'invalid_input', details: { field: 'filter.locationId' } });
    await expect(t.client.call('exports.list', { what: 'everything' as 'stock' })).rejects.toMatchObject({ details: { field: 'what' } });
  });
});
