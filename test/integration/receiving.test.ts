// Receiving against purchase orders on a real SQLite file. Worked example: ¥420 a unit, base
// CNY; 12 received on 2026-11-10 at 0.0467 CNY/JPY = ¥5,040 → 235.368 CNY → 235.37; 12 more on
// 2026-11-18 at 0.0500 = 252.00 CNY. Moving average after both: (235.37 + 252.00) / 24 =
// 20.3070833… CNY a unit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../main/common/api/errors';
import { tempApp, type TempApp } from '../helpers/temp-app';

let t: TempApp;
let home: string;
let quarantine: string;
let sunscreen: string;
let lotion: string;
let supplier: string;
beforeEach(async () => {
  t = tempApp();
  const c = t.client;
  await c.call('settings.update', { baseCurrency: 'CNY' });
  await c.call('fx.set', { base: 'JPY', quote: 'CNY', day: '2026-11-01', rate: '0.0467' });
  await c.call('fx.set', { base: 'JPY', quote: 'CNY', day: '2026-11-15', rate: '0.05' });
  home = (await c.call('locations.create', { code: 'HOME', name: 'Home', kind: 'own' })).id;
  quarantine = (await c.call('locations.create', { code: 'QUAR', name: 'Quarantine', kind: 'own' })).id;
  supplier = (await c.call('suppliers.create', { name: 'Osaka Drug Wholesale', currency: 'JPY' })).id;
  sunscreen = (await c.call('products.create', { sku: 'JP-SUN-001', name: 'UV essence' })).id;
  lotion = (await c.call('products.create', { sku: 'JP-LOT-010', name: 'Lotion' })).id;
});
afterEach(() => t.close());

const reject = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (e: ApiError) => e);

async function sentOrder(lines: { productId: string; qty: number; unitPrice: string }[]) {
  const po = await t.client.call('purchasing.create', { supplierId: supplier, orderDate: '2026-11-05', lines });
  await t.client.call('purchasing.send', { id: po.order.id });
  return po;
}

describe('receiving', () => {
  it('receives one line over three receipts; the order follows (partly received → received)', async () => {
    const po = await sentOrder([{ productId: sunscreen, qty: 24, unitPrice: '420' }]);
    const line = po.lines[0]!.id;
    for (const [qty, day, status] of [[10, '2026-11-10', 'partially_received'], [8, '2026-11-12', 'partially_received'], [6, '2026-11-13', 'received']] as const) {
      const r = await t.client.call('purchasing.receive', { poId: po.order.id, locationId: home, receivedAt: day, lines: [{ lineId: line, qty }] });
      expect(r.lines[0]).toMatchObject({ qty, unitPrice: 420 });
      expect((await t.client.call('purchasing.get', { id: po.order.id })).order.status).toBe(status);
    }
    const receipts = await t.client.call('purchasing.receipts', { poId: po.order.id });
    expect(receipts.map((r) => r.number)).toEqual(['GR-000001', 'GR-000002', 'GR-000003']);
    expect((await t.client.call('purchasing.get', { id: po.order.id })).lines[0]).toMatchObject({ qtyOrdered: 24, qtyReceived: 24 });
    const [b] = (await t.client.call('stock.balances', { productId: sunscreen })).rows;
    expect(b).toMatchObject({ onHand: 24 });
    expect((await t.client.call('stock.check')).ok).toBe(true);
  });

  it('values each receipt at its own day’s rate (not the order date’s), and the average follows', async () => {
    const po = await sentOrder([{ productId: sunscreen, qty: 24, unitPrice: '420' }]);
    expect(po.order.fxRate).toBe('0.0467');
    const line = po.lines[0]!.id;
    const first = await t.client.call('purchasing.receive', { poId: po.order.id, locationId: home, receivedAt: '2026-11-10', lines: [{ lineId: line, qty: 12 }] });
    expect(first).toMatchObject({ fxRate: '0.0467', fxDay: '2026-11-01', fxSource: 'manual' });
    expect(first.lines[0]!.valueBase).toBe(23537);
    const second = await t.client.call('purchasing.receive', { poId: po.order.id, locationId: home, receivedAt: '2026-11-18', lines: [{ lineId: line, qty: 12 }] });
    expect(second).toMatchObject({ fxRate: '0.05', fxDay: '2026-11-15' });
    expect(second.lines[0]!.valueBase).toBe(25200);
    const [b] = (await t.client.call('stock.balances', { productId: sunscreen })).rows;
    expect(b).toMatchObject({ onHand: 24, value: 48737, avgCostE4: 20307083 });
    const moves = (await t.client.call('stock.movements', { productId: sunscreen })).rows;
    expect(moves.map((m) => [m.kind, m.qty, m.value, m.docType])).toEqual([
      ['receipt', 12, 25200, 'receipt'],
      ['receipt', 12, 23537, 'receipt'],
    ]);
  });

  it('takes the rate actually used when given, and refuses a receipt with no rate to value it', async () => {
    const po = await sentOrder([{ productId: sunscreen, qty: 5, unitPrice: '1000' }]);
    const line = po.lines[0]!.id;
    const e = await reject(t.client.call('purchasing.receive', { poId: po.order.id, locationId: home, receivedAt: '2026-10-01', lines: [{ lineId: line, qty: 1 }] }));
    expect(e.details?.field).toBe('fxRate');
    const r = await t.client.call('purchasing.receive', { poId: po.order.id, locationId: home, receivedAt: '2026-10-01', fxRate: '0.048', lines: [{ lineId: line, qty: 1 }] });
    expect(r).toMatchObject({ fxRate: '0.048', fxSource: 'entered', lines: [{ valueBase: 4800 }] });
  });

  it('needs a reason for more than ordered; damaged units go to quarantine or are written off at their cost', async () => {
    const po = await sentOrder([
      { productId: sunscreen, qty: 10, unitPrice: '500' },
      { productId: lotion, qty: 10, unitPrice: '1000' },
    ]);
    const [sun, lot] = po.lines.map((l) => l.id) as [string, string];
    const over = await reject(t.client.call('purchasing.receive', { poId: po.order.id, locationId: home, receivedAt: '2026-11-20', lines: [{ lineId: sun, qty: 12 }] }));
    expect(over.details?.field).toBe('lines.0.reason');
    expect(over.message).toMatch(/2 more than ordered/);
    expect((await t.client.call('stock.movements', {})).total).toBe(0);
    await t.client.call('purchasing.receive', {
      poId: po.order.id,
      locationId: home,
      receivedAt: '2026-11-20',
      lines: [
        { lineId: sun, qty: 10, damagedQty: 2, damagedAction: 'quarantine', quarantineLocationId: quarantine, reason: 'supplier sent 2 extra, crushed' },
        { lineId: lot, qty: 7, damagedQty: 3, damagedAction: 'write_off' },
      ],
    });
    const bal = (await t.client.call('stock.balances', {})).rows.map((b) => [b.sku, b.locationCode, b.onHand, b.value]);
    // ¥500 × 12 at 0.05 = 300.00 CNY split 10:2; ¥1,000 × 10 = 500.00 CNY split 7:3, the 3 written off
    expect(bal).toEqual([
      ['JP-LOT-010', 'HOME', 7, 35000],
      ['JP-SUN-001', 'HOME', 10, 25000],
      ['JP-SUN-001', 'QUAR', 2, 5000],
    ]);
    const writeOff = (await t.client.call('stock.movements', { kind: 'write_off' })).rows;
    expect(writeOff.map((m) => [m.sku, m.qty, m.value, m.reason])).toEqual([['JP-LOT-010', -3, -15000, 'damaged']]);
    expect((await t.client.call('purchasing.get', { id: po.order.id })).order.status).toBe('received');
    expect((await t.client.call('stock.check')).ok).toBe(true);
  });

  it('reverses a receipt by a correcting entry: stock, average and the order’s status go back', async () => {
    const po = await sentOrder([{ productId: sunscreen, qty: 24, unitPrice: '420' }]);
    const line = po.lines[0]!.id;
    await t.client.call('purchasing.receive', { poId: po.order.id, locationId: home, receivedAt: '2026-11-10', lines: [{ lineId: line, qty: 12 }] });
    const wrong = await t.client.call('purchasing.receive', { poId: po.order.id, locationId: home, receivedAt: '2026-11-18', lines: [{ lineId: line, qty: 12 }] });
    expect((await t.client.call('purchasing.get', { id: po.order.id })).order.status).toBe('received');
    const undone = await t.client.call('purchasing.reverseReceipt', { id: wrong.id, note: 'counted the wrong carton' });
    expect(undone.reversed).toBe(true);
    const [b] = (await t.client.call('stock.balances', { productId: sunscreen })).rows;
    expect(b).toMatchObject({ onHand: 12, value: 23537, avgCostE4: 19614167 });
    const after = await t.client.call('purchasing.get', { id: po.order.id });
    expect(after.order.status).toBe('partially_received');
    expect(after.lines[0]!.qtyReceived).toBe(12);
    expect((await reject(t.client.call('purchasing.reverseReceipt', { id: wrong.id }))).code).toBe('conflict');
    const last = (await t.client.call('stock.movements', { productId: sunscreen, limit: 1 })).rows[0]!;
    expect(last).toMatchObject({ qty: -12, value: -25200, docType: 'receipt_reversal', docId: wrong.id, reason: 'correction' });
    expect(last.note).toMatch(/reverses GR-000002 of PO-000001: counted the wrong carton/);
    expect((await t.client.call('stock.check')).ok).toBe(true);
  });

  it('closes a short order only with a reason, kept in its notes', async () => {
    const po = await sentOrder([{ productId: sunscreen, qty: 10, unitPrice: '100' }]);
    await t.client.call('purchasing.receive', { poId: po.order.id, locationId: home, receivedAt: '2026-11-20', lines: [{ lineId: po.lines[0]!.id, qty: 7 }] });
    expect((await reject(t.client.call('purchasing.close', { id: po.order.id }))).details?.field).toBe('reason');
    const closed = await t.client.call('purchasing.close', { id: po.order.id, reason: 'supplier out of stock' });
    expect(closed.order).toMatchObject({ status: 'closed', notes: 'Closed short: supplier out of stock' });
  });

  it('keeps a supplier’s on-time record and its open orders', async () => {
    const po = await t.client.call('purchasing.create', { supplierId: supplier, orderDate: '2026-11-05', expectedDate: '2026-11-15', lines: [{ productId: sunscreen, qty: 10, unitPrice: '100' }] });
    await t.client.call('purchasing.send', { id: po.order.id });
    const line = po.lines[0]!.id;
    await t.client.call('purchasing.receive', { poId: po.order.id, locationId: home, receivedAt: '2026-11-14', lines: [{ lineId: line, qty: 4 }] });
    await t.client.call('purchasing.receive', { poId: po.order.id, locationId: home, receivedAt: '2026-11-20', lines: [{ lineId: line, qty: 4 }] });
    const late = await t.client.call('purchasing.receive', { poId: po.order.id, locationId: home, receivedAt: '2026-11-21', lines: [{ lineId: line, qty: 2 }] });
    await t.client.call('purchasing.reverseReceipt', { id: late.id });
    const d = await t.client.call('suppliers.get', { id: supplier });
    expect(d.onTime).toEqual({ receipts: 2, onTime: 1 });
    expect(d.openOrders.map((o) => [o.number, o.status])).toEqual([[po.order.number, 'partially_received']]);
  });

  it('refuses receiving a draft, a line of another order, or into an archived location, writing nothing', async () => {
    const draft = await t.client.call('purchasing.create', { supplierId: supplier, lines: [{ productId: sunscreen, qty: 1, unitPrice: '1' }] });
    expect((await reject(t.client.call('purchasing.receive', { poId: draft.order.id, locationId: home, lines: [{ lineId: draft.lines[0]!.id, qty: 1 }] }))).details?.field).toBe('poId');
    const po = await sentOrder([{ productId: sunscreen, qty: 1, unitPrice: '1' }]);
    expect((await reject(t.client.call('purchasing.receive', { poId: po.order.id, locationId: home, lines: [{ lineId: draft.lines[0]!.id, qty: 1 }] }))).details?.field).toBe('lines.0.lineId');
    await t.client.call('locations.archive', { id: quarantine });
    expect((await reject(t.client.call('purchasing.receive', { poId: po.order.id, locationId: quarantine, lines: [{ lineId: po.lines[0]!.id, qty: 1 }] }))).details?.field).toBe('locationId');
    expect((await reject(t.client.call('purchasing.receive', { poId: po.order.id, locationId: home, lines: [{ lineId: po.lines[0]!.id, qty: 0 }] }))).details?.field).toBe('lines.0.qty');
    expect((await t.client.call('stock.movements', {})).total).toBe(0);
    expect(await t.client.call('purchasing.receipts', { poId: po.order.id })).toEqual([]);
  });
});
