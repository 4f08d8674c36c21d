// Sales orders on a real SQLite file, the clock at 2026-11-24 12:00 UTC, base currency USD.
// LAMP costs 12.00 at HOME (10 units) and sells for 30.00; MUG costs 4.00 (5 units), no price.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection } from '../helpers/api';
import { tempApp, type TempApp } from '../helpers/temp-app';

let now = new Date('2026-11-24T12:00:00Z');
let t: TempApp;
let home: string;
let shop: string;
let lamp: string;
let mug: string;
let ana: string;

const stock = async (productId: string, locationId = home) => {
  const r = (await t.client.call('stock.balances', { productId, locationId, nonZero: false })).rows[0];
  return { onHand: r?.onHand ?? 0, reserved: r?.reserved ?? 0, available: r?.available ?? 0 };
};

beforeEach(async () => {
  now = new Date('2026-11-24T12:00:00Z');
  t = tempApp({ clock: () => now });
  const c = t.client;
  await c.call('settings.update', { baseCurrency: 'USD' });
  home = (await c.call('locations.create', { code: 'HOME', name: 'Home', kind: 'own' })).id;
  shop = (await c.call('locations.create', { code: 'SHOP', name: 'Shop', kind: 'own' })).id;
  lamp = (await c.call('products.create', { sku: 'LAMP', name: 'Brass lamp', price: '30.00' })).id;
  mug = (await c.call('products.create', { sku: 'MUG', name: 'Enamel mug' })).id;
  await c.call('stock.adjust', { productId: lamp, locationId: home, qty: 10, unitCost: '12.00', reason: 'opening', occurredAt: '2026-11-01' });
  await c.call('stock.adjust', { productId: mug, locationId: home, qty: 5, unitCost: '4.00', reason: 'opening', occurredAt: '2026-11-01' });
  ana = (await c.call('customers.create', { name: 'Ana Silva', handle: '@ana.s', email: 'ana@example.com', country: 'pt' })).id;
});
afterEach(() => t.close());

describe('customers', () => {
  it('keeps a handle without its @, unique, and finds them by name, handle or email', async () => {
    const c = t.client;
    const got = await c.call('customers.get', { id: ana });
    expect(got.customer).toMatchObject({ name: 'Ana Silva', handle: 'ana.s', country: 'PT' });
    const dup = await rejection(c.call('customers.create', { name: 'Other', handle: 'ANA.S' }));
    expect(dup).toMatchObject({ code: 'conflict', details: { field: 'handle' } });
    expect((await c.call('customers.list', { q: 'silv' })).rows.map((r) => r.id)).toEqual([ana]);
    expect((await c.call('customers.list', { q: '@ana' })).rows.map((r) => r.id)).toEqual([ana]);
    expect((await c.call('customers.list', { q: 'ana@ex' })).rows.map((r) => r.id)).toEqual([ana]);
    expect(await rejection(c.call('customers.create', { name: 'X', email: 'not-an-email' }))).toMatchObject({ details: { field: 'email' } });
  });
});

describe('an order', () => {
  it('reserves on confirming, ships in two parts at the average cost of each moment, and shows its margin', async () => {
    const c = t.client;
    const draft = await c.call('sales.create', {
      customerId: ana,
      locationId: home,
      lines: [
        { productId: lamp, qty: 4 },
        { productId: mug, qty: 2, unitPrice: '9.00', discount: '1.00' },
      ],
      discount: '10.00',
      shipping: '6.50',
    });
    // lamp 4 × 30.00 = 120.00; mug 2 × 9.00 − 1.00 = 17.00; 10.00 off split 120:17 → 8.76 and 1.24
    expect(draft.order).toMatchObject({ number: 'SO-000001', status: 'draft', subtotal: 13700, discount: 1000, shipping: 650, total: 13350, units: 6, currency: 'USD' });
    expect(draft.lines.map((l) => l.net)).toEqual([12000 - 876, 1700 - 124]);
    expect(await stock(lamp)).toEqual({ onHand: 10, reserved: 0, available: 10 });

    const confirmed = await c.call('sales.confirm', { id: draft.order.id });
    expect(confirmed.order.status).toBe('confirmed');
    expect(await stock(lamp)).toEqual({ onHand: 10, reserved: 4, available: 6 });
    expect((await c.call('products.get', { id: lamp })).product).toMatchObject({ price: 3000 });
    expect((await c.call('products.list', { search: 'LAMP' })).rows[0]).toMatchObject({ onHand: 10, reserved: 4 });
    // nobody else can take the reserved units: not another order, not a transfer
    const greedy = await rejection(c.call('sales.create', { locationId: home, lines: [{ productId: lamp, qty: 7 }], confirm: true }));
    expect(greedy).toMatchObject({ code: 'insufficient_stock', details: { field: 'lines.0.qty', available: 6 } });
    expect((await c.call('sales.list', {})).total).toBe(1);
    const parcel0 = await c.call('shipments.create', { direction: 'outbound', fromLocationId: home, customer: 'Walk-in', lines: [{ productId: lamp, qty: 7 }] });
    expect(await rejection(c.call('shipments.dispatch', { id: parcel0.shipment.id }))).toMatchObject({ code: 'insufficient_stock', details: { field: 'lines.0.qty', available: 6 } });
    const moved = await rejection(c.call('stock.transfer', { productId: lamp, fromLocationId: home, toLocationId: shop, qty: 7 }));
    expect(moved).toMatchObject({ code: 'insufficient_stock', details: { field: 'qty' } });
    expect(moved.message).toMatch(/4 of the 10 on hand are reserved/);

    // 2 lamps handed over at 12.00; then the average rises to 16.00 and the rest ships by parcel
    const first = await c.call('sales.ship', { id: draft.order.id, lines: [{ lineId: draft.lines[0]!.id, qty: 2 }], parcel: null, at: '2026-11-20' });
    expect(first.order.status).toBe('partly_shipped');
    expect(first.lines[0]).toMatchObject({ qtyShipped: 2, reserved: 2, revenue: 5562, cogs: 2400 });
    expect(await stock(lamp)).toEqual({ onHand: 8, reserved: 2, available: 6 });
    await c.call('stock.adjust', { productId: lamp, locationId: home, qty: 8, unitCost: '20.00', reason: 'received' });
    const second = await c.call('sales.ship', { id: draft.order.id, parcel: { carrier: 'DHL', trackingNumbers: ['1Z999AA10123456784'] } });
    expect(second.order.status).toBe('shipped');
    expect(second.lines.map((l) => [l.qtyShipped, l.reserved, l.revenue, l.cogs])).toEqual([
      [4, 0, 11124, 2400 + 3200],
      [2, 0, 1576, 800],
    ]);
    expect(second.margin).toEqual({ revenue: 12700, cogs: 6400, margin: 6300, marginPct: '49.6', estimated: false });
    expect(second.fulfilments.map((f) => [f.shipmentNumber, f.lines.map((l) => l.qty)])).toEqual([
      [null, [2]],
      ['SH-000002', [2, 2]],
    ]);
    // the parcel is an outbound shipment, dispatched, that went to Ana
    const parcel = await c.call('shipments.get', { id: second.fulfilments[1]!.shipmentId! });
    expect(parcel.shipment).toMatchObject({ direction: 'outbound', customer: 'Ana Silva', carrier: 'DHL', trackingNumbers: ['1Z999AA10123456784'] });
    expect(parcel.shipment.dispatchedAt).not.toBeNull();
    expect(parcel.lines.map((l) => [l.sku, l.qty, l.salesOrderNumber])).toEqual([
      ['LAMP', 2, 'SO-000001'],
      ['MUG', 2, 'SO-000001'],
    ]);
    expect(await stock(lamp)).toEqual({ onHand: 14, reserved: 0, available: 14 });
    const sales = await c.call('stock.movements', { productId: lamp, kind: 'sale' });
    expect(sales.rows.map((m) => [m.qty, m.value])).toEqual([
      [-2, -3200],
      [-2, -2400],
    ]);
    // paid in full after shipping: completed
    const paid = await c.call('sales.pay', { id: draft.order.id, amount: '133.50' });
    expect(paid.order).toMatchObject({ status: 'completed', paymentStatus: 'paid', paid: 13350 });
    // the ledger's balances, reserved units included, still rebuild from the ledger
    expect((await c.call('stock.check', {})).ok).toBe(true);
    // and a reserved count that drifted from the reservations is caught
    await c.call('sales.create', { locationId: home, lines: [{ productId: mug, qty: 1, unitPrice: '9.00' }], confirm: true });
    t.app.db.prepare('UPDATE balances SET reserved = reserved + 1 WHERE product_id = ?').run(mug);
    const check = await c.call('stock.check', {});
    expect(check.ok).toBe(false);
    expect(check.balances.mismatches).toEqual([{ productId: mug, locationId: home, field: 'reserved', stored: 2, rebuilt: 1 }]);
  });

  it('in a foreign currency values revenue at the order date’s rate', async () => {
    const c = t.client;
    await c.call('fx.set', { base: 'EUR', quote: 'USD', day: '2026-11-23', rate: '1.1' });
    const o = await c.call('sales.create', { locationId: home, currency: 'EUR', lines: [{ productId: lamp, qty: 1, unitPrice: '25.00' }], confirm: true });
    expect(o.order).toMatchObject({ currency: 'EUR', fxRate: '1.1', fxDay: '2026-11-23' });
    const shipped = await c.call('sales.ship', { id: o.order.id, parcel: null });
    expect(shipped.lines[0]).toMatchObject({ revenue: 2750, cogs: 1200, margin: 1550 });
    const noPrice = await rejection(c.call('sales.create', { locationId: home, currency: 'EUR', lines: [{ productId: lamp, qty: 1 }] }));
    expect(noPrice).toMatchObject({ details: { field: 'lines.0.unitPrice' } });
  });

  it('cancels with its reservation released, and refuses what cannot be', async () => {
    const c = t.client;
    const o = await c.call('sales.create', { locationId: home, lines: [{ productId: lamp, qty: 3 }], confirm: true });
    expect(await stock(lamp)).toMatchObject({ reserved: 3 });
    const cancelled = await c.call('sales.cancel', { id: o.order.id, reason: 'changed her mind' });
    expect(cancelled.order).toMatchObject({ status: 'cancelled', cancelReason: 'changed her mind' });
    expect(await stock(lamp)).toMatchObject({ reserved: 0, available: 10 });
    expect(await rejection(c.call('sales.cancel', { id: o.order.id }))).toMatchObject({ code: 'conflict' });

    const shipped = await c.call('sales.create', { locationId: home, lines: [{ productId: lamp, qty: 1 }], confirm: true });
    await c.call('sales.ship', { id: shipped.order.id, parcel: null });
    const refused = await rejection(c.call('sales.cancel', { id: shipped.order.id }));
    expect(refused).toMatchObject({ code: 'conflict', details: { field: 'id' } });
    expect(refused.message).toMatch(/has shipped.*return/);
    expect(await rejection(c.call('sales.pay', { id: shipped.order.id, amount: '31.00' }))).toMatchObject({ details: { field: 'amount' } });
    expect(await rejection(c.call('sales.ship', { id: shipped.order.id }))).toMatchObject({ code: 'conflict' });
    expect(await stock(lamp)).toEqual({ onHand: 9, reserved: 0, available: 9 });
  });

  it('edits a confirmed order: the reservation follows its lines and location', async () => {
    const c = t.client;
    const o = await c.call('sales.create', { locationId: home, lines: [{ productId: lamp, qty: 3 }], confirm: true });
    await c.call('sales.update', { id: o.order.id, lines: [{ productId: lamp, qty: 8 }] });
    expect(await stock(lamp)).toMatchObject({ reserved: 8 });
    const tooMany = await rejection(c.call('sales.update', { id: o.order.id, lines: [{ productId: lamp, qty: 11 }] }));
    expect(tooMany).toMatchObject({ code: 'insufficient_stock', details: { field: 'lines.0.qty', available: 10 } });
    expect(await stock(lamp)).toMatchObject({ reserved: 8 });
    const elsewhere = await rejection(c.call('sales.update', { id: o.order.id, locationId: shop }));
    expect(elsewhere).toMatchObject({ code: 'insufficient_stock' });
    expect(await stock(lamp)).toMatchObject({ reserved: 8 });
  });

  it('may reserve beyond stock only for a product that allows backorders, and ships what arrived', async () => {
    const c = t.client;
    await rejection(c.call('sales.create', { locationId: home, lines: [{ productId: lamp, qty: 12 }], confirm: true }));
    await c.call('products.update', { id: lamp, allowBackorder: true });
    const o = await c.call('sales.create', { locationId: home, lines: [{ productId: lamp, qty: 12 }], confirm: true });
    expect(await stock(lamp)).toEqual({ onHand: 10, reserved: 12, available: -2 });
    const part = await c.call('sales.ship', { id: o.order.id, lines: [{ lineId: o.lines[0]!.id, qty: 10 }], parcel: null });
    expect(part.lines[0]).toMatchObject({ qtyShipped: 10, reserved: 2 });
    expect(await stock(lamp)).toEqual({ onHand: 0, reserved: 2, available: -2 });
    const done = await c.call('sales.complete', { id: o.order.id, note: 'two will not come' });
    expect(done.order.status).toBe('completed');
    expect(await stock(lamp)).toEqual({ onHand: 0, reserved: 0, available: 0 });
  });

  it('releases an unpaid order at its expiry, not a paid one', async () => {
    const c = t.client;
    const unpaid = await c.call('sales.create', { customerId: ana, locationId: home, lines: [{ productId: lamp, qty: 2 }], confirm: true, expiresAt: '2026-11-25T12:00:00Z' });
    const paid = await c.call('sales.create', { customerId: ana, locationId: home, lines: [{ productId: lamp, qty: 3 }], confirm: true, expiresAt: '2026-11-25T12:00:00Z' });
    await c.call('sales.pay', { id: paid.order.id, amount: '10.00' });
    expect((await c.call('sales.get', { id: paid.order.id })).order).toMatchObject({ paymentStatus: 'partly_paid', expiresAt: null });
    expect((await c.call('sales.releaseExpired', {})).released).toEqual([]);
    now = new Date('2026-11-25T12:00:01Z');
    expect((await c.call('sales.releaseExpired', {})).released).toEqual([unpaid.order.number]);
    expect((await c.call('sales.get', { id: unpaid.order.id })).order).toMatchObject({ status: 'cancelled' });
    expect((await c.call('sales.get', { id: unpaid.order.id })).order.cancelReason).toMatch(/not paid by 2026-11-25 12:00/);
    expect(await stock(lamp)).toMatchObject({ reserved: 3 });
  });

  it('lists and filters orders, newest first, and totals the dashboard from what shipped', async () => {
    const c = t.client;
    const a = await c.call('sales.create', { customerId: ana, locationId: home, lines: [{ productId: lamp, qty: 1 }], confirm: true });
    const b = await c.call('sales.create', { locationId: home, lines: [{ productId: mug, qty: 1, unitPrice: '8' }] });
    await c.call('sales.ship', { id: a.order.id, parcel: null });
    expect((await c.call('sales.list', {})).rows.map((r) => r.number)).toEqual([b.order.number, a.order.number]);
    expect((await c.call('sales.list', { status: 'draft' })).rows.map((r) => r.id)).toEqual([b.order.id]);
    expect((await c.call('sales.list', { q: 'ana' })).rows.map((r) => r.id)).toEqual([a.order.id]);
    expect((await c.call('sales.list', { q: 'so-000002' })).rows.map((r) => r.id)).toEqual([b.order.id]);
    expect((await c.call('sales.list', { customerId: ana })).rows[0]).toMatchObject({ customerName: 'Ana Silva', customerHandle: 'ana.s', locationCode: 'HOME' });
    expect(await rejection(c.call('sales.picklist', { ids: [b.order.id] }))).toMatchObject({ details: { field: 'ids.0' } });
    expect(await rejection(c.call('sales.picklist', { ids: [a.order.id] }))).toMatchObject({ details: { field: 'ids.0' } });
    await c.call('sales.confirm', { id: b.order.id });
    expect((await c.call('sales.picklist', { ids: [b.order.id] })).picks).toEqual([
      { locationCode: 'HOME', productId: mug, sku: 'MUG', name: 'Enamel mug', barcode: null, qty: 1, orders: [b.order.number] },
    ]);
    const dash = await c.call('sales.summary', { from: '2026-11-18', to: '2026-11-24', bucket: 'day' });
    expect(dash.totals).toEqual({ revenue: 3000, cogs: 1200, margin: 1800, units: 1, orders: 2 });
    expect(dash.series).toHaveLength(7);
    expect(dash.series.at(-1)).toEqual({ bucket: '2026-11-24', revenue: 3000, cogs: 1200, margin: 1800, units: 1 });
    expect(dash.byChannel).toEqual([{ channel: 'manual', revenue: 3000, margin: 1800, units: 1 }]);
    expect(dash.bestSellers).toEqual([{ productId: lamp, sku: 'LAMP', name: 'Brass lamp', units: 1, revenue: 3000, margin: 1800 }]);
    expect((await c.call('customers.get', { id: ana })).revenue).toBe(3000);
  });
});
