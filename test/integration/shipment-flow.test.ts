// What shipments do to stock and cost, on a real SQLite file, the clock at 2026-11-24 12:00 UTC.
// Base currency USD; one supplier; PO-000001 (P1 × 10, P2 × 20) and PO-000002 (P1 × 5), all at
// 10.00 a unit. The inbound shipment carries P1 × 6 and P2 × 20 of the first (60.00 + 200.00)
// and P1 × 5 of the second (50.00): 310.00 of goods.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection, balance as balanceAt } from '../helpers/api';
import { tempApp, type TempApp } from '../helpers/temp-app';

const NOW = new Date('2026-11-24T12:00:00Z');
let t: TempApp;
let home: string;
let store: string;
let forwarder: string;
let p1: string;
let p2: string;
let po1: { id: string; lines: string[] };
let po2: { id: string; lines: string[] };

const reject = rejection;

const balance = (productId: string, locationId: string) => balanceAt(t.client, productId, locationId);

beforeEach(async () => {
  t = tempApp({ clock: () => NOW });
  const c = t.client;
  await c.call('settings.update', { baseCurrency: 'USD' });
  home = (await c.call('locations.create', { code: 'HOME', name: 'Home', kind: 'own' })).id;
  store = (await c.call('locations.create', { code: 'STORE', name: 'Store', kind: 'own' })).id;
  const supplier = (await c.call('suppliers.create', { name: 'Shenzhen Lights Co', currency: 'USD' })).id;
  forwarder = (await c.call('suppliers.create', { name: 'Blue Anchor Forwarding', currency: 'USD' })).id;
  p1 = (await c.call('products.create', { sku: 'P1', name: 'Trail lantern' })).id;
  p2 = (await c.call('products.create', { sku: 'P2', name: 'Carabiner' })).id;
  const sent = async (lines: { productId: string; qty: number }[]) => {
    const po = await c.call('purchasing.create', { supplierId: supplier, orderDate: '2026-11-02', lines: lines.map((l) => ({ ...l, unitPrice: '10.00' })) });
    await c.call('purchasing.send', { id: po.order.id });
    return { id: po.order.id, lines: po.lines.map((l) => l.id) };
  };
  po1 = await sent([
    { productId: p1, qty: 10 },
    { productId: p2, qty: 20 },
  ]);
  po2 = await sent([{ productId: p1, qty: 5 }]);
});
afterEach(() => t.close());

const inbound = () =>
  t.client.call('shipments.create', {
    direction: 'inbound',
    toLocationId: home,
    carrier: 'DHL',
    incoterm: 'FOB',
    lines: [
      { poLineId: po1.lines[0]!, qty: 6 },
      { poLineId: po1.lines[1]!, qty: 20 },
      { poLineId: po2.lines[0]!, qty: 5 },
    ],
  });

describe('an inbound shipment', () => {
  it('carrying lines of two POs, cleared with duty and received, lands its freight and duty on the right receipts', async () => {
    const c = t.client;
    const sh = (await inbound()).shipment;
    await c.call('shipments.setCosts', {
      id: sh.id,
      costs: [
        { kind: 'freight', amount: '31.00', currency: 'USD', supplierId: forwarder, reference: 'AWB 176-12345675' },
        { kind: 'duty', amount: '15.50', currency: 'USD' },
        { kind: 'tax', label: 'Import VAT', amount: '40.00', currency: 'USD', recoverable: true },
      ],
    });
    const cleared = await c.call('shipments.setCustoms', { id: sh.id, status: 'cleared', broker: 'Kwik Customs', entryNumber: 'MRN 26DE123', clearedOn: '2026-11-20' });
    expect(cleared.shipment).toMatchObject({ customsStatus: 'cleared', customsBroker: 'Kwik Customs', customsEntry: 'MRN 26DE123', customsClearedOn: '2026-11-20' });
    expect(cleared.costs.map((x) => [x.kind, x.amount, x.inCustomsValue, x.recoverable, x.supplierName])).toEqual([
      ['freight', 3100, true, false, 'Blue Anchor Forwarding'],
      ['duty', 1550, false, false, null],
      ['tax', 4000, false, true, null],
    ]);
    expect(cleared.can).toEqual({ dispatch: false, receive: true, landCost: false });
    expect((await reject(c.call('shipments.landCost', { id: sh.id }))).details?.field).toBe('id');

    const received = await c.call('shipments.receive', { id: sh.id, receivedAt: '2026-11-21' });
    expect(received.shipment.status).toBe('delivered');
    expect(received.shipment.receivedAt).toBe('2026-11-21T12:00:00.000Z');
    expect(received.lines.map((l) => l.qtyArrived)).toEqual([6, 20, 5]);
    // one receipt per purchase order
    expect(received.receipts.map((r) => [r.number, r.poId])).toEqual([
      ['GR-000001', po1.id],
      ['GR-000002', po2.id],
    ]);
    expect((await c.call('purchasing.get', { id: po1.id })).order.status).toBe('partially_received');
    expect((await c.call('purchasing.get', { id: po2.id })).order.status).toBe('received');
    expect(await balance(p1, home)).toEqual({ onHand: 11, value: 11000 });

    const landed = await c.call('shipments.landCost', { id: sh.id, post: true });
    expect(landed.landedCost).toMatchObject({ number: 'LC-000001', status: 'posted' });
    expect(landed.can.landCost).toBe(false);
    const doc = await c.call('landed.get', { id: landed.landedCost!.id });
    expect(doc.docDate).toBe('2026-11-20');
    expect(doc.receipts.map((r) => r.number)).toEqual(['GR-000001', 'GR-000002']);
    // 46.50 of freight and duty by value over 310.00 of goods; the reclaimed VAT stays out
    const extra = Object.fromEntries(doc.lines.map((l) => [`${l.receiptNumber} ${l.sku}`, l.capitalised]));
    expect(extra).toEqual({ 'GR-000001 P1': 900, 'GR-000001 P2': 3000, 'GR-000002 P1': 750 });
    expect(await balance(p1, home)).toEqual({ onHand: 11, value: 11000 + 900 + 750 });
    expect(await balance(p2, home)).toEqual({ onHand: 20, value: 20000 + 3000 });

    // the costs are in stock now: changing them means reversing the document first
    const locked = await reject(c.call('shipments.setCosts', { id: sh.id, costs: [] }));
    expect([locked.code, locked.details?.field]).toEqual(['conflict', 'costs']);
    expect((await reject(c.call('shipments.receive', { id: sh.id }))).code).toBe('conflict');
  });

  it('received short and damaged: the short units stay expected on the PO line, the damaged ones go to quarantine', async () => {
    const c = t.client;
    const q = (await c.call('locations.create', { code: 'QUAR', name: 'Quarantine', kind: 'own' })).id;
    const d = await inbound();
    const [l1, l2, l3] = d.lines;
    const received = await c.call('shipments.receive', {
      id: d.shipment.id,
      lines: [
        { lineId: l1!.id, qty: 4 },
        { lineId: l2!.id, qty: 18, damagedQty: 2, damagedAction: 'quarantine', quarantineLocationId: q },
        { lineId: l3!.id, qty: 5 },
      ],
    });
    expect(received.lines.map((l) => l.qtyArrived)).toEqual([4, 18, 5]);
    expect(await balance(p2, q)).toEqual({ onHand: 2, value: 2000 });
    const po = await c.call('purchasing.get', { id: po1.id });
    expect(po.lines.map((l) => l.qtyReceived)).toEqual([4, 20]);
    // the two units that did not come can go on the next shipment
    const next = await c.call('shipments.create', { direction: 'inbound', toLocationId: home, lines: [{ poLineId: po1.lines[0]!, qty: 6 }] });
    expect(next.lines[0]!.qty).toBe(6);
  });

  it('a receipt the order cannot take is refused naming the shipment line, and nothing is received', async () => {
    const c = t.client;
    const d = await inbound();
    const bad = await reject(c.call('shipments.receive', { id: d.shipment.id, lines: [{ lineId: d.lines[1]!.id, qty: 21 }] }));
    expect(bad.details?.field).toBe('lines.0.qty');
    const old = await c.call('locations.create', { code: 'OLD', name: 'Old shed', kind: 'own' });
    await c.call('locations.archive', { id: old.id });
    const q = await reject(
      c.call('shipments.receive', {
        id: d.shipment.id,
        lines: [
          { lineId: d.lines[2]!.id, qty: 5 },
          { lineId: d.lines[0]!.id, qty: 1, damagedQty: 1, damagedAction: 'quarantine', quarantineLocationId: old.id },
        ],
      }),
    );
    // the second line given, though purchasing saw it as the first line of its own receipt
    expect([q.code, q.details?.field]).toEqual(['conflict', 'lines.1.quarantineLocationId']);
    // an order closed meanwhile cannot take the goods: said of the shipment, and the other order's receipt is not kept
    await c.call('purchasing.close', { id: po2.id, reason: 'supplier ran out' });
    const closed = await reject(c.call('shipments.receive', { id: d.shipment.id }));
    expect([closed.code, closed.details?.field]).toEqual(['conflict', 'id']);
    expect((await c.call('shipments.get', { id: d.shipment.id })).receipts).toEqual([]);
    expect(await balance(p1, home)).toEqual({ onHand: 0, value: 0 });
  });
});

describe('a transfer', () => {
  it('moves through an in-transit location: out at dispatch, in at arrival, the missing unit written off as lost', async () => {
    const c = t.client;
    await c.call('stock.adjust', { productId: p1, locationId: home, qty: 10, unitCost: '12.00', reason: 'opening', occurredAt: '2026-11-20' });
    const d = await c.call('shipments.create', { direction: 'transfer', fromLocationId: home, toLocationId: store, lines: [{ productId: p1, qty: 4 }] });
    expect(d.can).toEqual({ dispatch: true, receive: false, landCost: false });
    expect((await reject(c.call('shipments.receive', { id: d.shipment.id }))).code).toBe('conflict');

    const sent = await c.call('shipments.dispatch', { id: d.shipment.id, at: '2026-11-22' });
    expect(sent.shipment.status).toBe('in_transit');
    expect(sent.shipment.shippedOn).toBe('2026-11-22');
    expect(sent.transitLocationCode).toBe('TRANSIT');
    const transit = sent.shipment.transitLocationId!;
    expect(await balance(p1, home)).toEqual({ onHand: 6, value: 7200 });
    expect(await balance(p1, transit)).toEqual({ onHand: 4, value: 4800 });
    expect((await reject(c.call('shipments.update', { id: d.shipment.id, lines: [{ productId: p1, qty: 3 }] }))).details?.field).toBe('lines');

    const arrived = await c.call('shipments.receive', { id: d.shipment.id, lines: [{ lineId: d.lines[0]!.id, qty: 3 }] });
    expect(arrived.shipment.status).toBe('delivered');
    expect(await balance(p1, store)).toEqual({ onHand: 3, value: 3600 });
    expect(await balance(p1, transit)).toEqual({ onHand: 0, value: 0 });
    const lost = (await c.call('stock.movements', { productId: p1, kind: 'write_off' })).rows;
    expect(lost.map((m) => [m.qty, m.value, m.reason, m.locationId])).toEqual([[-1, -1200, 'lost', transit]]);
    // the second transfer uses the same in-transit location
    const again = await c.call('shipments.create', { direction: 'transfer', fromLocationId: home, toLocationId: store, lines: [{ productId: p1, qty: 1 }] });
    expect((await c.call('shipments.dispatch', { id: again.shipment.id })).shipment.transitLocationId).toBe(transit);
  });
});

describe('an outbound shipment', () => {
  it('cannot ship more than is on hand; nothing moves and it can be dispatched once there is stock', async () => {
    const c = t.client;
    await c.call('stock.adjust', { productId: p1, locationId: home, qty: 2, unitCost: '12.00', reason: 'opening' });
    const d = await c.call('shipments.create', {
      direction: 'outbound',
      fromLocationId: home,
      customer: 'Mei Lin',
      shipTo: '12 Harbour Rd\nWan Chai',
      shipToCountry: 'HK',
      lines: [
        { productId: p2, qty: 1 },
        { productId: p1, qty: 3 },
      ],
    });
    const over = await reject(c.call('shipments.dispatch', { id: d.shipment.id }));
    expect([over.code, over.details?.field]).toEqual(['insufficient_stock', 'lines.0.qty']);
    await c.call('stock.adjust', { productId: p2, locationId: home, qty: 1, unitCost: '5.00', reason: 'opening' });
    const short = await reject(c.call('shipments.dispatch', { id: d.shipment.id }));
    expect([short.code, short.details?.field]).toEqual(['insufficient_stock', 'lines.1.qty']);
    // the first line's unit did not leave: the whole dispatch was refused
    expect(await balance(p2, home)).toEqual({ onHand: 1, value: 500 });
    expect((await c.call('shipments.get', { id: d.shipment.id })).shipment.dispatchedAt).toBeNull();

    await c.call('shipments.update', { id: d.shipment.id, lines: [{ productId: p2, qty: 1 }, { productId: p1, qty: 2 }] });
    const sent = await c.call('shipments.dispatch', { id: d.shipment.id });
    expect(sent.shipment.shipTo).toBe('12 Harbour Rd\nWan Chai');
    expect(sent.can).toEqual({ dispatch: false, receive: false, landCost: false });
    const sales = (await c.call('stock.movements', { kind: 'sale' })).rows;
    expect(sales.map((m) => [m.sku, m.qty, m.value])).toEqual(expect.arrayContaining([['P2', -1, -500], ['P1', -2, -2400]]));
    expect((await reject(c.call('shipments.receive', { id: d.shipment.id }))).code).toBe('conflict');
    expect((await reject(c.call('shipments.dispatch', { id: d.shipment.id }))).code).toBe('conflict');
  });
});
