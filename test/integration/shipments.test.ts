// Shipments on a real SQLite file, with the clock fixed at 2026-11-24 12:00 UTC.
// Two purchase orders from one supplier: PO-000001 (P1 × 10, P2 × 20) and PO-000002 (P1 × 5).
// Tracking numbers: 1Z999AA10123456784 is a valid UPS number (check digit 4), so …85 is mistyped;
// EE123456785GB is a valid UPU S10 number (serial 12345678 → check digit 5, UPU S10).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection } from '../helpers/api';
import { tempApp, type TempApp } from '../helpers/temp-app';

const NOW = new Date('2026-11-24T12:00:00Z');
let t: TempApp;
let home: string;
let store: string;
let supplier: string;
let p1: string;
let p2: string;
let po1: { id: string; lines: string[] };
let po2: { id: string; lines: string[] };

const reject = rejection;

async function sentPo(lines: { productId: string; qty: number }[]) {
  const po = await t.client.call('purchasing.create', { supplierId: supplier, orderDate: '2026-11-02', lines: lines.map((l) => ({ ...l, unitPrice: '10.00' })) });
  await t.client.call('purchasing.send', { id: po.order.id });
  return { id: po.order.id, lines: po.lines.map((l) => l.id) };
}

beforeEach(async () => {
  t = tempApp({ clock: () => NOW });
  const c = t.client;
  await c.call('settings.update', { baseCurrency: 'USD' });
  home = (await c.call('locations.create', { code: 'HOME', name: 'Home', kind: 'own' })).id;
  store = (await c.call('locations.create', { code: 'STORE', name: 'Store', kind: 'own' })).id;
  supplier = (await c.call('suppliers.create', { name: 'Shenzhen Lights Co', currency: 'USD' })).id;
  p1 = (await c.call('products.create', { sku: 'P1', name: 'Trail lantern' })).id;
  p2 = (await c.call('products.create', { sku: 'P2', name: 'Carabiner' })).id;
  po1 = await sentPo([
    { productId: p1, qty: 10 },
    { productId: p2, qty: 20 },
  ]);
  po2 = await sentPo([{ productId: p1, qty: 5 }]);
});
afterEach(() => t.close());

const inbound = (extra: Record<string, unknown> = {}) =>
  t.client.call('shipments.create', {
    direction: 'inbound',
    toLocationId: home,
    carrier: 'UPS',
    incoterm: 'FOB',
    eta: '2026-11-30',
    lines: [
      { poLineId: po1.lines[0]!, qty: 6 },
      { poLineId: po1.lines[1]!, qty: 20 },
      { poLineId: po2.lines[0]!, qty: 5 },
    ],
    ...extra,
  });

describe('shipments', () => {
  it('an inbound shipment carries lines of two POs, with parcels, legs and checked tracking numbers', async () => {
    const d = await inbound({
      trackingNumbers: ['1z999aa1012345678 4', 'EE123456785GB'],
      declaredValue: '310.00',
      currency: 'USD',
      volumetricDivisor: 6000,
      parcels: [
        { weightG: 12000, lengthMm: 600, widthMm: 400, heightMm: 400, reference: 'CTN-1' },
        { weightG: 800 },
      ],
      legs: [
        { from: 'Shenzhen', to: 'HKG', mode: 'road' },
        { from: 'HKG', to: 'FRA', mode: 'air', carrier: 'UPS', eta: '2026-11-28' },
        { from: 'FRA', to: 'Home', mode: 'courier' },
      ],
    });
    expect(d.shipment).toMatchObject({ number: 'SH-000001', direction: 'inbound', status: 'created', supplierId: supplier, supplierName: 'Shenzhen Lights Co', toLocationCode: 'HOME', declaredValue: 31000, late: false });
    expect(d.trackingNumbers).toEqual([
      { number: '1Z999AA10123456784', format: 'ups', checkError: null },
      { number: 'EE123456785GB', format: 'upu-s10', checkError: null },
    ]);
    expect(d.lines.map((l) => [l.poNumber, l.sku, l.name, l.qty])).toEqual([
      ['PO-000001', 'P1', 'Trail lantern', 6],
      ['PO-000001', 'P2', 'Carabiner', 20],
      ['PO-000002', 'P1', 'Trail lantern', 5],
    ]);
    // 600 × 400 × 400 mm = 96,000 cm³ ÷ 6000 = 16 kg volumetric > 12 kg actual; 800 g → 1,000 g
    expect(d.parcels.map((p) => [p.volumetricG, p.chargeableG])).toEqual([
      [16000, 16000],
      [null, 1000],
    ]);
    expect(d.totals).toEqual({ parcels: 2, weightG: 12800, chargeableG: 17000 });
    expect(d.legs.map((l) => `${l.from}→${l.to} ${l.mode}`)).toEqual(['Shenzhen→HKG road', 'HKG→FRA air', 'FRA→Home courier']);
  });

  it('refuses shipping more than a PO line still expects (ordered − received − on other shipments)', async () => {
    await t.client.call('purchasing.receive', { poId: po1.id, locationId: home, receivedAt: '2026-11-20', lines: [{ lineId: po1.lines[0]!, qty: 3 }] });
    await inbound({ lines: [{ poLineId: po1.lines[0]!, qty: 4 }] });
    // 10 ordered, 3 received, 4 on SH-000001: 3 left
    const e = await reject(inbound({ lines: [{ poLineId: po2.lines[0]!, qty: 1 }, { poLineId: po1.lines[0]!, qty: 4 }] }));
    expect(e.details?.field).toBe('lines.1.qty');
    expect(e.message).toMatch(/at most 3 \(ordered 10, received 3, on other shipments 4\)/);
    // the same PO line twice in one shipment counts both
    const twice = await reject(inbound({ lines: [{ poLineId: po1.lines[0]!, qty: 2 }, { poLineId: po1.lines[0]!, qty: 2 }] }));
    expect(twice.details?.field).toBe('lines.1.qty');
    expect((await t.client.call('shipments.list', {})).total).toBe(1);
    const ok = await inbound({ lines: [{ poLineId: po1.lines[0]!, qty: 3 }] });
    expect(ok.shipment.number).toBe('SH-000002');
    // a draft order cannot be shipped, and a line of another direction cannot name a PO line
    const draft = await t.client.call('purchasing.create', { supplierId: supplier, lines: [{ productId: p1, qty: 1, unitPrice: '1.00' }] });
    expect((await reject(inbound({ lines: [{ poLineId: draft.lines[0]!.id, qty: 1 }] }))).details?.field).toBe('lines.0.poLineId');
    const out = await reject(t.client.call('shipments.create', { direction: 'outbound', fromLocationId: home, customer: 'Ana', lines: [{ poLineId: po2.lines[0]!, qty: 1 }] }));
    expect(out.details?.field).toBe('lines.0.poLineId');
    expect((await reject(t.client.call('shipments.create', { direction: 'transfer', fromLocationId: home, toLocationId: home }))).details?.field).toBe('toLocationId');
  });

  it('flags a mistyped UPS or S10 number but keeps it; the same number on two shipments is refused', async () => {
    const d = await inbound({ trackingNumbers: ['1Z999AA10123456785', 'EE123456784GB', 'DHL-55 1234'] });
    expect(d.trackingNumbers).toEqual([
      { number: '1Z999AA10123456785', format: 'ups', checkError: expect.stringMatching(/check digit 4/) },
      { number: 'EE123456784GB', format: 'upu-s10', checkError: expect.stringMatching(/should be 5/) },
      { number: 'DHL551234', format: null, checkError: null },
    ]);
    const e = await reject(t.client.call('shipments.create', { direction: 'outbound', fromLocationId: home, customer: 'Ana', trackingNumbers: ['ee 123456784 gb'] }));
    expect(e).toMatchObject({ code: 'conflict', details: { field: 'trackingNumbers.0' } });
    const fixed = await t.client.call('shipments.update', { id: d.shipment.id, trackingNumbers: ['1Z999AA10123456784'] });
    expect(fixed.trackingNumbers).toEqual([{ number: '1Z999AA10123456784', format: 'ups', checkError: null }]);
    expect(fixed.lines).toHaveLength(3);
  });

  it('keeps the timeline right when events arrive out of order and twice; the status is that of the latest', async () => {
    const d = await inbound();
    const id = d.shipment.id;
    const c = t.client;
    const r1 = await c.call('shipments.addEvents', {
      shipmentId: id,
      events: [
        { at: '2026-11-21T09:00:00Z', status: 'at_customs', place: 'FRA' },
        { at: '2026-11-20T08:00:00+08:00', status: 'in_transit', place: 'Shenzhen', text: 'Picked up' },
      ],
    });
    expect(r1).toMatchObject({ added: 2, duplicates: 0, shipment: { status: 'at_customs' } });
    // the same pickup again (different case and spacing), and an old scan heard late
    const r2 = await c.call('shipments.addEvents', {
      shipmentId: id,
      events: [
        { at: '2026-11-20T00:00:00Z', status: 'in_transit', place: ' shenzhen', text: 'PICKED UP ' },
        { at: '2026-11-19', status: 'created', text: 'Label created' },
      ],
    });
    expect(r2).toMatchObject({ added: 1, duplicates: 1, shipment: { status: 'at_customs' } });
    expect(r2.events.map((e) => [e.at, e.status])).toEqual([
      ['2026-11-19T00:00:00.000Z', 'created'],
      ['2026-11-20T00:00:00.000Z', 'in_transit'],
      ['2026-11-21T09:00:00.000Z', 'at_customs'],
    ]);
    const delivered = await c.call('shipments.addEvents', { shipmentId: id, events: [{ at: '2026-11-24T11:00:00Z', status: 'delivered', place: 'Home' }] });
    expect(delivered.shipment).toMatchObject({ status: 'delivered', deliveredAt: '2026-11-24T11:00:00.000Z' });
    expect((await reject(c.call('shipments.update', { id, notes: 'late' }))).code).toBe('conflict');
    // delivered by the carrier but not received into stock yet: its lines still hold the PO lines
    expect((await reject(inbound({ lines: [{ poLineId: po2.lines[0]!, qty: 5 }] }))).details?.field).toBe('lines.0.qty');
  });

  it('refuses an event dated in the future, naming it, and writes none of the call', async () => {
    const d = await inbound();
    const e = await reject(
      t.client.call('shipments.addEvents', {
        shipmentId: d.shipment.id,
        events: [
          { at: '2026-11-24T12:04:00Z', status: 'in_transit' },
          { at: '2026-11-24T12:06:00Z', status: 'delivered' },
        ],
      }),
    );
    expect(e).toMatchObject({ code: 'invalid_input', details: { field: 'events.1.at' } });
    expect((await t.client.call('shipments.get', { id: d.shipment.id })).events).toEqual([]);
  });

  it('imports a tracking CSV: good rows kept, bad rows reported with their reason', async () => {
    const a = await inbound({ trackingNumbers: ['1Z999AA10123456784'] });
    const b = await t.client.call('shipments.create', { direction: 'transfer', fromLocationId: home, toLocationId: store, trackingNumbers: ['EE123456785GB'], lines: [{ productId: p1, qty: 2 }] });
    const csv = [
      'tracking_number,time,status,place,text',
      '1Z999AA10123456784,2026-11-20T08:00:00Z,In transit,Shenzhen,"Departed, on time"',
      '1z 999 aa1 0123456784,2026-11-20T08:00:00Z,IN TRANSIT,shenzhen,"departed, on time"',
      'EE123456785GB,2026-11-22 10:15,customs held,FRA,Missing invoice',
      'EE123456785GB,2026-11-23,DELIVERED,Store,',
      'XX000,2026-11-20,delivered,,',
      '1Z999AA10123456784,2026-13-01,delivered,,',
      '1Z999AA10123456784,2026-11-30T00:00:00Z,delivered,,',
      '1Z999AA10123456784,2026-11-21,lost in space,,',
      '',
    ].join('\n');
    const r = await t.client.call('shipments.importTracking', { text: csv });
    expect(r).toMatchObject({ added: 3, duplicates: 1 });
    expect(r.skipped.map((s) => s.row)).toEqual([6, 7, 8, 9]);
    expect(r.skipped[0]!.reason).toMatch(/unknown tracking number XX000/);
    expect(r.skipped[1]!.reason).toMatch(/bad date "2026-13-01"/);
    expect(r.skipped[2]!.reason).toMatch(/future/);
    expect(r.skipped[3]!.reason).toMatch(/unknown status "lost in space"/);
    expect(r.shipmentIds.sort()).toEqual([a.shipment.id, b.shipment.id].sort());
    expect((await t.client.call('shipments.get', { id: a.shipment.id })).events.map((e) => [e.status, e.text, e.source])).toEqual([['in_transit', 'Departed, on time', 'csv']]);
    const got = await t.client.call('shipments.get', { id: b.shipment.id });
    expect(got.shipment).toMatchObject({ status: 'delivered', deliveredAt: '2026-11-23T00:00:00.000Z' });
    expect(got.events.map((e) => e.status)).toEqual(['customs_held', 'delivered']);
    const header = await t.client.call('shipments.importTracking', { text: 'number,date\n1Z999AA10123456784,2026-11-20' });
    expect(header).toMatchObject({ added: 0, skipped: [{ row: 1 }] });
  });

  it('lists the board late first, then by ETA, with filters', async () => {
    const late = await inbound({ eta: '2026-11-20', lines: [{ poLineId: po1.lines[0]!, qty: 1 }], trackingNumbers: ['1Z999AA10123456784'] });
    const soon = await inbound({ eta: '2026-11-25', lines: [{ poLineId: po1.lines[0]!, qty: 1 }] });
    const done = await inbound({ eta: '2026-11-10', lines: [{ poLineId: po1.lines[0]!, qty: 1 }] });
    await t.client.call('shipments.addEvents', { shipmentId: done.shipment.id, events: [{ at: '2026-11-11', status: 'delivered' }] });
    const out = await t.client.call('shipments.create', { direction: 'outbound', fromLocationId: home, customer: 'Ana Silva', carrier: 'DHL Express', eta: '2026-11-22' });
    const all = await t.client.call('shipments.list', {});
    expect(all.rows.map((r) => [r.number, r.late])).toEqual([
      [late.shipment.number, true],
      [out.shipment.number, true],
      [done.shipment.number, false],
      [soon.shipment.number, false],
    ]);
    expect(all.rows.map((r) => r.units)).toEqual([1, 0, 1, 1]);
    expect((await t.client.call('shipments.list', { late: true })).rows.map((r) => r.id)).toEqual([late.shipment.id, out.shipment.id]);
    expect((await t.client.call('shipments.list', { late: true, direction: 'inbound' })).rows.map((r) => r.id)).toEqual([late.shipment.id]);
    expect((await t.client.call('shipments.list', { carrier: 'dhl' })).rows.map((r) => r.id)).toEqual([out.shipment.id]);
    expect((await t.client.call('shipments.list', { carrier: 'express' })).total).toBe(0);
    expect((await t.client.call('shipments.list', { carrier: '%' })).total).toBe(0);
    expect((await t.client.call('shipments.list', { status: 'delivered' })).rows.map((r) => r.id)).toEqual([done.shipment.id]);
    expect((await t.client.call('shipments.list', { q: '1z999' })).rows.map((r) => r.id)).toEqual([late.shipment.id]);
    expect((await t.client.call('shipments.list', { q: 'lights' })).total).toBe(3);
    expect((await t.client.call('shipments.list', { q: out.shipment.number.toLowerCase() })).rows.map((r) => r.id)).toEqual([out.shipment.id]);
  });
});
