// The contract suite: every API method, called through one transport. Each transport's test file
// runs it (in-process, HTTP bridge, WebSocket bridge, Electron IPC via the preload).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type Method } from '../../main/common/api';
import { createClient, type Client, type Transport } from '../../main/common/api/client';
import { ApiError } from '../../main/common/api/errors';

export interface Opened {
  client: Client;
  /** the raw transport, for calls the typed client cannot express (unknown methods, junk input) */
  transport?: Transport;
  close(): Promise<void>;
}

export function contractSuite(transportName: string, open: () => Promise<Opened>): void {
  describe(`API contract over ${transportName}`, () => {
    let o: Opened;
    let c: Client;
    const called = new Set<string>();
    const ids: Record<string, string> = {};
    let received = 0;

    beforeAll(async () => {
      o = await open();
      // record which methods the suite exercises, to prove it covers the whole contract
      const inner = o.client;
      c = {
        call: ((method: Method, ...args: unknown[]) => {
          called.add(method);
          return (inner.call as (m: Method, ...a: unknown[]) => Promise<unknown>)(method, ...args);
        }) as Client['call'],
        on: inner.on,
      };
    });
    afterAll(async () => o?.close());

    const fails = async (p: Promise<unknown>): Promise<ApiError> => {
      try {
        await p;
      } catch (e) {
        expect(e).toBeInstanceOf(ApiError);
        return e as ApiError;
      }
      throw new Error('expected the call to fail');
    };

    it('settings: read and choose the base currency', async () => {
      expect(await c.call('settings.get')).toMatchObject({ baseCurrency: 'USD', ledgerStarted: false });
      expect(await c.call('settings.update', { baseCurrency: 'EUR', userName: 'Mei' })).toMatchObject({ baseCurrency: 'EUR', userName: 'Mei' });
    });

    it('locations: create, list, update', async () => {
      ids.home = (await c.call('locations.create', { code: 'HOME', name: 'Home', kind: 'own', country: 'DE' })).id;
      ids.tyo = (await c.call('locations.create', { code: 'TYO', name: 'Tokyo', kind: 'overseas', country: 'JP' })).id;
      ids.old = (await c.call('locations.create', { code: 'OLD', name: 'Old shed', kind: 'own' })).id;
      expect((await c.call('locations.update', { id: ids.tyo, name: 'Tokyo warehouse' })).name).toBe('Tokyo warehouse');
      expect(await c.call('locations.archive', { id: ids.old })).toMatchObject({ status: 'archived' });
      expect((await c.call('locations.list')).map((l) => l.code)).toEqual(['HOME', 'TYO']);
    });

    it('products: create, get, update, list, categories, archive, restore', async () => {
      const p = await c.call('products.create', { sku: 'MATCHA-1', name: 'Matcha 30g', localName: '抹茶', barcode: '4006381333931', hsCode: '090210', category: 'Tea', originCountry: 'JP' });
      ids.product = p.id;
      expect((await c.call('products.get', { id: p.id })).product.sku).toBe('MATCHA-1');
      expect((await c.call('products.update', { id: p.id, brand: 'Uji' })).brand).toBe('Uji');
      const extra = await c.call('products.create', { sku: 'SPARE', name: 'Spare' });
      expect(await c.call('products.archive', { id: extra.id })).toMatchObject({ status: 'archived' });
      expect(await c.call('products.restore', { id: extra.id })).toMatchObject({ status: 'active' });
      expect((await c.call('products.list', { search: '抹茶' })).rows.map((r) => r.sku)).toEqual(['MATCHA-1']);
      expect(await c.call('products.categories')).toEqual(['Tea']);
      expect(await c.call('products.assignBarcodes', { prefix: '04', productIds: [extra.id, p.id] })).toEqual({ assigned: [{ productId: extra.id, sku: 'SPARE', barcode: '0400000000015' }], kept: 1 });
      const labels = await c.call('products.labels', { productIds: [p.id, extra.id], size: 'a4-3x8' });
      expect(labels).toMatchObject({ fileName: 'labels-a4-3x8.pdf', mimeType: 'application/pdf', labels: 2 });
      expect(Buffer.from(labels.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('stock: adjust, transfer, balances, movements, check', async () => {
      const a = await c.call('stock.adjust', { productId: ids.product!, locationId: ids.tyo!, qty: 10, unitCost: '4.20', reason: 'opening' });
      expect(a.movements[0]).toMatchObject({ qty: 10, value: 4200 });
      const tr = await c.call('stock.transfer', { productId: ids.product!, fromLocationId: ids.tyo!, toLocationId: ids.home!, qty: 4 });
      expect(tr.movements.map((m) => m.qty)).toEqual([-4, 4]);
      const bal = await c.call('stock.balances', { productId: ids.product! });
      expect(bal.rows.map((b) => [b.locationCode, b.onHand, b.value])).toEqual([['HOME', 4, 1680], ['TYO', 6, 2520]]);
      expect((await c.call('stock.movements', { productId: ids.product! })).total).toBe(3);
      expect(await c.call('stock.check')).toMatchObject({ ok: true, movements: 3 });
      const oops = await c.call('stock.adjust', { productId: ids.product!, locationId: ids.home!, qty: 100, unitCost: '1', reason: 'found' });
      const undo = await c.call('stock.reverse', { docId: oops.docId, note: 'typo' });
      expect(undo.movements.map((m) => [m.qty, m.value, m.docType])).toEqual([[-100, -10000, 'reversal']]);
      expect((await c.call('stock.balances', { productId: ids.product!, locationId: ids.home! })).rows[0]).toMatchObject({ onHand: 4, value: 1680 });
    });

    it('exchange rates: import, enter, look up', async () => {
      const csv = await c.call('fx.importCsv', { text: 'date,base,quote,rate\n2026-11-02,USD,EUR,0.9\n2026-11-02,USD,XXQ,1' });
      expect(csv).toMatchObject({ imported: 1, skipped: [{ row: 3 }] });
      expect(await c.call('fx.set', { base: 'GBP', quote: 'EUR', day: '2026-11-03', rate: '1.15' })).toMatchObject({ rate: '1.15', source: 'manual' });
      expect(await c.call('fx.rate', { from: 'EUR', to: 'USD', date: '2026-11-05' })).toMatchObject({ rate: '1.1111111111', via: 'inverse', day: '2026-11-02' });
      const ecb = await c.call('fx.importEcb');
      expect(ecb.to).toBe('2026-04-13');
      expect((await c.call('fx.rate', { from: 'USD', to: 'JPY', date: '2026-04-13' })).rate).toBe('159.8339609723'); // 186.75 / 1.1684
      expect((await c.call('fx.overview', { date: '2026-04-13' })).rows.find((r) => r.from === 'USD')).toMatchObject({ to: 'EUR', rate: '0.855871277' });
      expect((await c.call('fx.history', { from: 'EUR', to: 'USD', since: '2026-04-10', until: '2026-04-13' })).map((p) => p.rate)).toEqual(['1.1711', '1.1684']);
    });

    it('suppliers and their price lists', async () => {
      const s = await c.call('suppliers.create', { name: 'Seoul Beauty Co', country: 'KR', currency: 'KRW' });
      expect(await c.call('suppliers.update', { id: s.id, paymentTerms: 'prepaid' })).toMatchObject({ paymentTerms: 'prepaid', leadTimeDays: 14 });
      const sp = await c.call('suppliers.saveProduct', { supplierId: s.id, supplierSku: 'SNAIL-96', productId: ids.product!, unitPrice: '15000', priceBreaks: [{ minQty: 10, unitPrice: '14000' }] });
      expect(sp).toMatchObject({ unitPrice: 15000, productSku: 'MATCHA-1' });
      expect((await c.call('suppliers.get', { id: s.id })).products).toHaveLength(1);
      expect((await c.call('suppliers.sourcesOf', { productId: ids.product! })).map((p) => p.id)).toEqual([sp.id]);
      const po = await c.call('purchasing.create', { supplierId: s.id, orderDate: '2026-11-02', lines: [{ productId: ids.product!, qty: 10 }] });
      expect(po.order).toMatchObject({ number: 'PO-000001', currency: 'KRW', total: 140000 });
      expect((await c.call('purchasing.update', { id: po.order.id, notes: 'first order' })).order.notes).toBe('first order');
      expect((await c.call('purchasing.send', { id: po.order.id })).order.status).toBe('sent');
      const got = await c.call('purchasing.get', { id: po.order.id });
      expect((await c.call('purchasing.byNumber', { number: 'po-000001' })).order.id).toBe(po.order.id);
      expect(got.lines).toHaveLength(1);
      const receipt = await c.call('purchasing.receive', { poId: po.order.id, locationId: ids.home!, lines: [{ lineId: got.lines[0]!.id, qty: 4 }] });
      expect(receipt).toMatchObject({ number: 'GR-000001', fxSource: 'ecb', lines: [{ qty: 4, unitPrice: 14000 }] });
      expect((await c.call('purchasing.receipts', { poId: po.order.id })).map((r) => r.id)).toEqual([receipt.id]);
      const extra = await c.call('purchasing.receive', { poId: po.order.id, locationId: ids.home!, lines: [{ lineId: got.lines[0]!.id, qty: 1 }] });
      expect(await c.call('purchasing.reverseReceipt', { id: extra.id })).toMatchObject({ reversed: true });
      received = receipt.lines[0]!.valueBase;
      ids.receipt = receipt.id;
      expect((await c.call('purchasing.list', { status: 'partially_received' })).total).toBe(1);
      expect((await c.call('purchasing.close', { id: po.order.id, reason: 'rest not needed' })).order.status).toBe('closed');
      const other = await c.call('purchasing.create', { supplierId: s.id });
      expect((await c.call('purchasing.cancel', { id: other.order.id })).order.status).toBe('cancelled');
      expect(await c.call('suppliers.removeProduct', { id: sp.id })).toMatchObject({ status: 'archived' });
      expect(await c.call('suppliers.archive', { id: s.id })).toMatchObject({ status: 'archived' });
      expect(await c.call('suppliers.list')).toEqual([]);
    });

    it('landed cost: calculator, profiles, product rates, documents', async () => {
      const base = (await c.call('settings.get')).baseCurrency;
      const input = { currency: base, lines: [{ id: 'a', quantity: 2, unitPrice: '10.00', currency: base, dutyRate: '0.1' }], charges: [{ id: 'f', amount: '1.00', currency: base, split: 'value' as const }], customs: {} };
      expect((await c.call('landed.calculate', { input })).totals).toMatchObject({ goods: 2000, charges: 100, duty: 210 });
      const calc = await c.call('landed.saveCalculation', { name: 'what if', input });
      expect((await c.call('landed.calculation', { id: calc.id })).name).toBe('what if');
      expect((await c.call('landed.calculations')).map((x) => x.id)).toContain(calc.id);
      const noProduct = await fails(c.call('landed.calculationToPo', { id: calc.id, supplierId: calc.id }));
      expect(noProduct.code).toBe('not_found');
      expect(await c.call('landed.deleteCalculation', { id: calc.id })).toEqual({ id: calc.id });
      const profiles = await c.call('landed.profiles');
      const au = profiles.find((p) => p.code === 'AU' && p.validTo === null)!;
      expect((await c.call('landed.saveProfile', { ...au, notes: 'checked with my broker' })).origin).toBe('edited');
      expect(await c.call('landed.deleteProfile', { code: 'AU', validFrom: au.validFrom })).toEqual({ code: 'AU', validFrom: au.validFrom });
      expect(await c.call('landed.setProductRate', { productId: ids.product!, profileCode: 'AU', dutyRate: '0.05' })).toHaveLength(1);
      expect((await c.call('landed.productRates', { productId: ids.product! }))[0]).toMatchObject({ profileCode: 'AU', dutyRate: '0.05' });
      expect((await c.call('landed.receiptChoices', {})).map((r) => r.id)).toContain(ids.receipt);
      const doc = await c.call('landed.create', { receiptIds: [ids.receipt!] });
      const withCharge = await c.call('landed.update', { id: doc.id, charges: [{ kind: 'freight', amount: '5.00', currency: base, split: 'value' }] });
      expect(withCharge.result!.totals.charges).toBe(500);
      expect((await c.call('landed.post', { id: doc.id })).status).toBe('posted');
      expect((await c.call('landed.reverse', { id: doc.id })).reversesNumber).toBe(doc.number);
      const other = await c.call('landed.create', { receiptIds: [ids.receipt!] });
      expect((await c.call('landed.cancel', { id: other.id })).status).toBe('cancelled');
      expect((await c.call('landed.get', { id: doc.id })).reversedByNumber).not.toBeNull();
      expect((await c.call('landed.list', { status: 'posted' })).total).toBe(2);
      expect((await c.call('landed.list', { receiptId: ids.receipt! })).rows.map((r) => r.receiptIds)).toEqual([[ids.receipt], [ids.receipt], [ids.receipt]]);
    });

    it('shipments: create, update, events, tracking import, board', async () => {
      const s = await c.call('suppliers.create', { name: 'Yiwu Freight Goods', currency: 'EUR' });
      const po = await c.call('purchasing.create', { supplierId: s.id, lines: [{ productId: ids.product!, qty: 8, unitPrice: '2.00' }] });
      await c.call('purchasing.send', { id: po.order.id });
      const sh = await c.call('shipments.create', { direction: 'inbound', toLocationId: ids.home!, carrier: 'UPS', eta: '2000-01-10', trackingNumbers: ['1Z999AA10123456785'], lines: [{ poLineId: po.lines[0]!.id, qty: 8 }] });
      expect(sh.shipment).toMatchObject({ number: 'SH-000001', supplierId: s.id, status: 'created', late: true });
      expect(sh.trackingNumbers[0]!.checkError).toMatch(/mistyped/);
      const over = await fails(c.call('shipments.update', { id: sh.shipment.id, lines: [{ poLineId: po.lines[0]!.id, qty: 9 }] }));
      expect(over.details?.field).toBe('lines.0.qty');
      const up = await c.call('shipments.update', { id: sh.shipment.id, parcels: [{ weightG: 1200, lengthMm: 300, widthMm: 200, heightMm: 100 }], legs: [{ from: 'Yiwu', to: 'Home', mode: 'sea' }] });
      expect(up.parcels[0]).toMatchObject({ volumetricG: 1200, chargeableG: 1500 });
      const ev = await c.call('shipments.addEvents', { shipmentId: sh.shipment.id, events: [{ at: '2000-01-02T10:00:00Z', status: 'in_transit', place: 'Ningbo' }] });
      expect(ev).toMatchObject({ added: 1, duplicates: 0, shipment: { status: 'in_transit' } });
      const imported = await c.call('shipments.importTracking', { text: 'tracking_number,time,status,place,text\n1Z999AA10123456785,2000-01-03,At customs,Hamburg,\nNOPE1,2000-01-03,delivered,,' });
      expect(imported).toMatchObject({ added: 1, duplicates: 0, skipped: [{ row: 3 }] });
      expect((await c.call('shipments.get', { id: sh.shipment.id })).events.map((e) => e.status)).toEqual(['in_transit', 'at_customs']);
      expect((await c.call('shipments.list', { late: true })).rows.map((r) => r.number)).toEqual(['SH-000001']);
      ids.shipment = sh.shipment.id;
    });

    it('dashboard, search and reference data', async () => {
      const d = await c.call('dashboard.summary', { days: 30 });
      // 10 adjusted in at 4.20, then 4 received on a purchase order
      expect(received).toBeGreaterThan(0);
      expect(d).toMatchObject({ baseCurrency: 'EUR', totals: { units: 14, value: 4200 + received } });
      expect(d.valueByLocation.map((l) => l.code).sort()).toEqual(['HOME', 'TYO']);
      expect((await c.call('search.global', { q: '4006381333931' }))[0]).toMatchObject({ kind: 'product', id: ids.product, match: 'barcode' });
      expect((await c.call('reference.hs', { q: '0902' }))[0]).toMatchObject({ code: '0902' });
    });

    it('shipments: customs, costs, receiving, landed cost, a transfer through in-transit, papers', async () => {
      const id = ids.shipment!;
      expect((await c.call('shipments.setCustoms', { id, status: 'cleared', broker: 'Kwik Customs', entryNumber: 'MRN 1', clearedOn: '2000-01-05' })).shipment.customsStatus).toBe('cleared');
      expect((await c.call('shipments.setCosts', { id, costs: [{ kind: 'freight', amount: '4.00', currency: 'EUR' }] })).costs[0]).toMatchObject({ amount: 400, split: 'value', inCustomsValue: true });
      const received = await c.call('shipments.receive', { id, receivedAt: '2000-01-06' });
      expect(received.receipts).toHaveLength(1);
      expect((await c.call('shipments.landCost', { id, post: true })).landedCost).toMatchObject({ status: 'posted' });
      const tr = await c.call('shipments.create', { direction: 'transfer', fromLocationId: ids.home!, toLocationId: ids.tyo!, lines: [{ productId: ids.product!, qty: 2 }] });
      expect((await c.call('shipments.dispatch', { id: tr.shipment.id })).transitLocationCode).toBe('TRANSIT');
      expect((await c.call('shipments.receive', { id: tr.shipment.id })).lines[0]!.qtyArrived).toBe(2);
      const pdf = await c.call('shipments.papers', { id, kind: 'invoice' });
      expect([pdf.mimeType, atob(pdf.base64).slice(0, 5)]).toEqual(['application/pdf', '%PDF-']);
    });

    it('returns: from a customer restocked and written off, to a supplier shipped, closed and cancelled', async () => {
      const back = await c.call('returns.create', { direction: 'from_customer', customer: 'Mei Lin', lines: [{ productId: ids.product!, qty: 2, reason: 'damaged', unitCost: '4.20' }] });
      expect(back.return).toMatchObject({ number: 'RMA-000001', status: 'open', units: 2 });
      expect((await c.call('returns.update', { id: back.return.id, costs: [{ kind: 'shipping', amount: '7.50', currency: 'EUR' }] })).costTotals).toEqual([{ currency: 'EUR', amount: 750 }]);
      const got = await c.call('returns.receive', { id: back.return.id, lines: [{ lineId: back.lines[0]!.id, restockQty: 1, restockLocationId: ids.home!, writeOffQty: 1 }] });
      expect([got.valueRestocked, got.valueWrittenOff]).toEqual([420, 420]);
      expect((await c.call('returns.close', { id: back.return.id })).return.status).toBe('closed');
      const s = (await c.call('suppliers.list'))[0]!;
      const out = await c.call('returns.create', { direction: 'to_supplier', supplierId: s.id, locationId: ids.home!, lines: [{ productId: ids.product!, qty: 1, reason: 'defective' }] });
      expect((await c.call('returns.ship', { id: out.return.id })).return.status).toBe('shipped');
      const other = await c.call('returns.create', { direction: 'to_supplier', supplierId: s.id, locationId: ids.home!, lines: [{ productId: ids.product!, qty: 1, reason: 'other' }] });
      expect((await c.call('returns.cancel', { id: other.return.id })).return.status).toBe('cancelled');
      expect((await c.call('returns.get', { id: out.return.id })).valueSentBack).toBeGreaterThan(0);
      expect((await c.call('returns.list', { status: 'closed' })).rows.map((r) => r.number)).toEqual(['RMA-000001']);
    });

    it('sales and live selling: customers, an order from draft to shipped, a session from plan to report, an import', async () => {
      await c.call('stock.adjust', { productId: ids.product!, locationId: ids.tyo!, qty: 20, unitCost: '4.20', reason: 'received' });
      const ana = await c.call('customers.create', { name: 'Ana Silva', handle: '@ana' });
      expect((await c.call('customers.update', { id: ana.id, country: 'PT' })).country).toBe('PT');
      expect((await c.call('customers.list', { q: 'ana' })).rows.map((r) => r.handle)).toEqual(['ana']);
      const o = await c.call('sales.create', { customerId: ana.id, locationId: ids.tyo!, lines: [{ productId: ids.product!, qty: 3, unitPrice: '9.00' }] });
      expect((await c.call('sales.update', { id: o.order.id, shipping: '2.00' })).order.total).toBe(2900);
      expect((await c.call('sales.confirm', { id: o.order.id })).lines[0]!.reserved).toBe(3);
      expect((await c.call('sales.picklist', { ids: [o.order.id] })).picks[0]).toMatchObject({ locationCode: 'TYO', qty: 3 });
      expect((await c.call('sales.ship', { id: o.order.id, lines: [{ lineId: o.lines[0]!.id, qty: 2 }], parcel: null })).order.status).toBe('partly_shipped');
      expect((await c.call('sales.complete', { id: o.order.id })).order.status).toBe('completed');
      expect((await c.call('sales.pay', { id: o.order.id, amount: '29.00' })).order.paymentStatus).toBe('paid');
      const other = await c.call('sales.create', { locationId: ids.tyo!, lines: [{ productId: ids.product!, qty: 1, unitPrice: '9.00' }], confirm: true });
      expect((await c.call('sales.cancel', { id: other.order.id })).order.status).toBe('cancelled');
      expect((await c.call('sales.get', { id: o.order.id })).fulfilments).toHaveLength(1);
      expect((await c.call('sales.list', { customerId: ana.id })).total).toBe(1);
      expect((await c.call('customers.get', { id: ana.id })).orders).toHaveLength(1);
      const day = new Date().toISOString().slice(0, 10);
      expect((await c.call('sales.summary', { from: day, to: day })).totals.units).toBe(2);
      expect(await c.call('sales.releaseExpired', {})).toEqual({ released: [] });
      const imported = await c.call('sales.import', { locationId: ids.tyo!, text: 'order,sku,qty,unit_price\nW-1,MATCHA-1,1,9.50', dryRun: true });
      expect(imported).toMatchObject({ format: 'generic', dryRun: true, created: 1 });

      const live = await c.call('live.create', { title: 'Tea night', locationId: ids.tyo!, items: [{ productId: ids.product!, price: '8.00', cap: 2, code: 'T1' }] });
      expect((await c.call('live.update', { id: live.session.id, perCustomerLimit: 1 })).session.perCustomerLimit).toBe(1);
      // the tea has no selling price (so no margin to judge an overstock by) and sold 2 in 90 days (not fast)
      expect(await c.call('live.suggest', { locationId: ids.tyo! })).toEqual([]);
      await c.call('live.start', { id: live.session.id });
      expect((await c.call('live.claim', { sessionId: live.session.id, product: 'T1', customer: 'mia' })).item.left).toBe(1);
      await c.call('live.claim', { sessionId: live.session.id, product: 'T1', customer: 'leo' });
      expect((await c.call('live.undo', { sessionId: live.session.id })).claim.status).toBe('undone');
      expect((await c.call('live.get', { id: live.session.id })).items[0]!.left).toBe(1);
      expect((await c.call('live.close', { id: live.session.id })).orders).toHaveLength(1);
      expect((await c.call('live.report', { id: live.session.id })).totals).toMatchObject({ units: 1, buyers: 1 });
      expect((await c.call('live.list', { status: 'closed' })).rows.map((r) => r.title)).toEqual(['Tea night']);
      const history = await c.call('reorder.history', { productId: ids.product!, periodDays: 1, periods: 7 });
      expect(history.periods.reduce((a, p) => a + p.qty, 0)).toBe(2);
      const supplier = (await c.call('suppliers.list'))[0]!;
      expect((await c.call('reorder.leadTime', { supplierId: supplier.id, productId: ids.product! })).from).toBe('supplier');
      expect((await c.call('live.markPromotional', { id: live.session.id, promotional: true })).session.promotional).toBe(true);
      expect((await c.call('reorder.saveSettings', { serviceLevel: 0.9 })).serviceLevel).toBe(0.9);
      expect((await c.call('reorder.settings', {})).serviceLevel).toBe(0.9);
      expect((await c.call('reorder.saveRule', { productId: ids.product!, policy: 'minmax', min: 10, max: 40 })).policy).toBe('minmax');
      expect((await c.call('reorder.rule', { productId: ids.product! })).max).toBe(40);
      expect((await c.call('reorder.saveSupplier', { supplierId: supplier.id, budget: '100.00' })).budget).toBe(10_000);
      expect((await c.call('reorder.supplier', { supplierId: supplier.id })).budget).toBe(10_000);
      const promo = await c.call('reorder.savePromotion', { name: 'Launch week', fromDay: '2026-01-05', toDay: '2026-01-11' });
      expect((await c.call('reorder.promotions', {})).map((p) => p.name)).toEqual(['Launch week']);
      expect((await c.call('reorder.removePromotion', { id: promo.id })).id).toBe(promo.id);
      // the tea's rule now plans it by min/max; its session's order has not shipped, so nothing is promotional yet
      const tea = await c.call('reorder.product', { productId: ids.product! });
      expect(tea.line).toMatchObject({ promoUnits: 0, policy: 'minmax', trigger: { kind: 'min', threshold: 10 } });
      expect((await c.call('reorder.suggest', {})).planned).toBeGreaterThan(0);
      const dropped = await c.call('live.create', { title: 'Cancelled one', locationId: ids.tyo! });
      expect((await c.call('live.cancel', { id: dropped.session.id })).session.status).toBe('cancelled');
    });

    it('stock counts: ABC, open, scan, recount, sheet, post, cancel', async () => {
      expect((await c.call('counts.abc', { locationId: ids.home! })).classes.map((k) => k.class)).toEqual(['A', 'B', 'C']);
      const count = await c.call('counts.create', { locationId: ids.home!, scope: 'full', recountUnits: 0 });
      const scanned = await c.call('counts.scan', { id: count.count.id, code: '4006381333931' });
      expect(scanned).toMatchObject({ via: 'barcode', line: { productId: ids.product, counted: 1 } });
      const unknown = await fails(c.call('counts.scan', { id: count.count.id, code: 'NO-SUCH-CODE' }));
      expect(unknown.details).toMatchObject({ field: 'code', reason: 'unknown_code' });
      const book = scanned.line.book!;
      // one counted against a book of several, with a threshold of 0 units: sent back for a recount
      expect(book).toBeGreaterThan(1);
      expect((await c.call('counts.recount', { id: count.count.id })).totals.recounts).toBe(1);
      // counted as the book says: posting moves nothing
      expect((await c.call('counts.setCounted', { id: count.count.id, productId: ids.product!, counted: book })).line.difference).toBe(0);
      expect((await c.call('counts.sheet', { id: count.count.id })).mimeType).toBe('application/pdf');
      expect((await c.call('counts.get', { id: count.count.id })).totals).toMatchObject({ differences: 0, value: 0 });
      expect(await c.call('counts.post', { id: count.count.id })).toMatchObject({ movements: 0, count: { status: 'posted' } });
      const other = await c.call('counts.create', { locationId: ids.home!, scope: 'cycle', productIds: [ids.product!] });
      expect((await c.call('counts.cancel', { id: other.count.id })).status).toBe('cancelled');
      expect((await c.call('counts.list', { locationId: ids.home! })).rows.map((r) => r.status)).toEqual(['cancelled', 'posted']);
    });

    it('photos and attachments: add, list, order, read back, remove', async () => {
      const owner = (await c.call('suppliers.create', { name: 'Paper Trail Co', currency: 'EUR' })).id;
      const red = (await sharp({ create: { width: 12, height: 8, channels: 3, background: '#c00' } }).jpeg().toBuffer()).toString('base64');
      const blue = (await sharp({ create: { width: 8, height: 8, channels: 3, background: '#00c' } }).png().toBuffer()).toString('base64');
      const a = await c.call('photos.add', { productId: ids.product!, fileName: 'front.jpg', base64: red });
      const b = await c.call('photos.add', { productId: ids.product!, fileName: 'back.png', base64: blue });
      expect((await c.call('photos.list', { productId: ids.product! })).map((p) => p.id)).toEqual([a.id, b.id]);
      expect((await c.call('photos.reorder', { productId: ids.product!, ids: [b.id, a.id] }))[0]!.id).toBe(b.id);
      expect(Object.keys(await c.call('photos.thumbs', { productIds: [ids.product!] }))).toEqual([ids.product]);
      expect((await c.call('photos.image', { id: a.id })).mime).toBe('image/jpeg');
      expect((await c.call('photos.remove', { id: b.id })).map((p) => p.id)).toEqual([a.id]);
      const traversal = await fails(c.call('attachments.add', { ownerType: 'supplier', ownerId: owner, fileName: '../../etc/passwd', base64: red }));
      expect(traversal.details?.field).toBe('fileName');
      const doc = await c.call('attachments.add', { ownerType: 'supplier', ownerId: owner, fileName: 'label.jpg', base64: red, note: 'carton' });
      expect(doc).toMatchObject({ mime: 'image/jpeg', note: 'carton' });
      expect((await c.call('attachments.update', { id: doc.id, attachedOn: '2026-01-02' })).attachedOn).toBe('2026-01-02');
      expect((await c.call('attachments.list', { ownerType: 'supplier', ownerId: owner })).map((x) => x.id)).toEqual([doc.id]);
      expect((await c.call('attachments.file', { id: doc.id })).base64).toBe(red);
      // no system viewer behind these transports: the caller saves a copy instead
      expect(await c.call('attachments.open', { id: doc.id })).toEqual({ opened: false });
      expect((await c.call('attachments.remove', { id: doc.id })).id).toBe(doc.id);
    });

    it('supplier sync: a price-list feed, the outbox, changes for review', async () => {
      const feed = (await c.call('suppliers.create', { name: 'Feed Supplier', currency: 'USD' })).id;
      await c.call('suppliers.saveProduct', { supplierId: feed, supplierSku: 'FEED-1', productId: ids.product!, unitPrice: '2.00' });
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossdock-feed-'));
      const file = path.join(dir, 'prices.csv');
      fs.writeFileSync(file, '\uFEFFSKU;Name;Price\nFEED-1;Matcha tin;2,50\nFEED-2;Hojicha;1,75\n');
      const conn = await c.call('sync.saveConnection', { supplierId: feed, kind: 'price_list', endpoint: file, autoSync: false });
      expect(conn).toMatchObject({ kind: 'price_list', hasKey: false, autoSync: false });
      expect((await c.call('sync.connection', { supplierId: feed }))!.endpoint).toBe(file);
      expect(await c.call('sync.test', { supplierId: feed })).toMatchObject({ ok: true, items: 2 });
      const started = await c.call('sync.run', { supplierId: feed, wait: true });
      expect(started.runs[0]).toMatchObject({ result: 'ok', counts: { catalog: 2, prices: 2 } });
      expect((await c.call('sync.runs', { supplierId: feed })).map((r) => r.result)).toEqual(['ok']);
      expect((await c.call('sync.catalog', { supplierId: feed })).rows.map((r) => [r.sku, r.unitPrice])).toEqual([
        ['FEED-1', '2.50'],
        ['FEED-2', '1.75'],
      ]);
      const [change] = await c.call('sync.changes', { supplierId: feed });
      expect(change).toMatchObject({ sku: 'FEED-1', kind: 'price' });
      expect(await c.call('sync.decide', { ids: [change!.id], action: 'apply' })).toEqual({ applied: 1, dismissed: 0 });
      expect(await c.call('sync.cancel', { supplierId: feed })).toEqual({ cancelled: false });

      // an API supplier that is not answering: a sent order waits in the outbox
      const api = (await c.call('suppliers.create', { name: 'Quiet Supplier', currency: 'USD' })).id;
      await c.call('sync.saveConnection', { supplierId: api, kind: 'open_protocol', endpoint: 'http://127.0.0.1:9', apiKey: 'test-key', autoSync: false });
      expect((await c.call('sync.connections', {})).map((x) => x.supplierName)).toEqual(['Feed Supplier', 'Quiet Supplier']);
      const po = await c.call('purchasing.create', { supplierId: api, lines: [{ productId: ids.product!, qty: 1, unitPrice: '2.00' }] });
      await c.call('purchasing.send', { id: po.order.id });
      const [waiting] = await c.call('sync.outbox', { supplierId: api });
      expect(waiting).toMatchObject({ poId: po.order.id, state: 'queued', attempts: 0 });
      expect((await c.call('sync.order', { poId: po.order.id })).outbox?.seq).toBe(waiting!.seq);
      expect((await c.call('sync.retry', { seq: waiting!.seq })).state).toBe('queued');
      expect((await c.call('sync.dismiss', { seq: waiting!.seq })).state).toBe('cancelled');
      expect(await c.call('sync.removeConnection', { supplierId: api })).toEqual({ removed: true });
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('backups: make one, see it, copy it to a second folder, restore it', async () => {
      const second = fs.mkdtempSync(path.join(os.tmpdir(), 'crossdock-second-'));
      expect((await c.call('backups.configure', { secondFolder: second })).secondFolder).toBe(second);
      const b = await c.call('backups.run', {});
      expect(b).toMatchObject({ folder: 'main', reason: 'manual' });
      const made = await c.call('products.create', { sku: 'AFTER-BACKUP', name: 'Made after the backup' });
      const restored = new Promise<unknown>((resolve) => {
        const off = c.on('data.restored', (p) => {
          off();
          resolve(p);
        });
      });
      const r = await c.call('backups.restore', { name: b.name, folder: 'second' });
      expect(r).toMatchObject({ restored: { name: b.name, folder: 'second' }, safetyBackup: { reason: 'restore' }, upgradedFrom: null });
      expect(await restored).toEqual({ name: b.name });
      expect((await fails(c.call('products.get', { id: made.id }))).code).toBe('not_found');
      const status = await c.call('backups.status', {});
      // newest first (older ones: before the imports above, and the daily one of a running host)
      expect(status.backups.slice(0, 4).map((x) => `${x.folder}:${x.reason}`)).toEqual(['main:restore', 'second:restore', 'main:manual', 'second:manual']);
      expect((await c.call('backups.configure', { secondFolder: null })).secondFolder).toBeNull();
      fs.rmSync(second, { recursive: true, force: true });
    });

    it('exports: a list to CSV and to Excel', async () => {
      const csv = await c.call('exports.list', { what: 'products', format: 'csv', filter: { status: 'all' } });
      expect(csv).toMatchObject({ mimeType: 'text/csv', rows: (await c.call('products.list', { status: 'all' })).total });
      expect(Buffer.from(csv.base64, 'base64').toString('utf8')).toMatch(/^\uFEFF"SKU","Name"/);
      const xlsx = await c.call('exports.list', { what: 'stock', format: 'xlsx' });
      expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    });

    it('imports: products from a file, a dry run then for real', async () => {
      const base64 = Buffer.from('SKU,Name,Brand\nIMPORTED-1,Imported one,Acme\n').toString('base64');
      expect(await c.call('imports.products', { fileName: 'p.csv', base64, dryRun: true })).toMatchObject({ format: 'mapped', created: 1, written: false });
      expect(await c.call('imports.products', { fileName: 'p.csv', base64 })).toMatchObject({ created: 1, written: true, problems: [] });
      expect((await c.call('products.list', { search: 'IMPORTED-1' })).rows.map((p) => p.brand)).toEqual(['Acme']);
      const stock = Buffer.from('SKU,Location,Quantity\nIMPORTED-1,HOME,3\n').toString('base64');
      expect(await c.call('imports.stock', { fileName: 's.csv', base64: stock })).toMatchObject({ created: 1, units: 3, written: true, problems: [] });
      const suppliers = Buffer.from('Supplier,Currency\nImported Supplier,JPY\n').toString('base64');
      expect(await c.call('imports.suppliers', { fileName: 'sup.csv', base64: suppliers })).toMatchObject({ created: 1, problems: [] });
      const prices = Buffer.from('Supplier,Supplier SKU,SKU,Unit price\nImported Supplier,IS-1,IMPORTED-1,450\n').toString('base64');
      expect(await c.call('imports.prices', { fileName: 'p.csv', base64: prices })).toMatchObject({ created: 1, problems: [] });
      expect(await c.call('imports.saveTemplate', { kind: 'prices', name: 'Monthly', mapping: { supplierSku: 'Supplier SKU' } })).toMatchObject({ name: 'Monthly' });
      expect((await c.call('imports.templates', { kind: 'prices' })).map((x) => x.name)).toEqual(['Monthly']);
      expect(await c.call('imports.removeTemplate', { kind: 'prices', name: 'Monthly' })).toEqual({ removed: true });
    });

    it('imports: a big file reports progress and is cancelled half-way, leaving nothing', async () => {
      expect(await c.call('imports.cancel', {})).toEqual({ cancelled: false });
      const lines = Array.from({ length: 6000 }, (_, i) => `CANCEL-${i},Cancelled ${i}`);
      const base64 = Buffer.from(`SKU,Name\n${lines.join('\n')}\n`).toString('base64');
      const before = (await c.call('products.list', { status: 'all' })).total;
      const stages: string[] = [];
      let cancel: Promise<{ cancelled: boolean }> | null = null;
      const off = c.on('imports.progress', (p) => {
        stages.push(p.stage);
        // once some rows are saved: the cancel is answered while the import holds the data
        if (p.stage === 'saving' && p.done > 0 && !cancel) cancel = c.call('imports.cancel', {});
      });
      try {
        const r = await c.call('imports.products', { fileName: 'big.csv', base64 });
        expect(r).toMatchObject({ cancelled: true, written: false });
        expect(await cancel).toEqual({ cancelled: true });
      } finally {
        off();
      }
      expect(stages.slice(0, 2)).toEqual(['reading', 'saving']);
      expect((await c.call('products.list', { status: 'all' })).total).toBe(before);
    });

    it('bad input is refused with a structured error naming the field, and nothing is written', async () => {
      const before = (await c.call('products.list', { status: 'all' })).total;
      const e = await fails(c.call('products.create', { sku: 'X', name: '', barcode: '123' }));
      expect(e.code).toBe('invalid_input');
      expect(e.details?.issues?.map((i) => i.field).sort()).toEqual(['barcode', 'name']);
      expect((await fails(c.call('stock.adjust', { productId: 'not-an-id', locationId: ids.home!, qty: 1, reason: 'found' }))).details?.field).toBe('productId');
      expect((await fails(c.call('stock.transfer', { productId: ids.product!, fromLocationId: ids.home!, toLocationId: ids.tyo!, qty: 999 }))).code).toBe('insufficient_stock');
      expect((await fails(c.call('products.get', { id: '01890000-0000-7000-8000-000000000000' }))).code).toBe('not_found');
      expect((await c.call('products.list', { status: 'all' })).total).toBe(before);
    });

    it('unknown methods and junk arguments are refused, not crashed on', async () => {
      if (!o.transport) return;
      const unknown = await o.transport.invoke('stock.delete_everything', {});
      expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      const junk = await o.transport.invoke('products.create', 42);
      expect(junk).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    });

    it('events arrive after a committed write', async () => {
      const got = new Promise<unknown>((resolve) => {
        const off = c.on('stock.changed', (p) => {
          off();
          resolve(p);
        });
      });
      await c.call('stock.adjust', { productId: ids.product!, locationId: ids.home!, qty: -1, reason: 'sample' });
      expect(await got).toEqual({ productIds: [ids.product], locationIds: [ids.home] });
    });

    it('covers every method of the contract', () => {
      expect([...called].sort()).toEqual([...methods].sort());
    });
  });
}

export { createClient };
