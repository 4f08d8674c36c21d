// Returns on a real SQLite file, the clock at 2026-11-24 12:00 UTC, base currency USD.
// P1 costs 12.00 at HOME (10 units), P2 costs 5.00 (4 units).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection, balance as balanceAt } from '../helpers/api';
import { tempApp, type TempApp } from '../helpers/temp-app';

const NOW = new Date('2026-11-24T12:00:00Z');
let t: TempApp;
let home: string;
let quarantine: string;
let supplier: string;
let p1: string;
let p2: string;

const reject = rejection;

const balance = (productId: string, locationId: string) => balanceAt(t.client, productId, locationId);

beforeEach(async () => {
  t = tempApp({ clock: () => NOW });
  const c = t.client;
  await c.call('settings.update', { baseCurrency: 'USD' });
  home = (await c.call('locations.create', { code: 'HOME', name: 'Home', kind: 'own' })).id;
  quarantine = (await c.call('locations.create', { code: 'QUAR', name: 'Quarantine shelf', kind: 'own' })).id;
  supplier = (await c.call('suppliers.create', { name: 'Seoul Beauty Trading', currency: 'KRW' })).id;
  p1 = (await c.call('products.create', { sku: 'P1', name: 'Trail lantern' })).id;
  p2 = (await c.call('products.create', { sku: 'P2', name: 'Carabiner' })).id;
  await c.call('stock.adjust', { productId: p1, locationId: home, qty: 10, unitCost: '12.00', reason: 'opening', occurredAt: '2026-11-01' });
  await c.call('stock.adjust', { productId: p2, locationId: home, qty: 4, unitCost: '5.00', reason: 'opening', occurredAt: '2026-11-01' });
});
afterEach(() => t.close());

describe('a return from a customer', () => {
  it('split between restock and write-off: in at the cost it left with, the write-off out again at that value', async () => {
    const c = t.client;
    // the parcel left at 12.00 a unit; the average moves to 14.00 afterwards
    const parcel = await c.call('shipments.create', { direction: 'outbound', fromLocationId: home, customer: 'Mei Lin', lines: [{ productId: p1, qty: 3 }] });
    await c.call('shipments.dispatch', { id: parcel.shipment.id, at: '2026-11-10' });
    await c.call('stock.adjust', { productId: p1, locationId: home, qty: 7, unitCost: '16.00', reason: 'received', occurredAt: '2026-11-12' });
    expect(await balance(p1, home)).toEqual({ onHand: 14, value: 7 * 1200 + 7 * 1600 });

    const made = await c.call('returns.create', {
      direction: 'from_customer',
      shipmentId: parcel.shipment.id,
      carrier: 'SF Express',
      tracking: 'SF1402876633951',
      lines: [{ productId: p1, qty: 3, reason: 'damaged', reasonNote: 'glass cracked on two' }],
      costs: [
        { kind: 'shipping', amount: '18.50', currency: 'USD' },
        { kind: 'duty', amount: '120', currency: 'HKD' },
        { kind: 'fees', amount: '2.00', currency: 'USD' },
      ],
    });
    expect(made.return).toMatchObject({ number: 'RMA-000001', status: 'open', customer: 'Mei Lin', shipmentNumber: parcel.shipment.number, units: 3 });
    expect(made.costTotals).toEqual([
      { currency: 'USD', amount: 2050 },
      { currency: 'HKD', amount: 12000 },
    ]);

    const line = made.lines[0]!;
    const got = await c.call('returns.receive', { id: made.return.id, receivedAt: '2026-11-20', lines: [{ lineId: line.id, restockQty: 1, restockLocationId: home, writeOffQty: 2 }] });
    expect(got.return.status).toBe('received');
    expect(got.lines[0]).toMatchObject({ restockQty: 1, restockLocationId: home, quarantineQty: 0, writeOffQty: 2, unitCost: '12.00' });
    expect(got.valueRestocked).toBe(1200);
    expect(got.valueWrittenOff).toBe(2400);
    // one unit back at 12.00: 15 on hand; the two written off came in and went out at 12.00
    expect(await balance(p1, home)).toEqual({ onHand: 15, value: 7 * 1200 + 7 * 1600 + 1200 });
    const moves = (await c.call('stock.movements', { productId: p1, locationId: home, from: '2026-11-20' })).rows;
    expect(moves.map((m) => [m.kind, m.qty, m.value]).sort()).toEqual([
      ['return', 1, 1200],
      ['return', 2, 2400],
      ['write_off', -2, -2400],
    ]);
    expect((await reject(c.call('returns.receive', { id: made.return.id, lines: [{ lineId: line.id, restockQty: 3, restockLocationId: home }] }))).code).toBe('conflict');
    const closed = await c.call('returns.close', { id: made.return.id, note: 'refunded 2 units' });
    expect(closed.return).toMatchObject({ status: 'closed', notes: 'refunded 2 units' });
  });

  it('quarantined units go to their shelf at the average cost when the shipment is not known', async () => {
    const c = t.client;
    const made = await c.call('returns.create', { direction: 'from_customer', customer: 'Sato Ken', lines: [{ productId: p2, qty: 2, reason: 'defective' }] });
    await c.call('returns.receive', { id: made.return.id, lines: [{ lineId: made.lines[0]!.id, quarantineQty: 2, quarantineLocationId: quarantine }] });
    expect(await balance(p2, quarantine)).toEqual({ onHand: 2, value: 1000 });
    expect(await balance(p2, home)).toEqual({ onHand: 4, value: 2000 });
  });

  it('refuses dispositions that do not add up to the line, naming the field, and writes nothing', async () => {
    const c = t.client;
    const made = await c.call('returns.create', { direction: 'from_customer', customer: 'Sato Ken', lines: [{ productId: p1, qty: 3, reason: 'unwanted', unitCost: '10.00' }] });
    const id = made.return.id;
    const lineId = made.lines[0]!.id;
    const sum = await reject(c.call('returns.receive', { id, lines: [{ lineId, restockQty: 1, restockLocationId: home, writeOffQty: 1 }] }));
    expect(sum.details?.field).toBe('lines.0.restockQty');
    expect(sum.message).toMatch(/make 2; the line has 3/);
    const where = await reject(c.call('returns.receive', { id, lines: [{ lineId, writeOffQty: 3 }] }));
    expect(where.details?.field).toBe('lines.0.restockLocationId');
    const noQuarantine = await reject(c.call('returns.receive', { id, lines: [{ lineId, restockQty: 1, restockLocationId: home, quarantineQty: 2 }] }));
    expect(noQuarantine.details?.field).toBe('lines.0.quarantineLocationId');
    expect((await c.call('returns.get', { id })).return.status).toBe('open');
    expect(await balance(p1, home)).toEqual({ onHand: 10, value: 12000 });
    // a unit cost given on the line is the value it comes back at
    await c.call('returns.receive', { id, lines: [{ lineId, restockQty: 3, restockLocationId: home }] });
    expect(await balance(p1, home)).toEqual({ onHand: 13, value: 12000 + 3000 });
  });

  it('names who sends it back, and only links an outbound shipment', async () => {
    const c = t.client;
    expect((await reject(c.call('returns.create', { direction: 'from_customer', lines: [{ productId: p1, qty: 1, reason: 'unwanted' }] }))).details?.field).toBe('customer');
    const transfer = await c.call('shipments.create', { direction: 'transfer', fromLocationId: home, toLocationId: quarantine, lines: [{ productId: p1, qty: 1 }] });
    const bad = await reject(c.call('returns.create', { direction: 'from_customer', shipmentId: transfer.shipment.id, lines: [{ productId: p1, qty: 1, reason: 'unwanted' }] }));
    expect(bad.details?.field).toBe('shipmentId');
    const cost = await reject(c.call('returns.create', { direction: 'from_customer', customer: 'X', lines: [{ productId: p1, qty: 1, reason: 'unwanted' }], costs: [{ kind: 'shipping', amount: '1.234', currency: 'USD' }] }));
    expect(cost.details?.field).toBe('costs.0.amount');
    expect((await c.call('returns.list', {})).total).toBe(0);
  });
});

describe('a return to a supplier', () => {
  it('ships the goods out of their location at their cost; more than on hand is refused and nothing moves', async () => {
    const c = t.client;
    const made = await c.call('returns.create', {
      direction: 'to_supplier',
      supplierId: supplier,
      locationId: home,
      lines: [
        { productId: p2, qty: 2, reason: 'wrong_item' },
        { productId: p1, qty: 11, reason: 'defective' },
      ],
    });
    const over = await reject(c.call('returns.ship', { id: made.return.id }));
    expect([over.code, over.details?.field]).toEqual(['insufficient_stock', 'lines.1.qty']);
    expect(await balance(p2, home)).toEqual({ onHand: 4, value: 2000 });

    await c.call('returns.update', { id: made.return.id, lines: [{ productId: p2, qty: 2, reason: 'wrong_item' }, { productId: p1, qty: 4, reason: 'defective' }] });
    const shipped = await c.call('returns.ship', { id: made.return.id, at: '2026-11-23' });
    expect(shipped.return.status).toBe('shipped');
    expect(shipped.valueSentBack).toBe(2 * 500 + 4 * 1200);
    expect(await balance(p1, home)).toEqual({ onHand: 6, value: 7200 });
    // once shipped only its costs and notes change
    expect((await reject(c.call('returns.update', { id: made.return.id, carrier: 'DHL' }))).code).toBe('conflict');
    const withCost = await c.call('returns.update', { id: made.return.id, costs: [{ kind: 'shipping', amount: '35000', currency: 'KRW' }] });
    expect(withCost.costTotals).toEqual([{ currency: 'KRW', amount: 35000 }]);
    expect((await reject(c.call('returns.cancel', { id: made.return.id }))).code).toBe('conflict');
    expect((await c.call('returns.close', { id: made.return.id })).return.status).toBe('closed');
    expect((await c.call('returns.list', { direction: 'to_supplier', status: 'closed' })).rows.map((r) => [r.number, r.supplierName, r.locationCode, r.units])).toEqual([
      ['RMA-000001', 'Seoul Beauty Trading', 'HOME', 6],
    ]);
  });

  it('an open return can be cancelled; a cancelled one no longer changes', async () => {
    const c = t.client;
    const made = await c.call('returns.create', { direction: 'to_supplier', supplierId: supplier, locationId: home, lines: [{ productId: p1, qty: 1, reason: 'other' }] });
    expect((await reject(c.call('returns.close', { id: made.return.id }))).code).toBe('conflict');
    expect((await c.call('returns.cancel', { id: made.return.id })).return.status).toBe('cancelled');
    expect((await reject(c.call('returns.ship', { id: made.return.id }))).code).toBe('conflict');
    expect((await reject(c.call('returns.update', { id: made.return.id, costs: [] }))).code).toBe('conflict');
    expect((await reject(c.call('returns.create', { direction: 'to_supplier', supplierId: supplier, lines: [{ productId: p1, qty: 1, reason: 'other' }] }))).details?.field).toBe('locationId');
  });
});

describe('returns, more rules', () => {
  it('lists newest first, filters by direction and status, and pages', async () => {
    const c = t.client;
    for (let i = 0; i < 3; i++) await c.call('returns.create', { direction: 'from_customer', customer: `Customer ${i}`, lines: [{ productId: p1, qty: i + 1, reason: 'unwanted' }] });
    await c.call('returns.create', { direction: 'to_supplier', supplierId: supplier, locationId: home, lines: [{ productId: p2, qty: 1, reason: 'defective' }, { productId: p1, qty: 2, reason: 'defective' }] });
    const all = await c.call('returns.list', {});
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => [r.number, r.units])).toEqual([
      ['RMA-000004', 3],
      ['RMA-000003', 3],
      ['RMA-000002', 2],
      ['RMA-000001', 1],
    ]);
    const page = await c.call('returns.list', { direction: 'from_customer', limit: 2, offset: 1 });
    expect([page.total, page.rows.map((r) => r.customer)]).toEqual([3, ['Customer 1', 'Customer 0']]);
    expect((await c.call('returns.list', { direction: 'to_supplier', status: 'open' })).rows.map((r) => r.supplierName)).toEqual(['Seoul Beauty Trading']);
    expect((await c.call('returns.list', { status: 'received' })).total).toBe(0);
  });

  it('refuses an archived supplier or location, and a receipt that leaves a line unsaid', async () => {
    const c = t.client;
    const gone = (await c.call('suppliers.create', { name: 'Closed Trading Co', currency: 'USD' })).id;
    await c.call('suppliers.archive', { id: gone });
    const bySupplier = await reject(c.call('returns.create', { direction: 'to_supplier', supplierId: gone, locationId: home, lines: [{ productId: p1, qty: 1, reason: 'other' }] }));
    expect([bySupplier.code, bySupplier.details?.field]).toEqual(['conflict', 'supplierId']);
    const shelf = (await c.call('locations.create', { code: 'OLD', name: 'Old shelf', kind: 'own' })).id;
    await c.call('locations.archive', { id: shelf });
    const byLocation = await reject(c.call('returns.create', { direction: 'to_supplier', supplierId: supplier, locationId: shelf, lines: [{ productId: p1, qty: 1, reason: 'other' }] }));
    expect(byLocation.details?.field).toBe('locationId');

    const made = await c.call('returns.create', { direction: 'from_customer', customer: 'Ana', lines: [{ productId: p1, qty: 1, reason: 'unwanted' }, { productId: p2, qty: 1, reason: 'unwanted' }] });
    const partial = await reject(c.call('returns.receive', { id: made.return.id, lines: [{ lineId: made.lines[0]!.id, restockQty: 1, restockLocationId: home }] }));
    expect(partial.details?.field).toBe('lines');
    expect(partial.message).toMatch(/P2/);
    const twice = await reject(c.call('returns.receive', { id: made.return.id, lines: [{ lineId: made.lines[0]!.id, restockQty: 1, restockLocationId: home }, { lineId: made.lines[0]!.id, restockQty: 1, restockLocationId: home }] }));
    expect(twice.details?.field).toBe('lines.1.lineId');
    expect(await balance(p1, home)).toEqual({ onHand: 10, value: 12000 });
    // a supplier's return is shipped, not received, and the other way round
    expect((await reject(c.call('returns.ship', { id: made.return.id }))).code).toBe('conflict');

    // once shipped, its supplier may be archived and a late cost still recorded
    const back = await c.call('returns.create', { direction: 'to_supplier', supplierId: supplier, locationId: home, lines: [{ productId: p1, qty: 1, reason: 'defective' }] });
    await c.call('returns.ship', { id: back.return.id });
    await c.call('suppliers.archive', { id: supplier });
    const late = await c.call('returns.update', { id: back.return.id, costs: [{ kind: 'refund', label: 'credit note', amount: '12000', currency: 'KRW' }] });
    expect(late.costTotals).toEqual([{ currency: 'KRW', amount: 12000 }]);
  });

  it('a product no longer held anywhere comes back at the average it last had, written off at that value', async () => {
    const c = t.client;
    await c.call('stock.adjust', { productId: p2, locationId: home, qty: -4, reason: 'other' });
    expect(await balance(p2, home)).toEqual({ onHand: 0, value: 0 });
    const made = await c.call('returns.create', { direction: 'from_customer', customer: 'Ana', lines: [{ productId: p2, qty: 3, reason: 'damaged' }] });
    const got = await c.call('returns.receive', { id: made.return.id, lines: [{ lineId: made.lines[0]!.id, quarantineQty: 1, quarantineLocationId: quarantine, writeOffQty: 2 }] });
    // written-off units pass through the quarantine location when no restock location is given
    expect([got.valueRestocked, got.valueWrittenOff, got.lines[0]!.unitCost]).toEqual([500, 1000, '5.00']);
    expect(await balance(p2, quarantine)).toEqual({ onHand: 1, value: 500 });
    const moves = (await c.call('stock.movements', { productId: p2, locationId: quarantine })).rows;
    expect(moves.map((m) => [m.kind, m.qty, m.value, m.docType]).sort()).toEqual([
      ['return', 1, 500, 'return'],
      ['return', 2, 1000, 'return'],
      ['write_off', -2, -1000, 'return'],
    ]);
    expect((await c.call('stock.check')).ok).toBe(true);
  });
});
