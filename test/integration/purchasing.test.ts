import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../main/common/api/errors';
import { tempApp, type TempApp } from '../helpers/temp-app';

let t: TempApp;
let supplier: string;
let sunscreen: string;
let lotion: string;
beforeEach(async () => {
  t = tempApp();
  await t.client.call('settings.update', { baseCurrency: 'CNY' });
  await t.client.call('fx.set', { base: 'JPY', quote: 'CNY', day: '2026-11-01', rate: '0.0467' });
  supplier = (await t.client.call('suppliers.create', { name: 'Osaka Drug Wholesale', currency: 'JPY', leadTimeDays: 10 })).id;
  sunscreen = (await t.client.call('products.create', { sku: 'JP-SUN-001', name: 'UV essence' })).id;
  lotion = (await t.client.call('products.create', { sku: 'JP-LOT-010', name: 'Gokujyun lotion' })).id;
  await t.client.call('suppliers.saveProduct', {
    supplierId: supplier,
    supplierSku: 'BIO-UV-50',
    productId: sunscreen,
    unitPrice: '450',
    priceBreaks: [{ minQty: 12, unitPrice: '420' }, { minQty: 48, unitPrice: '390' }],
  });
});
afterEach(() => t.close());

const reject = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (e: ApiError) => e);

describe('purchase orders', () => {
  it('drafts an order in the supplier’s currency, prices from its list and breaks, with the order date’s rate', async () => {
    const po = await t.client.call('purchasing.create', {
      supplierId: supplier,
      orderDate: '2026-11-10',
      expectedDate: '2026-11-20',
      notes: 'autumn restock',
      lines: [
        { productId: sunscreen, qty: 24 },
        { productId: lotion, qty: 6, unitPrice: '1890' },
      ],
    });
    expect(po.order).toMatchObject({
      number: 'PO-000001',
      status: 'draft',
      currency: 'JPY',
      baseCurrency: 'CNY',
      fxRate: '0.0467',
      fxDay: '2026-11-01',
      total: 21420,
      totalBase: 100031,
      supplierName: 'Osaka Drug Wholesale',
      lineCount: 2,
    });
    expect(po.lines.map((l) => [l.sku, l.qtyOrdered, l.unitPrice, l.lineTotal, l.supplierSku])).toEqual([
      ['JP-SUN-001', 24, 420, 10080, 'BIO-UV-50'],
      ['JP-LOT-010', 6, 1890, 11340, null],
    ]);
    const second = await t.client.call('purchasing.create', { supplierId: supplier });
    expect(second.order.number).toBe('PO-000002');
  });

  it('edits a draft (the lines as a whole), then sends, closes; a sent order is no longer editable', async () => {
    const po = await t.client.call('purchasing.create', { supplierId: supplier, orderDate: '2026-11-10', lines: [{ productId: sunscreen, qty: 6 }] });
    expect(po.lines[0]!.unitPrice).toBe(450);
    const edited = await t.client.call('purchasing.update', { id: po.order.id, lines: [{ productId: sunscreen, qty: 48 }], notes: 'bigger' });
    expect(edited.lines.map((l) => [l.qtyOrdered, l.unitPrice])).toEqual([[48, 390]]);
    expect(edited.order.notes).toBe('bigger');
    const sent = await t.client.call('purchasing.send', { id: po.order.id });
    expect(sent.order.status).toBe('sent');
    expect(sent.order.sentAt).not.toBeNull();
    expect((await reject(t.client.call('purchasing.update', { id: po.order.id, notes: 'x' }))).code).toBe('conflict');
    expect((await reject(t.client.call('purchasing.send', { id: po.order.id }))).message).toMatch(/PO-000001 is sent; it cannot be sent/);
    expect((await t.client.call('purchasing.close', { id: po.order.id })).order.status).toBe('closed');
    expect((await reject(t.client.call('purchasing.cancel', { id: po.order.id }))).message).toMatch(/is closed; it cannot be cancelled/);
  });

  it('lists orders by status and supplier, open ones first to hand', async () => {
    const a = await t.client.call('purchasing.create', { supplierId: supplier, orderDate: '2026-11-01', lines: [{ productId: sunscreen, qty: 1 }] });
    const b = await t.client.call('purchasing.create', { supplierId: supplier, orderDate: '2026-11-05', lines: [{ productId: sunscreen, qty: 1 }] });
    await t.client.call('purchasing.cancel', { id: a.order.id });
    expect((await t.client.call('purchasing.list', { status: 'open' })).rows.map((r) => r.number)).toEqual([b.order.number]);
    expect((await t.client.call('purchasing.list', { supplierId: supplier })).rows.map((r) => r.number)).toEqual([b.order.number, a.order.number]);
    expect((await t.client.call('purchasing.list', { status: 'cancelled' })).rows[0]).toMatchObject({ number: a.order.number, total: 450, totalBase: 2102 });
  });

  it('refuses what it cannot price or send, naming the line and field, and writes nothing', async () => {
    expect((await reject(t.client.call('purchasing.create', { supplierId: supplier, lines: [{ productId: lotion, qty: 1 }] }))).details?.field).toBe('lines.0.unitPrice');
    expect((await reject(t.client.call('purchasing.create', { supplierId: supplier, lines: [{ productId: sunscreen, qty: 1, unitPrice: '450.5' }] }))).details?.field).toBe('lines.0.unitPrice');
    expect((await reject(t.client.call('purchasing.create', { supplierId: supplier, lines: [{ productId: sunscreen, qty: 0 }] }))).details?.field).toBe('lines.0.qty');
    expect((await t.client.call('purchasing.list', {})).total).toBe(0);
    const empty = await t.client.call('purchasing.create', { supplierId: supplier });
    expect((await reject(t.client.call('purchasing.send', { id: empty.order.id }))).message).toMatch(/no lines to send/);
  });

  it('has no base total until a rate for the order date exists', async () => {
    const po = await t.client.call('purchasing.create', { supplierId: supplier, orderDate: '2026-10-01', lines: [{ productId: sunscreen, qty: 1 }] });
    expect(po.order).toMatchObject({ fxRate: null, totalBase: null });
    const moved = await t.client.call('purchasing.update', { id: po.order.id, orderDate: '2026-11-02' });
    expect(moved.order).toMatchObject({ fxRate: '0.0467', totalBase: 2102 });
  });
});
