// The CJ Dropshipping connection end to end: the app (a real SQLite file) syncing against a local
// fake of CJ's API 2.0 on 127.0.0.1 (test/helpers/cj-fake.ts), which answers as CJ's documentation
// shows — errors inside HTTP 200, tokens that expire, a call a second, one order per orderNumber.
import { afterEach, describe, expect, it } from 'vitest';
import { CjConnector, newCjSession } from '../../main/sync/connectors/cj';
import { startCjFake, type CjFake } from '../helpers/cj-fake';
import { tempApp, type TempApp } from '../helpers/temp-app';

const KEY = 'CJ1234567@api@0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const SETTINGS = {
  shipTo: { name: 'Mei Chen', phone: '+49 30 1234567', countryCode: 'DE', country: 'Germany', province: 'Berlin', city: 'Berlin', address: 'Lagerstraße 5', zip: '10115' },
  logisticName: 'CJPacket Ordinary',
  fromCountryCode: 'CN',
};

let cj: CjFake;
let t: TempApp;
let supplierId: string;
let lamp: string;
let mug: string;

async function setup(settings: Record<string, unknown> = SETTINGS, apiKey = KEY) {
  cj = await startCjFake(KEY);
  cj.variants.set('CJLAMP01-BK', { vid: 'V-LAMP-BK', pid: 'P-LAMP', variantSku: 'CJLAMP01-BK', variantNameEn: 'Desk lamp black', variantSellPrice: 11.85, stock: 340 });
  cj.variants.set('CJMUG02-WH', { vid: 'V-MUG-WH', pid: 'P-MUG', variantSku: 'CJMUG02-WH', variantNameEn: 'Mug white', variantSellPrice: 2.4, stock: 57 });
  t = tempApp({ sync: { cjSpacingMs: 0, timeoutMs: 2000, random: () => 0.5 } });
  const c = t.client;
  await c.call('locations.create', { code: 'BER', name: 'Berlin warehouse', kind: 'own' });
  supplierId = (await c.call('suppliers.create', { name: 'CJ Dropshipping', currency: 'USD', leadTimeDays: 12 })).id;
  lamp = (await c.call('products.create', { sku: 'LAMP', name: 'Desk lamp', price: '39.00' })).id;
  mug = (await c.call('products.create', { sku: 'MUG', name: 'Mug', price: '9.00' })).id;
  const old = (await c.call('products.create', { sku: 'OLD', name: 'Old vase', price: '20.00' })).id;
  await c.call('suppliers.saveProduct', { supplierId, supplierSku: 'CJLAMP01-BK', productId: lamp, unitPrice: '11.85' });
  await c.call('suppliers.saveProduct', { supplierId, supplierSku: 'CJMUG02-WH', productId: mug, unitPrice: '2.10' });
  await c.call('suppliers.saveProduct', { supplierId, supplierSku: 'CJVASE-GONE', productId: old, unitPrice: '5.00' });
  await c.call('sync.saveConnection', { supplierId, kind: 'cj', endpoint: cj.url, apiKey, settings, autoSync: false });
}

const sync = () => t.client.call('sync.run', { supplierId, wait: true }).then((r) => r.runs[0]!);

async function placePo(lines: { productId: string; qty: number }[]) {
  const po = await t.client.call('purchasing.create', { supplierId, lines });
  await t.client.call('purchasing.send', { id: po.order.id });
  return po.order;
}

afterEach(async () => {
  await t?.app.sync.stop();
  t?.close();
  await cj?.close();
});

describe('CJ Dropshipping', () => {
  it('signs in with the API key, reads the merchant’s SKUs, their USD prices and stock across warehouses', async () => {
    await setup();
    const run = await sync();
    expect(run.result).toBe('ok');
    expect(run.counts).toMatchObject({ catalog: 3, prices: 2, availability: 3 });
    expect(cj.requests[0]).toMatchObject({ method: 'POST', path: '/authentication/getAccessToken', body: { apiKey: KEY }, token: null });
    // every call after sign-in carries the token
    expect(cj.requests.slice(1).every((r) => r.token && r.token.length === 32)).toBe(true);
    const mirror = await t.client.call('sync.catalog', { supplierId });
    expect(mirror.rows.map((r) => [r.sku, r.name, r.status, r.unitPrice, r.available])).toEqual([
      ['CJLAMP01-BK', 'Desk lamp black', 'active', '11.85', 340],
      ['CJMUG02-WH', 'Mug white', 'active', '2.4', 57],
      ['CJVASE-GONE', 'CJVASE-GONE', 'discontinued', null, 0],
    ]);
    // a dearer mug and a vanished vase wait for review
    const changes = await t.client.call('sync.changes', { supplierId });
    expect(changes.map((c) => [c.sku, c.kind]).sort()).toEqual([
      ['CJMUG02-WH', 'price'],
      ['CJVASE-GONE', 'discontinued'],
    ]);
    // the token is kept for the next sync: no second sign-in
    await sync();
    expect(cj.requests.filter((r) => r.path === '/authentication/getAccessToken')).toHaveLength(1);
  });

  it('places an order under the purchase-order number, with the receiving address, and reads its status', async () => {
    await setup();
    const po = await placePo([
      { productId: lamp, qty: 24 },
      { productId: mug, qty: 48 },
    ]);
    const run = await sync();
    expect(run.counts.ordersSent).toBe(1);
    expect(cj.orders).toHaveLength(1);
    expect(cj.orders[0]!.body).toMatchObject({
      orderNumber: po.number,
      shippingCountryCode: 'DE',
      shippingCustomerName: 'Mei Chen',
      shippingAddress: 'Lagerstraße 5',
      shippingZip: '10115',
      logisticName: 'CJPacket Ordinary',
      fromCountryCode: 'CN',
      payType: 3,
      products: [
        { sku: 'CJLAMP01-BK', quantity: 24 },
        { sku: 'CJMUG02-WH', quantity: 48 },
      ],
    });
    expect((await t.client.call('sync.order', { poId: po.id })).ack).toMatchObject({ status: 'received', remoteId: cj.orders[0]!.orderId });

    // CJ ships it: the next sync records the status and makes the inbound shipment with its tracking
    cj.ship(po.number, 'CJPKL7160102171YQ');
    const second = await sync();
    expect(second.result).toBe('ok');
    expect(second.counts.shipmentsCreated).toBe(1);
    const s = await t.client.call('sync.order', { poId: po.id });
    expect(s.ack?.status).toBe('shipped');
    const detail = await t.client.call('shipments.get', { id: s.shipments[0]!.id });
    expect(detail.trackingNumbers.map((n) => n.number)).toEqual(['CJPKL7160102171YQ']);
    expect(detail.lines.map((l) => l.qty)).toEqual([24, 48]);
    expect(detail.shipment.status).toBe('in_transit');
    expect(cj.orders).toHaveLength(1);
  });

  it('an answer lost after CJ created the order, or "system busy": found by the order number, never created twice', async () => {
    await setup();
    const a = await placePo([{ productId: lamp, qty: 2 }]);
    cj.faults.dropAfterCreate = 1;
    await sync();
    const b = await placePo([{ productId: mug, qty: 6 }]);
    cj.faults.busy = 1;
    await sync();
    await sync();
    expect(cj.orders.map((o) => o.orderNum).sort()).toEqual([a.number, b.number].sort());
    const outbox = await t.client.call('sync.outbox', { supplierId, state: 'all' });
    expect(outbox.map((i) => i.state)).toEqual(['done', 'done']);
    // a lookup went by our number, as getOrderDetail accepts it
    expect(cj.requests.some((r) => r.path === `/shopping/order/getOrderDetail?orderId=${a.number}`)).toBe(true);
  });

  it('an expired access token is refreshed with the refresh token and the call made again', async () => {
    await setup();
    await sync();
    cj.expireTokens();
    const run = await sync();
    expect(run.result).toBe('ok');
    expect(cj.requests.filter((r) => r.path === '/authentication/refreshAccessToken')).toHaveLength(1);
    expect(cj.requests.filter((r) => r.path === '/authentication/getAccessToken')).toHaveLength(1);
  });

  it('connections to one account share one sign-in and space their calls, even when they call together', async () => {
    await setup();
    cj.spacingMs = 40;
    const session = newCjSession();
    const make = () => new CjConnector({ name: 'CJ Dropshipping', baseUrl: cj.url, apiKey: KEY, settings: {}, skus: ['CJLAMP01-BK', 'CJMUG02-WH'], fetch, session, spacingMs: 60 });
    const [a, b] = await Promise.all([make().catalogPage({ cursor: null, updatedSince: null }), make().pricesPage({ cursor: null, updatedSince: null })]);
    expect(a.kind).toBe('done');
    expect(b.kind).toBe('done');
    expect(cj.requests.filter((r) => r.path === '/authentication/getAccessToken')).toHaveLength(1);
  });

  it('calling faster than CJ allows is answered 1600200 inside HTTP 200: the sync waits and tries later', async () => {
    await setup();
    cj.spacingMs = 60_000;
    const run = await sync();
    expect(run.result).toBe('failed');
    expect(run.message).toMatch(/CJ Dropshipping: Too much request \(CJ code 1600200\)/);
  });

  it('refuses a wrong API key, and an order without the address CJ needs, with the field', async () => {
    await setup({}, 'CJ1234567@api@wrong');
    const run = await sync();
    expect(run.result).toBe('failed');
    expect(run.message).toMatch(/CJ Dropshipping: the API key was refused \(APIkey is wrong \(CJ code 1600005\)\)/);
    // ordering settings are all or nothing: half an address is refused where it is typed
    await expect(t.client.call('sync.saveConnection', { supplierId, kind: 'cj', endpoint: cj.url, settings: { logisticName: 'CJPacket Ordinary' } })).rejects.toMatchObject({ details: { field: 'settings.shipTo' } });
    // a catalogue-only connection cannot place orders: the order is refused, naming what is missing
    await t.client.call('sync.saveConnection', { supplierId, kind: 'cj', endpoint: cj.url, apiKey: KEY, settings: {} });
    await placePo([{ productId: lamp, qty: 1 }]);
    await sync();
    const [refused] = await t.client.call('sync.outbox', { supplierId, state: 'rejected' });
    expect(refused!.lastError).toMatch(/needs the address CJ ships to/);
    expect(cj.orders).toEqual([]);
  });
});
