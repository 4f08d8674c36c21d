// Demand history from real sales in the database, the clock at 2026-11-24 12:00 UTC. LAMP ships
// 3 units on 5 Nov and 2 on 20 Nov (a transfer in between does not count as demand): in weekly
// periods ending 24 Nov that is [0, 3, 0, 2], which main/common/calc/forecast.ts forecasts as
// the worked examples in test/unit/forecast.test.ts show.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forecastWith, mase } from '../../main/common/calc/forecast';
import { rejection } from '../helpers/api';
import { tempApp, type TempApp } from '../helpers/temp-app';

let t: TempApp;
let now: Date;
let home: string;
let shop: string;
let lamp: string;

async function sold(qty: number, day: string, locationId = home) {
  const o = await t.client.call('sales.create', { locationId, orderDate: day, lines: [{ productId: lamp, qty }], confirm: true });
  await t.client.call('sales.ship', { id: o.order.id, parcel: null, at: day });
}

beforeEach(async () => {
  now = new Date('2026-11-24T12:00:00Z');
  t = tempApp({ clock: () => now });
  const c = t.client;
  await c.call('settings.update', { baseCurrency: 'USD' });
  home = (await c.call('locations.create', { code: 'HOME', name: 'Home', kind: 'own' })).id;
  shop = (await c.call('locations.create', { code: 'SHOP', name: 'Shop', kind: 'own' })).id;
  lamp = (await c.call('products.create', { sku: 'LAMP', name: 'Brass lamp', price: '30.00' })).id;
  await c.call('stock.adjust', { productId: lamp, locationId: home, qty: 20, unitCost: '12.00', reason: 'opening', occurredAt: '2026-10-01' });
});
afterEach(() => t.close());

describe('demand history', () => {
  it('sums shipped units per period, forecasts with every method and picks one by its class', async () => {
    await sold(3, '2026-11-05');
    await t.client.call('stock.transfer', { productId: lamp, fromLocationId: home, toLocationId: shop, qty: 4, occurredAt: '2026-11-12' });
    await sold(2, '2026-11-20');
    const h = await t.client.call('reorder.history', { productId: lamp, periods: 4 });
    expect(h.periods).toEqual([
      { from: '2026-10-28', to: '2026-11-03', qty: 0, promo: 0 },
      { from: '2026-11-04', to: '2026-11-10', qty: 3, promo: 0 },
      { from: '2026-11-11', to: '2026-11-17', qty: 0, promo: 0 },
      { from: '2026-11-18', to: '2026-11-24', qty: 2, promo: 0 },
    ]);
    // ADI 4/2 = 2 ≥ 1.32, CV² of 3 and 2 = 0.08 < 0.49: intermittent → SBA
    expect(h).toMatchObject({ class: 'intermittent', adi: 2, auto: { method: 'sba', why: null } });
    expect(h.auto.perPeriod).toBeCloseTo(forecastWith('sba', [0, 3, 0, 2], 0.1)!, 12);
    // Croston: sizes 3, 2 → 2.9; intervals 2, 2 → 2; 1.45; SBA × 0.95
    expect(h.methods.find((m) => m.method === 'croston')!.perPeriod).toBeCloseTo(1.45, 12);
    expect(h.methods.find((m) => m.method === 'sba')!.perPeriod).toBeCloseTo(1.3775, 12);
    expect(h.methods.map((m) => m.method)).toEqual(['mean', 'ses', 'croston', 'sba', 'tsb']);
    expect(h.methods.find((m) => m.method === 'mean')!.mase).toBe(mase('mean', [0, 3, 0, 2], 0.1));
    // only at SHOP: nothing sold there (the transfer is not demand)
    const shopOnly = await t.client.call('reorder.history', { productId: lamp, locationId: shop, periods: 4 });
    expect(shopOnly.periods.map((p) => p.qty)).toEqual([0, 0, 0, 0]);
    expect(shopOnly).toMatchObject({ adi: null, auto: { perPeriod: null, why: 'nothing shipped in these 4 periods' } });
  });

  it('daily periods, a chosen end day, and bad input named', async () => {
    await sold(1, '2026-11-20');
    await sold(2, '2026-11-21');
    const h = await t.client.call('reorder.history', { productId: lamp, periodDays: 1, periods: 5, asOf: '2026-11-22' });
    expect(h.periods.map((p) => [p.from, p.qty])).toEqual([
      ['2026-11-18', 0],
      ['2026-11-19', 0],
      ['2026-11-20', 1],
      ['2026-11-21', 2],
      ['2026-11-22', 0],
    ]);
    expect(await rejection(t.client.call('reorder.history', { productId: lamp, periods: 2 }))).toMatchObject({ details: { field: 'periods' } });
    expect(await rejection(t.client.call('reorder.history', { productId: lamp, alpha: 0 }))).toMatchObject({ details: { field: 'alpha' } });
    expect(await rejection(t.client.call('reorder.history', { productId: '01890000-0000-7000-8000-000000000000' }))).toMatchObject({ code: 'not_found', details: { field: 'productId' } });
  });
});

describe('lead times', () => {
  it('are configured until three receipts show what the supplier really takes', async () => {
    const c = t.client;
    const supplier = (await c.call('suppliers.create', { name: 'Foshan Lighting', currency: 'USD', leadTimeDays: 14 })).id;
    await c.call('suppliers.saveProduct', { supplierId: supplier, supplierSku: 'FL-LAMP', productId: lamp, unitPrice: '10.00', priceBreaks: [], moq: 1, orderMultiple: 1, leadTimeDays: null, priceDate: '2026-09-01' });
    expect(await c.call('reorder.leadTime', { supplierId: supplier, productId: lamp })).toMatchObject({ configuredDays: 14, configuredFrom: 'supplier', observed: null, days: 14, sdDays: 0, from: 'supplier' });
    // three orders sent on 1 Oct at noon, received at noon 10, 14 and 12 days later
    now = new Date('2026-10-01T12:00:00Z');
    const pos: Awaited<ReturnType<typeof c.call<'purchasing.create'>>>[] = [];
    for (let i = 0; i < 3; i++) {
      const po = await c.call('purchasing.create', { supplierId: supplier, orderDate: '2026-10-01', lines: [{ productId: lamp, qty: 5 }] });
      await c.call('purchasing.send', { id: po.order.id });
      pos.push(po);
    }
    now = new Date('2026-11-24T12:00:00Z');
    const receive = (i: number, day: string) => c.call('purchasing.receive', { poId: pos[i]!.order.id, locationId: home, receivedAt: day, lines: [{ lineId: pos[i]!.lines[0]!.id, qty: 5 }] });
    await receive(0, '2026-10-11');
    await receive(1, '2026-10-15');
    const two = await c.call('reorder.leadTime', { supplierId: supplier, productId: lamp });
    expect(two).toMatchObject({ observed: { receipts: 2, meanDays: 12 }, days: 14, from: 'supplier' });
    await receive(2, '2026-10-13');
    const three = await c.call('reorder.leadTime', { supplierId: supplier, productId: lamp });
    // 10, 14, 12 days: mean 12, sample sd 2
    expect(three).toMatchObject({ observed: { receipts: 3, meanDays: 12, sdDays: 2 }, days: 12, sdDays: 2, from: 'observed' });
    expect(await rejection(c.call('reorder.leadTime', { supplierId: lamp, productId: lamp }))).toMatchObject({ code: 'not_found', details: { field: 'supplierId' } });
  });
});
