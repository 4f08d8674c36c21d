// Live selling sessions on a real SQLite file, the clock at 2026-11-24 12:00 UTC, base currency USD.
// LAMP: 10 received at 10.00 from a supplier, then 20.00 of freight landed over them → 12.00 each.
// MUG: 2 at 4.00.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type Client } from '../../main/common/api/client';
import { startHost } from '../../main/server/standalone';
import { rejection } from '../helpers/api';
import { httpTransport, wsTransport } from '../helpers/bridge-transports';
import { tempApp, tempDir, type TempApp } from '../helpers/temp-app';

let now: Date;
let t: TempApp;
let home: string;
let lamp: string;
let mug: string;

const reserved = async (c: Client, productId: string, locationId = home) => (await c.call('stock.balances', { productId, locationId, nonZero: false })).rows[0]?.reserved ?? 0;

async function stockUp(c: Client): Promise<void> {
  await c.call('settings.update', { baseCurrency: 'USD' });
  home = (await c.call('locations.create', { code: 'HOME', name: 'Home', kind: 'own' })).id;
  lamp = (await c.call('products.create', { sku: 'LAMP', name: 'Brass lamp', price: '30.00' })).id;
  mug = (await c.call('products.create', { sku: 'MUG', name: 'Enamel mug', price: '10.00' })).id;
  await c.call('stock.adjust', { productId: mug, locationId: home, qty: 2, unitCost: '4.00', reason: 'opening', occurredAt: '2026-11-01' });
}

beforeEach(async () => {
  now = new Date('2026-11-24T12:00:00Z');
  t = tempApp({ clock: () => now });
  const c = t.client;
  await stockUp(c);
  const supplier = (await c.call('suppliers.create', { name: 'Foshan Lighting', currency: 'USD' })).id;
  const po = await c.call('purchasing.create', { supplierId: supplier, orderDate: '2026-11-10', lines: [{ productId: lamp, qty: 10, unitPrice: '10.00' }] });
  await c.call('purchasing.send', { id: po.order.id });
  const receipt = await c.call('purchasing.receive', { poId: po.order.id, locationId: home, receivedAt: '2026-11-20', lines: [{ lineId: po.lines[0]!.id, qty: 10 }] });
  const doc = await c.call('landed.create', { receiptIds: [receipt.id], docDate: '2026-11-21', customs: null });
  await c.call('landed.update', { id: doc.id, charges: [{ kind: 'freight', amount: '20.00', currency: 'USD', split: 'quantity' }] });
  await c.call('landed.post', { id: doc.id });
});
afterEach(() => t.close());

const plan = (c: Client, items: { productId: string; price: string; cap: number; code?: string }[], extra: Record<string, unknown> = {}) =>
  c.call('live.create', { title: 'Friday night live', platform: 'TikTok', locationId: home, currency: 'USD', perCustomerLimit: 2, holdHours: 24, items, ...extra });

describe('a live session', () => {
  it('holds its caps on air, takes claims, refuses and waitlists, becomes orders, and reports its margin at landed cost', async () => {
    const c = t.client;
    expect((await c.call('stock.balances', { productId: lamp, locationId: home })).rows[0]).toMatchObject({ onHand: 10, avgCostE4: 12_000_000 });
    const s = await plan(c, [
      { productId: lamp, price: '25.00', cap: 5, code: 'a1' },
      { productId: mug, price: '9.00', cap: 2 },
    ]);
    expect(s.session).toMatchObject({ number: 'LIVE-000001', status: 'planned' });
    expect(s.items.map((i) => [i.code, i.price, i.cap, i.left, i.available, i.marginPct])).toEqual([
      ['A1', 2500, 5, 5, 10, '52.0'],
      ['A2', 900, 2, 2, 2, '55.6'],
    ]);
    expect(await rejection(c.call('live.claim', { sessionId: s.session.id, product: 'A1', customer: 'mia' }))).toMatchObject({ code: 'conflict', details: { field: 'sessionId' } });
    expect(await reserved(c, lamp)).toBe(0);

    const id = s.session.id;
    await c.call('live.start', { id });
    expect(await reserved(c, lamp)).toBe(5);
    // the held units are gone for every other channel
    expect(await rejection(c.call('sales.create', { locationId: home, lines: [{ productId: lamp, qty: 6 }], confirm: true }))).toMatchObject({ code: 'insufficient_stock', details: { available: 5 } });

    const claim = (customer: string, product = 'A1', extra: Record<string, unknown> = {}) => c.call('live.claim', { sessionId: id, product, customer, ...extra });
    const first = await claim('@mia', 'A1', { clientKey: 'k1' });
    expect(first).toMatchObject({ claim: { seq: 1, handle: 'mia', qty: 1, status: 'claimed' }, item: { claimed: 1, left: 4 }, waitPosition: null });
    // the same key press arriving twice is one claim
    expect((await claim('@mia', 'A1', { clientKey: 'k1' })).claim.id).toBe(first.claim.id);
    await claim('mia');
    const limit = await rejection(claim('MIA'));
    expect(limit).toMatchObject({ code: 'conflict', details: { field: 'customer', reason: 'limit' } });
    expect(limit.message).toBe('@mia has 2 of A1 already: the limit is 2 a buyer');
    expect((await claim('leo', 'lamp', { qty: 2 })).item.left).toBe(1);
    const kai = await claim('kai');
    expect(kai.item.left).toBe(0);
    expect(await claim('zoe')).toMatchObject({ claim: { status: 'waiting' }, waitPosition: 1, item: { left: 0, waiting: 1 } });
    expect(await claim('ivy')).toMatchObject({ claim: { status: 'waiting' }, waitPosition: 2 });
    const soldOut = await rejection(claim('max', 'A1', { waitlist: false }));
    expect(soldOut).toMatchObject({ code: 'insufficient_stock', details: { field: 'qty', reason: 'sold_out' } });
    expect(soldOut.message).toBe('A1 is sold out');
    expect(await rejection(claim('max', 'NOPE'))).toMatchObject({ code: 'not_found', details: { field: 'product' } });

    // kai's claim is taken back: zoe, first on the waitlist, gets the unit; ivy still waits
    const undone = await c.call('live.undo', { sessionId: id, claimId: kai.claim.id });
    expect(undone.claim.status).toBe('undone');
    expect(undone.promoted.map((p) => p.handle)).toEqual(['zoe']);
    expect(undone.item).toMatchObject({ claimed: 5, left: 0, waiting: 1 });
    // a slip on the mugs is undone with one key: the last claim
    await claim('kai', 'A2', { qty: 2 });
    expect((await c.call('live.undo', { sessionId: id })).item).toMatchObject({ productId: mug, left: 2 });
    await claim('kai', 'A2');

    const closed = await c.call('live.close', { id });
    expect(closed.session.status).toBe('closed');
    const orders = closed.orders.map((o) => [o.customerHandle, o.units, o.total, o.status, o.channel, o.expiresAt]).sort();
    expect(orders).toEqual([
      ['kai', 1, 900, 'confirmed', 'live', '2026-11-25T12:00:00.000Z'],
      ['leo', 2, 5000, 'confirmed', 'live', '2026-11-25T12:00:00.000Z'],
      ['mia', 2, 5000, 'confirmed', 'live', '2026-11-25T12:00:00.000Z'],
      ['zoe', 1, 2500, 'confirmed', 'live', '2026-11-25T12:00:00.000Z'],
    ]);
    // the hold became the orders' reservations, unit for unit
    expect(await reserved(c, lamp)).toBe(5);
    expect(await reserved(c, mug)).toBe(1);
    expect((await c.call('stock.check', {})).ok).toBe(true);

    const report = await c.call('live.report', { id });
    expect(report.items.map((i) => [i.sku, i.cap, i.claimed, i.sellThroughPct, i.revenue, i.cogs, i.margin])).toEqual([
      ['LAMP', 5, 5, '100.0', 12500, 6000, 6500],
      ['MUG', 2, 1, '50.0', 900, 400, 500],
    ]);
    expect(report.totals).toEqual({ claims: 6, units: 6, buyers: 4, revenue: 13400, cogs: 6400, margin: 7000, marginPct: '52.2' });
    expect(report.perMinute).toEqual([{ minute: '2026-11-24T12:00', claims: 6, units: 7 }]);
    expect(report.toPack).toHaveLength(4);

    // mia pays; a day later the other three lapse, and ivy — still waiting — gets one of leo's lamps
    const mia = closed.orders.find((o) => o.customerHandle === 'mia')!;
    await c.call('sales.pay', { id: mia.id, amount: '50.00' });
    now = new Date('2026-11-25T12:00:01Z');
    expect((await c.call('sales.releaseExpired', {})).released).toHaveLength(3);
    const after = await c.call('live.get', { id });
    expect(after.waiting).toEqual([]);
    const ivy = after.orders.find((o) => o.customerHandle === 'ivy')!;
    expect(ivy).toMatchObject({ status: 'confirmed', units: 1, total: 2500, expiresAt: '2026-11-26T12:00:01.000Z' });
    expect(await reserved(c, lamp)).toBe(3);
    expect(await reserved(c, mug)).toBe(0);
    expect(after.items[0]).toMatchObject({ claimed: 3, left: 2 });
    expect((await c.call('stock.check', {})).ok).toBe(true);
  });

  it('cannot hold more than is available, follows cap changes on air, and releases everything when cancelled', async () => {
    const c = t.client;
    const s = await plan(c, [{ productId: lamp, price: '25.00', cap: 11 }]);
    // a typed code is kept; the others get the next free one
    const coded = await c.call('live.update', { id: s.session.id, items: [{ productId: mug, price: '9.00', cap: 1 }, { productId: lamp, price: '25.00', cap: 11, code: 'A1' }] });
    expect(coded.items.map((i) => i.code)).toEqual(['A2', 'A1']);
    const twice = await rejection(c.call('live.update', { id: s.session.id, items: [{ productId: mug, price: '9.00', cap: 1, code: 'X' }, { productId: lamp, price: '25.00', cap: 11, code: 'x' }] }));
    expect(twice).toMatchObject({ details: { field: 'items.1.code' } });
    await c.call('live.update', { id: s.session.id, items: [{ productId: lamp, price: '25.00', cap: 11 }] });
    const tooMany = await rejection(c.call('live.start', { id: s.session.id }));
    expect(tooMany).toMatchObject({ code: 'insufficient_stock', details: { field: 'items.0.cap', available: 10 } });
    expect(await reserved(c, lamp)).toBe(0);
    await c.call('live.update', { id: s.session.id, items: [{ productId: lamp, price: '25.00', cap: 4 }] });
    await c.call('live.start', { id: s.session.id });
    await c.call('live.claim', { sessionId: s.session.id, product: 'LAMP', customer: 'mia', qty: 2 });
    await c.call('live.claim', { sessionId: s.session.id, product: 'LAMP', customer: 'leo', qty: 2 });
    await c.call('live.claim', { sessionId: s.session.id, product: 'LAMP', customer: 'kai' });
    const below = await rejection(c.call('live.update', { id: s.session.id, items: [{ productId: lamp, price: '25.00', cap: 3 }] }));
    expect(below).toMatchObject({ details: { field: 'items.0.cap' } });
    // more units on air: the hold grows and kai, waiting, gets one
    const more = await c.call('live.update', { id: s.session.id, items: [{ productId: lamp, price: '25.00', cap: 6 }] });
    expect(more.items[0]).toMatchObject({ cap: 6, claimed: 5, left: 1, waiting: 0 });
    expect(await reserved(c, lamp)).toBe(6);
    const cancelled = await c.call('live.cancel', { id: s.session.id });
    expect(cancelled.session.status).toBe('cancelled');
    expect(cancelled.recent.every((x) => x.status === 'lapsed')).toBe(true);
    expect(await reserved(c, lamp)).toBe(0);
    expect((await c.call('stock.check', {})).ok).toBe(true);
  });

  it('suggests overstocked products with a healthy margin, and fast sellers with stock to spare', async () => {
    const c = t.client;
    // the mug sells fast: 60 shipped over the last 90 days from a bigger delivery
    await c.call('stock.adjust', { productId: mug, locationId: home, qty: 100, unitCost: '4.00', reason: 'received', occurredAt: '2026-09-01' });
    const o = await c.call('sales.create', { locationId: home, orderDate: '2026-10-01', lines: [{ productId: mug, qty: 60 }], confirm: true });
    await c.call('sales.ship', { id: o.order.id, parcel: null, at: '2026-10-02' });
    const s = await c.call('live.suggest', { locationId: home });
    expect(s.map((x) => [x.sku, x.reason, x.available, x.perDay, x.daysOfCover, x.marginPct, x.suggestedCap])).toEqual([
      ['MUG', 'fast_seller', 42, '0.7', 63, '60.0', 22],
      ['LAMP', 'overstock', 10, '0.0', null, '60.0', 3],
    ]);
    expect(s.find((x) => x.sku === 'MUG')!.why).toBe('sells 0.7 a day; 42 available is 63 days of cover, 22 to spare beyond a month');
  });
});

describe('claims in a burst over the bridge', () => {
  it('never sell more than the cap, however many arrive at once, nor count a double key press twice', async () => {
    const dir = tempDir();
    const host = await startHost({ file: path.join(dir, 'crossdock.sqlite'), staticDir: dir });
    const transports = await Promise.all([wsTransport, wsTransport, wsTransport, httpTransport].map((make) => make(host.bridge.url, host.bridge.secret)));
    try {
      const clients = transports.map((tr) => createClient(tr));
      const c = clients[0]!;
      await stockUp(c);
      await c.call('stock.adjust', { productId: lamp, locationId: home, qty: 7, unitCost: '12.00', reason: 'opening' });
      const s = await c.call('live.create', { title: 'Flash sale', locationId: home, items: [{ productId: lamp, price: '25.00', cap: 7, code: 'L' }] });
      await c.call('live.start', { id: s.session.id });
      const counters: number[] = [];
      transports[1]!.on('live.changed', (p) => counters.push((p as { items: { left: number }[] }).items[0]?.left ?? -1));
      // 4 connections × 30 buyers, all at once; then one key press sent twice at the same moment
      const calls = clients.flatMap((cl, k) =>
        Array.from({ length: 30 }, (_, i) =>
          cl.call('live.claim', { sessionId: s.session.id, product: 'L', customer: `buyer${k}_${i}`, waitlist: false }).then(
            () => 'ok',
            (e: { code: string }) => e.code,
          ),
        ),
      );
      const outcomes = await Promise.all(calls);
      expect(outcomes.filter((o) => o === 'ok')).toHaveLength(7);
      expect(outcomes.filter((o) => o === 'insufficient_stock')).toHaveLength(113);
      const twice = await Promise.all([0, 1].map((k) => clients[k]!.call('live.claim', { sessionId: s.session.id, product: 'L', customer: 'late', clientKey: 'press-1' })));
      expect(twice[0]!.claim.id).toBe(twice[1]!.claim.id);
      expect(twice[0]!.claim.status).toBe('waiting');
      const detail = await c.call('live.get', { id: s.session.id });
      expect(detail.items[0]).toMatchObject({ claimed: 7, left: 0, waiting: 1 });
      expect(await reserved(c, lamp)).toBe(7);
      // every counter pushed to the console was a true one, and it never went below zero
      expect(Math.min(...counters)).toBe(0);
      expect(counters.every((n) => n >= 0 && n <= 7)).toBe(true);
    } finally {
      for (const tr of transports) tr.close();
      await host.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
