// Orders imported from CSV on a real SQLite file, base currency USD. LAMP: 10 at HOME; MUG: 5.
// test/fixtures/shopify-orders.csv is Shopify's orders export layout (every column, a BOM, CRLF):
// #1001 two lines, paid; #1002 fulfilled already; #1003 an unknown SKU and a price written "$15";
// #1004 more lamps than there are; #1005 cancelled.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection } from '../helpers/api';
import { tempApp, type TempApp } from '../helpers/temp-app';

const SHOPIFY = fs.readFileSync(path.join(__dirname, '../fixtures/shopify-orders.csv'), 'utf8');
let t: TempApp;
let home: string;
let lamp: string;

beforeEach(async () => {
  t = tempApp({ clock: () => new Date('2026-11-24T12:00:00Z') });
  const c = t.client;
  await c.call('settings.update', { baseCurrency: 'USD' });
  home = (await c.call('locations.create', { code: 'HOME', name: 'Home', kind: 'own' })).id;
  lamp = (await c.call('products.create', { sku: 'LAMP', name: 'Brass lamp', price: '30.00' })).id;
  const mug = (await c.call('products.create', { sku: 'MUG', name: 'Enamel mug' })).id;
  await c.call('stock.adjust', { productId: lamp, locationId: home, qty: 10, unitCost: '12.00', reason: 'opening', occurredAt: '2026-11-01' });
  await c.call('stock.adjust', { productId: mug, locationId: home, qty: 5, unitCost: '4.00', reason: 'opening', occurredAt: '2026-11-01' });
});
afterEach(() => t.close());

describe("Shopify's orders export", () => {
  it('imports what can be fulfilled, lists every bad row by column, and finds its orders again on a second import', async () => {
    const c = t.client;
    const dry = await c.call('sales.import', { text: SHOPIFY, locationId: home, dryRun: true });
    expect(dry).toMatchObject({ format: 'shopify', dryRun: true, created: 2, exists: 0, skipped: 2 });
    expect((await c.call('sales.list', {})).total).toBe(0);
    expect((await c.call('customers.list', {})).total).toBe(0);

    const r = await c.call('sales.import', { text: SHOPIFY, locationId: home });
    expect(r.orders.map((o) => [o.ref, o.line, o.outcome, o.orderNumber])).toEqual([
      ['#1001', 2, 'created', 'SO-000001'],
      ['#1002', 4, 'skipped', null],
      ['#1003', 5, 'error', null],
      ['#1004', 7, 'created', 'SO-000002'],
      ['#1005', 8, 'skipped', null],
    ]);
    expect(r.errors).toEqual([
      { line: 5, field: 'Lineitem sku', message: 'no product has the SKU SCARF' },
      { line: 6, field: 'Lineitem price', message: '“$15” is not a price' },
    ]);
    expect(r.orders[1]!.message).toBe('fulfilled on the platform already');
    expect(r.orders[3]!.message).toMatch(/^kept as a draft: Only 8 of LAMP available at HOME/);

    const first = await c.call('sales.get', { id: (await c.call('sales.list', { q: '#1001' })).rows[0]!.id });
    expect(first.order).toMatchObject({
      channel: 'import',
      source: 'shopify',
      externalRef: '#1001',
      status: 'confirmed',
      paymentStatus: 'paid',
      orderDate: '2026-11-20',
      subtotal: 6950,
      discount: 200,
      shipping: 500,
      total: 7250,
      customerName: 'Ana Silva',
      shipName: 'Ana Silva',
      shipAddress: 'Rua Augusta 12, 3º\n1100-053 Lisboa',
      shipCountry: 'PT',
    });
    expect(first.lines.map((l) => [l.sku, l.qty, l.unitPrice, l.reserved])).toEqual([
      ['LAMP', 2, 3000, 2],
      ['MUG', 1, 950, 1],
    ]);
    const second = await c.call('sales.get', { id: (await c.call('sales.list', { q: '1004' })).rows[0]!.id });
    expect(second.order).toMatchObject({ status: 'draft', paymentStatus: 'unpaid', customerName: 'Dee Park', shipCountry: 'US' });

    const again = await c.call('sales.import', { text: SHOPIFY, locationId: home });
    expect(again).toMatchObject({ created: 0, exists: 2, skipped: 2 });
    expect(again.orders[0]).toMatchObject({ outcome: 'exists', orderNumber: 'SO-000001', message: 'imported before as SO-000001' });
    expect((await c.call('sales.list', {})).total).toBe(2);
    expect((await c.call('customers.list', {})).rows.map((x) => x.name)).toEqual(['Ana Silva', 'Dee Park']);
    expect((await c.call('stock.balances', { productId: lamp, locationId: home })).rows[0]).toMatchObject({ reserved: 2 });
  });
});

describe('the generic format', () => {
  it('reads decimal commas and handles, marks paid orders, and matches customers by handle', async () => {
    const c = t.client;
    const ana = await c.call('customers.create', { name: 'Ana Silva', handle: 'ana' });
    const text = ['order,date,customer,handle,currency,sku,qty,unit_price,discount,shipping,paid', 'W-7,2026-11-23,Ana S.,@ana,USD,LAMP,1,"29,50",,"4,00",yes', 'W-7,,,,,MUG,2,8,"1,00",,'].join('\n');
    const r = await c.call('sales.import', { text, locationId: home });
    expect(r).toMatchObject({ format: 'generic', created: 1, errors: [] });
    const o = await c.call('sales.get', { id: (await c.call('sales.list', { q: 'W-7' })).rows[0]!.id });
    expect(o.order).toMatchObject({ customerId: ana.id, subtotal: 2950 + 1500, shipping: 400, total: 4850, paymentStatus: 'paid', status: 'confirmed' });
  });

  it('reads any other file through a column mapping, naming its own columns in errors', async () => {
    const c = t.client;
    const text = ['Order No;ignored,Item code,Quantity,Price,Buyer', 'A-1,LAMP,2,28.00,Mia Chen', 'A-2,LAMP,two,28.00,Leo'].join('\n');
    const mapping = { order: 'Order No;ignored', sku: 'Item code', qty: 'Quantity', unit_price: 'Price', customer: 'Buyer' };
    const r = await c.call('sales.import', { text, locationId: home, mapping });
    expect(r.orders.map((o) => [o.ref, o.outcome, o.customer])).toEqual([
      ['A-1', 'created', 'Mia Chen'],
      ['A-2', 'error', null],
    ]);
    expect(r.errors).toEqual([{ line: 3, field: 'Quantity', message: '“two” is not a whole number of units' }]);
    const wrong = await rejection(c.call('sales.import', { text, locationId: home, mapping: { ...mapping, qty: 'Qty' } }));
    expect(wrong).toMatchObject({ details: { field: 'mapping.qty' } });
    const short = await rejection(c.call('sales.import', { text, locationId: home, mapping: { order: 'Order No;ignored', sku: 'Item code' } }));
    expect(short.message).toMatch(/say which column holds qty, unit_price/);
  });

  it('refuses a file it cannot read, naming what it expected', async () => {
    const c = t.client;
    const e = await rejection(c.call('sales.import', { text: 'a,b\n1,2', locationId: home }));
    expect(e).toMatchObject({ code: 'invalid_input', details: { field: 'text' } });
    expect(e.message).toMatch(/Shopify's orders export .* generic format \(order, sku, qty, unit_price/);
    const bad = await c.call('sales.import', { text: 'order,sku,qty,unit_price\nX-1,LAMP,1.5,10\nX-2,LAMP,1,10', locationId: home });
    expect(bad.errors).toEqual([{ line: 2, field: 'qty', message: '“1.5” is not a whole number of units' }]);
    expect(bad.orders.map((o) => o.outcome)).toEqual(['error', 'created']);
  });
});
