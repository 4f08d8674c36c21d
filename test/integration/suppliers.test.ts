import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../main/common/api/errors';
import { tempApp, type TempApp } from '../helpers/temp-app';

let t: TempApp;
let product: string;
beforeEach(async () => {
  t = tempApp();
  product = (await t.client.call('products.create', { sku: 'JP-SUN-001', name: 'UV essence' })).id;
});
afterEach(() => t.close());

const reject = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (e: ApiError) => e);
const osaka = () =>
  t.client.call('suppliers.create', {
    name: 'Osaka Drug Wholesale',
    country: 'jp',
    currency: 'jpy',
    contactName: 'Tanaka',
    email: 'orders@osaka-drug.example',
    paymentTerms: '30 days net',
    leadTimeDays: 10,
  });

describe('suppliers', () => {
  it('keeps a supplier with its currency, terms and lead time', async () => {
    const s = await osaka();
    expect(s).toMatchObject({ country: 'JP', currency: 'JPY', leadTimeDays: 10, status: 'active' });
    expect((await t.client.call('suppliers.list')).map((x) => x.name)).toEqual(['Osaka Drug Wholesale']);
    expect((await t.client.call('suppliers.update', { id: s.id, phone: '+81 6 0000 0000' })).leadTimeDays).toBe(10);
    await t.client.call('suppliers.archive', { id: s.id });
    expect(await t.client.call('suppliers.list')).toEqual([]);
    expect((await t.client.call('suppliers.list', { includeArchived: true })).length).toBe(1);
  });

  it.each([
    [{ name: '', currency: 'USD' }, 'name'],
    [{ name: 'X', currency: 'ABC' }, 'currency'],
    [{ name: 'X', currency: 'USD', email: 'not-an-email' }, 'email'],
    [{ name: 'X', currency: 'USD', leadTimeDays: -1 }, 'leadTimeDays'],
    [{ name: 'osaka drug wholesale', currency: 'USD' }, 'name'],
  ])('refuses %o naming %s', async (input, field) => {
    await osaka();
    expect((await reject(t.client.call('suppliers.create', input as never))).details?.field).toBe(field);
    expect((await t.client.call('suppliers.list')).length).toBe(1);
  });

  it('keeps a price list in the supplier’s currency with breaks, MOQ and case pack', async () => {
    const s = await osaka();
    const sp = await t.client.call('suppliers.saveProduct', {
      supplierId: s.id,
      supplierSku: 'BIO-UV-50',
      productId: product,
      unitPrice: '450',
      priceBreaks: [{ minQty: 48, unitPrice: '390' }, { minQty: 12, unitPrice: '420' }],
      moq: 12,
      orderMultiple: 12,
      priceDate: '2026-11-01',
    });
    expect(sp).toMatchObject({ unitPrice: 450, productSku: 'JP-SUN-001', moq: 12, orderMultiple: 12, priceDate: '2026-11-01' });
    expect(sp.priceBreaks).toEqual([{ minQty: 12, unitPrice: 420 }, { minQty: 48, unitPrice: 390 }]);
    const changed = await t.client.call('suppliers.saveProduct', { id: sp.id, supplierId: s.id, supplierSku: 'BIO-UV-50', productId: product, unitPrice: '460' });
    expect(changed).toMatchObject({ id: sp.id, unitPrice: 460, priceBreaks: [] });
    expect((await t.client.call('suppliers.get', { id: s.id })).products.map((p) => p.supplierSku)).toEqual(['BIO-UV-50']);
    expect((await t.client.call('suppliers.sourcesOf', { productId: product })).map((p) => p.supplierId)).toEqual([s.id]);
    await t.client.call('suppliers.removeProduct', { id: sp.id });
    expect((await t.client.call('suppliers.get', { id: s.id })).products).toEqual([]);
  });

  it('refuses prices with more decimals than the currency has, bad breaks, and duplicate supplier SKUs', async () => {
    const s = await osaka();
    const base = { supplierId: s.id, supplierSku: 'A', unitPrice: '450' };
    expect((await reject(t.client.call('suppliers.saveProduct', { ...base, unitPrice: '450.5' }))).details?.field).toBe('unitPrice');
    expect((await reject(t.client.call('suppliers.saveProduct', { ...base, priceBreaks: [{ minQty: 10, unitPrice: '1.5' }] }))).details?.field).toBe('priceBreaks.0.unitPrice');
    expect((await reject(t.client.call('suppliers.saveProduct', { ...base, priceBreaks: [{ minQty: 10, unitPrice: '400' }, { minQty: 10, unitPrice: '390' }] }))).details?.field).toBe('priceBreaks.1.minQty');
    expect((await reject(t.client.call('suppliers.saveProduct', { ...base, productId: '01890000-0000-7000-8000-000000000000' }))).code).toBe('not_found');
    await t.client.call('suppliers.saveProduct', base);
    expect((await reject(t.client.call('suppliers.saveProduct', { ...base, unitPrice: '1' }))).details?.field).toBe('supplierSku');
    expect((await reject(t.client.call('suppliers.update', { id: s.id, currency: 'USD' }))).details?.field).toBe('currency');
  });
});
