// From real sales in the database to a draft purchase order. The clock stands at Tuesday
// 2026-11-24; the history is the 52 complete weeks before this one (to the week of Monday 16 Nov).
//
// LAMP (Foshan Lighting: 10.00 a unit, 9.00 from 48, minimum 24, cases of 12, 14 days) sold 10 a
// week for nine weeks from 23 Sep, its first sales ever: a smooth series of 10s, so SES says 10 a
// week with no spread and the reorder point is 10 × 2 weeks = 20. 110 were bought; 90 shipped
// leaves 20 on hand, and an order waiting to ship holds 4: projected 16 ≤ 20. Ordering costs
// Foshan 30.00, so EOQ = √(2 · 520 a year · 3000 / (1000 · 25 %)) = 111.7, up to cases of 12 → 120
// (at 9.00 each: 1,080.00). 16 units at 10/7 a day last 11.2 days: they run out on 5 Dec, and the
// order had to go by 21 Nov (5 Dec less 14 days).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { croston } from '../../main/common/calc/forecast';
import { rejection } from '../helpers/api';
import { tempApp, type TempApp } from '../helpers/temp-app';

let t: TempApp;
let now: Date;
let home: string;
let lamp: string;
let mug: string;
let foshan: string;

async function sell(productId: string, qty: number, day: string, ship = true) {
  const o = await t.client.call('sales.create', { locationId: home, orderDate: day, lines: [{ productId, qty }], confirm: true });
  if (ship) await t.client.call('sales.ship', { id: o.order.id, parcel: null, at: day });
  return o.order.id;
}

const LAMP_WEEKS = ['2026-09-23', '2026-09-30', '2026-10-07', '2026-10-14', '2026-10-21', '2026-10-28', '2026-11-04', '2026-11-11', '2026-11-18'];
// MUG (Yiwu Ceramics, 21 days) sells now and then: once before the window, then five times in it
const MUG_SALES: [string, number][] = [
  ['2025-10-01', 3],
  ['2026-01-07', 5],
  ['2026-03-04', 3],
  ['2026-05-06', 6],
  ['2026-08-05', 4],
  ['2026-10-07', 2],
];

beforeEach(async () => {
  now = new Date('2026-11-24T12:00:00Z');
  t = tempApp({ clock: () => now });
  const c = t.client;
  await c.call('settings.update', { baseCurrency: 'USD' });
  home = (await c.call('locations.create', { code: 'HOME', name: 'Home', kind: 'own' })).id;
  lamp = (await c.call('products.create', { sku: 'LAMP', name: 'Brass lamp', price: '30.00' })).id;
  mug = (await c.call('products.create', { sku: 'MUG', name: 'Glazed mug', price: '12.00' })).id;
  await c.call('products.create', { sku: 'CASE', name: 'Display case', price: '80.00' });
  foshan = (await c.call('suppliers.create', { name: 'Foshan Lighting', currency: 'USD', leadTimeDays: 14 })).id;
  const yiwu = (await c.call('suppliers.create', { name: 'Yiwu Ceramics', currency: 'USD', leadTimeDays: 21 })).id;
  await c.call('suppliers.saveProduct', { supplierId: foshan, supplierSku: 'FL-1', productId: lamp, unitPrice: '10.00', priceBreaks: [{ minQty: 48, unitPrice: '9.00' }], moq: 24, orderMultiple: 12, leadTimeDays: null });
  await c.call('suppliers.saveProduct', { supplierId: yiwu, supplierSku: 'YC-9', productId: mug, unitPrice: '2.00', moq: 1, orderMultiple: 6, leadTimeDays: null });
  await c.call('reorder.saveSupplier', { supplierId: foshan, orderCost: '30.00' });
  await c.call('stock.adjust', { productId: lamp, locationId: home, qty: 110, unitCost: '10.00', reason: 'opening', occurredAt: '2026-08-01' });
  await c.call('stock.adjust', { productId: mug, locationId: home, qty: 30, unitCost: '2.00', reason: 'opening', occurredAt: '2025-09-01' });
  for (const day of LAMP_WEEKS) await sell(lamp, 10, day);
  for (const [day, qty] of MUG_SALES) await sell(mug, qty, day);
});
afterEach(() => t.close());

/** A live session on 11 Nov that sold 30 lamps to one buyer, shipped the next day (marked promotional first, or not). */
async function liveSpike(markFirst = false) {
  const c = t.client;
  await c.call('stock.adjust', { productId: lamp, locationId: home, qty: 30, unitCost: '10.00', reason: 'received', occurredAt: '2026-11-10' });
  now = new Date('2026-11-11T19:00:00Z');
  const s = await c.call('live.create', { title: 'Singles day', locationId: home, items: [{ productId: lamp, price: '25.00', cap: 30 }] });
  await c.call('live.start', { id: s.session.id });
  await c.call('live.claim', { sessionId: s.session.id, product: 'LAMP', customer: 'mia', qty: 30 });
  await c.call('live.close', { id: s.session.id });
  now = new Date('2026-11-24T12:00:00Z');
  if (markFirst) await c.call('live.markPromotional', { id: s.session.id, promotional: true });
  const orders = await c.call('sales.list', { sessionId: s.session.id });
  await c.call('sales.ship', { id: orders.rows[0]!.id, parcel: null, at: '2026-11-12' });
  return s.session.id;
}

describe('suggestions from real sales', () => {
  it('say what to order from whom, how much and by when, and become a draft purchase order', async () => {
    const c = t.client;
    await sell(lamp, 4, '2026-11-23', false); // confirmed, not shipped: holds 4
    const s = await c.call('reorder.suggest', {});
    expect(s).toMatchObject({ asOf: '2026-11-24', fromWeek: '2025-11-24', toWeek: '2026-11-16', planned: 3, noHistory: 1, unsourced: [] });
    expect(s.suppliers.map((x) => x.supplierName)).toEqual(['Foshan Lighting']);
    const [line] = s.suppliers[0]!.lines;
    expect(line).toMatchObject({
      sku: 'LAMP',
      supplierSku: 'FL-1',
      method: 'ses',
      class: 'smooth',
      forecastPerWeek: 10,
      sdPerWeek: 0,
      leadTimeDays: 14,
      leadTimeFrom: 'supplier',
      safetyStock: 0,
      reorderPoint: 20,
      onHand: 20,
      reserved: 4,
      onOrder: 0,
      projected: 16,
      trigger: { kind: 'rop', threshold: 20, reached: true },
      runsOutOn: '2026-12-05',
      orderBy: '2026-11-21',
      suggestedQty: 120,
      qty: 120,
      trimmed: false,
      unitPrice: 900,
      lineTotal: 108_000,
      reason: 'projected 16 ≤ reorder point 20',
    });
    expect(line!.eoq).toBeCloseTo(Math.sqrt((2 * ((10 * 365) / 7) * 3000) / (1000 * 0.25)), 10);
    expect(line!.daysOfCover).toBeCloseTo(11.2, 10);
    expect(line!.slackDays).toBeCloseTo(-2.8, 10);
    expect(s.suppliers[0]).toMatchObject({ currency: 'USD', orderCost: 3000, budget: null, total: 108_000 });

    // one click: the lines become a draft order at the supplier's prices
    const po = await c.call('purchasing.create', { supplierId: foshan, lines: s.suppliers[0]!.lines.map((l) => ({ productId: l.productId, qty: l.qty })) });
    expect(po.order).toMatchObject({ status: 'draft', supplierName: 'Foshan Lighting', total: 108_000 });
    expect(po.lines.map((l) => [l.sku, l.qtyOrdered, l.unitPrice, l.supplierSku])).toEqual([['LAMP', 120, 900, 'FL-1']]);
    // and counts as on order: asked again, nothing more is suggested
    const again = await c.call('reorder.suggest', {});
    expect(again.suppliers).toEqual([]);
    const detail = await c.call('reorder.product', { productId: lamp });
    expect(detail.line).toMatchObject({ onOrder: 120, projected: 136, suggestedQty: 0 });
  });

  it('forecast an intermittent product with SBA over the whole window, and say so when a product never sold', async () => {
    const c = t.client;
    const mugPlan = await c.call('reorder.product', { productId: mug });
    // sold before the window, so its 52 weeks start at the window's start: weeks with 5, 3, 6, 4, 2
    const weekly = mugPlan.weeks.map((w) => w.qty);
    expect(weekly.filter((q) => q > 0)).toEqual([5, 3, 6, 4, 2]);
    expect(mugPlan.line).toMatchObject({ class: 'intermittent', method: 'sba', leadTimeDays: 21, onHand: 7, projected: 7, suggestedQty: 0 });
    expect(mugPlan.line.forecastPerWeek).toBeCloseTo(croston(weekly, 0.1, 'sba')!, 12);
    expect(mugPlan.methods.map((m) => m.method)).toEqual(['mean', 'ses', 'croston', 'sba', 'tsb']);
    expect(mugPlan.methods.every((m) => m.mase !== null && m.mase > 0)).toBe(true);
    expect(mugPlan.projection[0]).toMatchObject({ day: '2026-11-24', stock: 7 });

    const caseId = (await c.call('products.list', { search: 'CASE' })).rows[0]!.id;
    const never = await c.call('reorder.product', { productId: caseId });
    expect(never.line).toMatchObject({ forecastPerWeek: null, suggestedQty: 0, noForecast: 'no sales in the last 52 weeks', supplierId: null, reason: 'no sales in the last 52 weeks' });
  });

  it('keep a promotional live session out of the normal rate once it is marked', async () => {
    const c = t.client;
    const session = await liveSpike();
    const before = await c.call('reorder.product', { productId: lamp });
    expect(before.weeks.find((w) => w.week === '2026-11-09')).toEqual({ week: '2026-11-09', qty: 40, promo: 0 });
    expect(before.line.forecastPerWeek).toBeGreaterThan(10);
    const marked = await c.call('live.markPromotional', { id: session, promotional: true });
    expect(marked.session.promotional).toBe(true);
    const after = await c.call('reorder.product', { productId: lamp });
    expect(after.weeks.find((w) => w.week === '2026-11-09')).toEqual({ week: '2026-11-09', qty: 40, promo: 30 });
    expect(after.line).toMatchObject({ forecastPerWeek: 10, promoUnits: 30 });
    // the daily history splits the same way
    const history = await c.call('reorder.history', { productId: lamp, periods: 4, asOf: '2026-11-22' });
    expect(history.periods.map((p) => [p.qty, p.promo])).toEqual([
      [10, 0],
      [10, 0],
      [40, 30],
      [10, 0],
    ]);
    // counted again when the merchant says promotions are ordinary sales
    await c.call('reorder.saveSettings', { promotional: 'include' });
    expect((await c.call('reorder.product', { productId: lamp })).line.promoUnits).toBe(0);
    await c.call('reorder.saveSettings', { promotional: 'exclude' });
    await c.call('live.markPromotional', { id: session, promotional: false });
    expect((await c.call('reorder.product', { productId: lamp })).line.promoUnits).toBe(0);
  });

  it('count a marked session’s orders as promotional as they ship', async () => {
    await liveSpike(true);
    const p = await t.client.call('reorder.product', { productId: lamp });
    expect(p.weeks.find((w) => w.week === '2026-11-09')).toEqual({ week: '2026-11-09', qty: 40, promo: 30 });
  });

  it('keep a promotional period out too, for every product or one', async () => {
    const c = t.client;
    const promo = await c.call('reorder.savePromotion', { name: 'Autumn sale', fromDay: '2026-10-05', toDay: '2026-10-11', productId: lamp });
    expect(promo).toMatchObject({ name: 'Autumn sale', sku: 'LAMP' });
    const p = await c.call('reorder.product', { productId: lamp });
    expect(p.weeks.find((w) => w.week === '2026-10-05')).toMatchObject({ qty: 10, promo: 10 });
    expect(p.line.promoUnits).toBe(10);
    // the mug sold 2 on 7 Oct too, but the period was the lamp's only
    expect((await c.call('reorder.product', { productId: mug })).line.promoUnits).toBe(0);
    expect((await c.call('reorder.promotions', { productId: mug })).map((x) => x.id)).toEqual([]);
    await c.call('reorder.removePromotion', { id: promo.id });
    expect((await c.call('reorder.product', { productId: lamp })).line.promoUnits).toBe(0);
    // a sale shipped inside an active period counts as promotional as it ships
    await c.call('reorder.savePromotion', { name: 'Black Friday', fromDay: '2026-11-16', toDay: '2026-11-22' });
    await sell(mug, 1, '2026-11-20');
    const mugWeek = (await c.call('reorder.product', { productId: mug })).weeks.find((w) => w.week === '2026-11-16');
    expect(mugWeek).toEqual({ week: '2026-11-16', qty: 1, promo: 1 });
    expect(await rejection(c.call('reorder.removePromotion', { id: promo.id }))).toMatchObject({ code: 'not_found' });
  });

  it('trim the least urgent lines first to keep within a supplier’s budget', async () => {
    const c = t.client;
    await sell(lamp, 4, '2026-11-23', false);
    await c.call('reorder.saveSupplier', { supplierId: foshan, budget: '500.00' });
    const s = await c.call('reorder.suggest', { supplierId: foshan });
    // 120 would cost 1,080.00; the most within 500.00 in cases of 12 is 48 at 9.00 = 432.00
    expect(s.suppliers[0]!.lines[0]).toMatchObject({ suggestedQty: 120, qty: 48, trimmed: true, unitPrice: 900, lineTotal: 43_200 });
    expect(s.suppliers[0]).toMatchObject({ budget: 50_000, total: 43_200 });
  });

  it('order from the cheapest supplier in the base currency, unless the product names its own', async () => {
    const c = t.client;
    await sell(lamp, 4, '2026-11-23', false);
    // Osaka sells the lamp at 1,350 yen: at 150 yen to the dollar, 9.00 — under Foshan's 10.00
    await c.call('fx.set', { base: 'USD', quote: 'JPY', day: '2026-11-01', rate: '150' });
    const osaka = (await c.call('suppliers.create', { name: 'Osaka Trading', currency: 'JPY', leadTimeDays: 14 })).id;
    await c.call('suppliers.saveProduct', { supplierId: osaka, supplierSku: 'OS-L', productId: lamp, unitPrice: '1350', moq: 1, orderMultiple: 1, leadTimeDays: null });
    const cheapest = (await c.call('reorder.suggest', {})).suppliers[0]!;
    expect([cheapest.supplierName, cheapest.currency, cheapest.lines[0]!.unitPrice, cheapest.lines[0]!.leadTimeDays]).toEqual(['Osaka Trading', 'JPY', 1350, 14]);
    // the product's default supplier, by name
    await c.call('products.update', { id: lamp, defaultSupplier: 'foshan lighting' });
    expect((await c.call('reorder.suggest', {})).suppliers[0]!.supplierName).toBe('Foshan Lighting');
    // and its rule over both
    await c.call('reorder.saveRule', { productId: lamp, supplierId: osaka });
    expect((await c.call('reorder.suggest', {})).suppliers[0]!.supplierName).toBe('Osaka Trading');
  });

  it('count a live session planned before an order could arrive as units promised', async () => {
    const c = t.client;
    // 20 on hand against a reorder point of 20
    expect((await c.call('reorder.suggest', {})).suppliers[0]!.lines[0]).toMatchObject({ plannedLive: 0, projected: 20 });
    // a session in 5 days features 6 lamps; one in 30 days (after a 14-day order would land) another 10
    await c.call('live.create', { title: 'Friday live', locationId: home, scheduledAt: '2026-11-29T12:00:00Z', items: [{ productId: lamp, price: '25.00', cap: 6 }] });
    await c.call('live.create', { title: 'New year live', locationId: home, scheduledAt: '2026-12-24T12:00:00Z', items: [{ productId: lamp, price: '25.00', cap: 10 }] });
    const line = (await c.call('reorder.suggest', {})).suppliers[0]!.lines[0]!;
    expect(line).toMatchObject({ sku: 'LAMP', onHand: 20, reserved: 0, plannedLive: 6, projected: 14, trigger: { kind: 'rop', threshold: 20, reached: true } });
    expect(line.reason).toBe('projected 14 ≤ reorder point 20');
  });

  it('follow a product’s own rule', async () => {
    const c = t.client;
    await c.call('reorder.saveRule', { productId: lamp, policy: 'minmax', min: 30, max: 100 });
    const line = (await c.call('reorder.suggest', {})).suppliers[0]!.lines[0]!;
    // projected 20 ≤ min 30: up to 100 is 80, in cases of 12 → 84
    expect(line).toMatchObject({ policy: 'minmax', trigger: { kind: 'min', threshold: 30, reached: true }, suggestedQty: 84 });
    await c.call('reorder.saveRule', { productId: lamp, policy: 'none' });
    const none = await c.call('reorder.suggest', {});
    expect(none.planned).toBe(2);
    expect(await rejection(c.call('reorder.saveRule', { productId: lamp, policy: 'minmax', min: 30, max: null }))).toMatchObject({ details: { field: 'max' } });
    expect(await rejection(c.call('reorder.saveRule', { productId: lamp, policy: 'level', reorderLevel: null }))).toMatchObject({ details: { field: 'reorderLevel' } });
  });

  it('refuse bad input naming the field, and change nothing', async () => {
    const c = t.client;
    expect(await rejection(c.call('reorder.saveSettings', { serviceLevel: 1 }))).toMatchObject({ details: { field: 'serviceLevel' } });
    expect(await rejection(c.call('reorder.saveSettings', { orderCost: '1.234' }))).toMatchObject({ details: { field: 'orderCost' } });
    expect(await rejection(c.call('reorder.savePromotion', { name: 'Backwards', fromDay: '2026-11-10', toDay: '2026-11-01' }))).toMatchObject({ details: { field: 'toDay' } });
    expect(await rejection(c.call('reorder.suggest', { locationId: lamp }))).toMatchObject({ code: 'not_found', details: { field: 'locationId' } });
    expect(await rejection(c.call('reorder.saveSupplier', { supplierId: foshan, budget: '0' }))).toMatchObject({ details: { field: 'budget' } });
    expect(await c.call('reorder.settings', {})).toMatchObject({ serviceLevel: 0.95, orderCost: null, promotional: 'exclude' });
    expect(await c.call('reorder.supplier', { supplierId: foshan })).toMatchObject({ orderCost: 3000, budget: null });
    expect(await c.call('reorder.promotions', {})).toEqual([]);
  });
});
