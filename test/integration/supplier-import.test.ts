// Suppliers and supplier price lists from files (imports.suppliers, imports.prices) on a real
// database: columns guessed from English or Chinese headers, found by name / by the supplier's SKU
// and updated rather than duplicated, price breaks already on a list kept, problems by line and column.
import { afterEach, describe, expect, it } from 'vitest';
import { tempApp, type TempApp } from '../helpers/temp-app';

let t: TempApp;
afterEach(() => t?.close());
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('supplier imports', () => {
  it('suppliers: created, then found by name and updated; bad rows named', async () => {
    t = tempApp();
    const file = ['供应商,币种,国家,联系人,邮箱,交期', 'Osaka Wholesale,JPY,JP,Sato,sato@osaka.example,21', 'Seoul Beauty,krw,KR,,,10', 'No Currency Ltd,,CN,,,', 'Bad Mail,USD,US,,not-an-email,', 'Slow,EUR,DE,,,ten'].join('\n');
    const r = await t.client.call('imports.suppliers', { fileName: 'suppliers.csv', base64: b64(file) });
    expect(r).toMatchObject({ mapping: { name: '供应商', currency: '币种', country: '国家', contactName: '联系人', email: '邮箱', leadTimeDays: '交期' }, created: 2, written: true });
    expect(r.problems).toEqual([
      { line: 4, column: '币种', message: expect.any(String) },
      { line: 5, column: '邮箱', message: 'is not an email address' },
      { line: 6, column: '交期', message: '"ten" is not a whole number' },
    ]);
    const list = await t.client.call('suppliers.list', {});
    expect(list.map((s) => [s.name, s.currency, s.country, s.leadTimeDays])).toEqual([
      ['Osaka Wholesale', 'JPY', 'JP', 21],
      ['Seoul Beauty', 'KRW', 'KR', 10],
    ]);
    expect(await t.client.call('imports.suppliers', { fileName: 'suppliers.csv', base64: b64(file) })).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await t.client.call('imports.suppliers', { fileName: 's.csv', base64: b64('Supplier,Currency,Lead time\nOsaka Wholesale,JPY,28\n') })).toMatchObject({ updated: 1 });
    expect((await t.client.call('suppliers.list', {}))[0]).toMatchObject({ name: 'Osaka Wholesale', leadTimeDays: 28, contactName: 'Sato' });
  });

  it("price lists: each row on its supplier's list, linked to the product by SKU; the same file twice changes nothing", async () => {
    t = tempApp();
    const osaka = await t.client.call('suppliers.create', { name: 'Osaka Wholesale', currency: 'JPY' });
    const lamp = await t.client.call('products.create', { sku: 'LAMP', name: 'Lamp' });
    await t.client.call('suppliers.saveProduct', { supplierId: osaka.id, supplierSku: 'OS-1', unitPrice: '500', priceBreaks: [{ minQty: 10, unitPrice: '450' }] });
    const file = ['Supplier;Supplier SKU;SKU;Unit price;MOQ;Case pack', 'Osaka Wholesale;OS-1;LAMP;480;2;2', 'Osaka Wholesale;OS-2;;1200;;', 'Nobody;X-1;;10;;', 'Osaka Wholesale;OS-3;CHAIR;10;;', 'Osaka Wholesale;4.90123E+12;;10;;'].join('\n');
    const r = await t.client.call('imports.prices', { fileName: 'prices.csv', base64: b64(file) });
    expect(r).toMatchObject({ mapping: { supplier: 'Supplier', supplierSku: 'Supplier SKU', sku: 'SKU', unitPrice: 'Unit price', moq: 'MOQ', orderMultiple: 'Case pack' }, created: 1, updated: 1 });
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([
      [4, 'Supplier'],
      [5, 'SKU'],
      [6, 'Supplier SKU'],
    ]);
    const listed = (await t.client.call('suppliers.get', { id: osaka.id })).products;
    expect(listed.map((p) => [p.supplierSku, p.productId, p.unitPrice, p.moq, p.orderMultiple, p.priceBreaks])).toEqual([
      ['OS-1', lamp.id, 480, 2, 2, [{ minQty: 10, unitPrice: 450 }]],
      ['OS-2', null, 1200, 1, 1, []],
    ]);
    expect(await t.client.call('imports.prices', { fileName: 'prices.csv', base64: b64(file) })).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });
});

describe('saved mappings', () => {
  it('a mapping is saved by name for a kind of import, replaced under the same name, used by name from the command line', async () => {
    t = tempApp();
    await expect(t.client.call('imports.saveTemplate', { kind: 'stock', name: 'Osaka', mapping: { colour: 'Farbe' } })).rejects.toMatchObject({ code: 'invalid_input', details: { field: 'mapping.colour' } });
    await t.client.call('imports.saveTemplate', { kind: 'suppliers', name: 'Osaka sheet', mapping: { name: 'Firm' } });
    const saved = await t.client.call('imports.saveTemplate', { kind: 'suppliers', name: 'osaka SHEET', mapping: { name: 'Firm', currency: 'Money' } });
    expect(saved).toMatchObject({ kind: 'suppliers', name: 'Osaka sheet', mapping: { name: 'Firm', currency: 'Money' } });
    expect(await t.client.call('imports.templates', { kind: 'products' })).toEqual([]);
    expect((await t.client.call('imports.templates', {})).map((x) => x.name)).toEqual(['Osaka sheet']);

    const { runCli } = await import('../../main/cli/index');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const file = path.join(t.dir, 'firms.csv');
    fs.writeFileSync(file, 'Firm,Money\nOsaka Wholesale,JPY\n');
    const out: string[] = [];
    expect(await runCli(['import', 'suppliers', file, '--data', t.file, '--map', 'Osaka sheet'], { out: (l) => out.push(l), err: (l) => out.push(l) })).toBe(0);
    expect(out[0]).toBe('firms.csv (columns: name=Firm, currency=Money): 1 rows — 1 new, 0 updated, 0 unchanged.');
    expect(await t.client.call('imports.removeTemplate', { kind: 'suppliers', name: 'Osaka sheet' })).toEqual({ removed: true });
  });
});
